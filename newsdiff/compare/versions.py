"""What the reading view and the story page show of an article's versions.

`versions_panel` lists an article's versions with when each was seen and the difference between
the two asked for (by default the one before the latest, and the latest). `version_counts` gives
each article of a story its number of versions; `claims_added_later` says which of the latest
version's claims first appeared, or changed, in a later version, and `mark_later_claims` puts
that on the claims the story page shows (`claim.later_version`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count

from newsdiff.articles.models import Article, ArticleVersion, Claim, Story
from newsdiff.textcore.differences import OpKind, VersionDiff, diff_versions


@dataclass(frozen=True, slots=True)
class VersionsPanel:
    versions: list[ArticleVersion]
    old: ArticleVersion | None
    new: ArticleVersion | None
    diff: VersionDiff | None

    @property
    def changed(self) -> bool:
        return len(self.versions) > 1


def versions_panel(article: Article, old: int | None, new: int | None) -> VersionsPanel:
    """The article's versions, oldest first, and the diff from version `old` to `new`."""
    versions = list(article.versions.order_by("number").defer("raw"))
    if len(versions) < 2:
        return VersionsPanel(versions, None, None, None)
    by_number = {version.number: version for version in versions}
    after = by_number.get(new or 0, versions[-1])
    before = by_number.get(old or 0)
    if before is None or before.number == after.number:  # the one before (version 1: after)
        before = _previous(versions, after) or versions[1]
    return VersionsPanel(versions, before, after, diff_versions(before.text, after.text))


def _previous(versions: list[ArticleVersion], version: ArticleVersion) -> ArticleVersion | None:
    earlier = [v for v in versions if v.number < version.number]
    return earlier[-1] if earlier else None


@dataclass(frozen=True, slots=True)
class LaterClaim:
    """A claim of the latest version that is not in version 1: `added` (new words only) or
    changed, in version `number`."""

    number: int
    added: bool

    @property
    def label(self) -> str:
        return f"{'added' if self.added else 'changed'} in version {self.number}"


def claims_added_later(article: Article, claims: list[Claim]) -> dict[int, LaterClaim]:
    """For each of `claims` (the article's, of its latest version) that the first version did
    not state in the same words: the version where it came, and whether it was added whole."""
    texts = list(article.versions.order_by("number").values_list("number", "text"))
    if len(texts) < 2:
        return {}
    normal = [(number, _normal(text)) for number, text in texts]
    diffs: dict[int, VersionDiff] = {}  # version n against version n - 1, computed once
    found: dict[int, LaterClaim] = {}
    for claim in claims:
        wanted = _normal(claim.text)
        first = next((n for n, text in normal if wanted in text), None)
        if first is None or first == 1:
            continue
        if first not in diffs:
            previous = next(text for n, text in reversed(texts) if n < first)
            diffs[first] = diff_versions(previous, dict(texts)[first])
        found[claim.pk] = LaterClaim(first, _added_whole(diffs[first], claim.text))
    return found


def _added_whole(diff: VersionDiff, claim_text: str) -> bool:
    """Whether the claim's words came in as an insertion (no words of it were replaced)."""
    touching = [c for c in diff.changes if c.kind is not OpKind.EQUAL and c.new.strip()]
    inside = [c for c in touching if c.new.strip() in claim_text]
    return bool(inside) and all(c.kind is OpKind.INSERT for c in inside)


def _normal(text: str) -> str:
    return " ".join(text.split())


def version_counts(story: Story) -> dict[int, int]:
    """How many versions each of the story's articles has (one query)."""
    counted = ArticleVersion.objects.filter(article__story=story).values("article_id")
    return {row["article_id"]: row["n"] for row in counted.annotate(n=Count("pk"))}


def mark_later_claims(
    articles: Sequence[Article], claims: dict[int, list[Claim]], counts: dict[int, int]
) -> None:
    """Set `later_version` (a `LaterClaim`, or None) on the claims of each changed article."""
    for article in articles:
        found = claims.get(article.pk, [])
        later = claims_added_later(article, found) if counts.get(article.pk, 1) > 1 else {}
        for claim in found:
            claim.later_version = later.get(claim.pk)  # type: ignore[attr-defined]
