"""Editors' corrections of the rows, resolved to the current claims and applied to an alignment.

A correction names its claims by article and text (claim ids change when articles are
reprocessed). Each alignment finds the claims again (same article, same text once
normalised; the nearest position if the text occurs twice), applies the corrections with the
text core's `apply_corrections`, and records on each correction the claims it now applies
to and whether it holds (applied, refused with a reason, or no longer applies: a claim is
gone). A claim taken out of a row takes its wire copies with it (they stay a row).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.articles.models import Article, Claim, RowCorrection
from newsdiff.textcore.clean import normalise_line
from newsdiff.textcore.match import CorrectionKind, apply_corrections
from newsdiff.textcore.match import RowCorrection as CoreCorrection
from newsdiff.textcore.types import Alignment, ClaimKey

CLAIM_GONE = "the claim “{text}” is no longer in {article}"
ARTICLE_GONE = "the article of “{text}” was deleted"
STATUS_FIELDS = ["claim_a", "claim_b", "status", "reason"]


@dataclass(frozen=True, slots=True)
class CorrectedRows:
    alignment: Alignment
    corrections: list[RowCorrection]  # with their claims and status updated, to be saved


def corrections_apply(
    corrections: Sequence[RowCorrection],
    articles: Sequence[Article],
    rows: Sequence[Sequence[Claim]],
    alignment: Alignment,
) -> CorrectedRows:
    """The alignment of `articles` (whose claims, in order, are `rows`) with the corrections
    applied; each correction's `claim_a`, `claim_b`, `status` and `reason` set to match."""
    found = _Claims(articles, rows)
    core: list[CoreCorrection] = []
    owners: list[RowCorrection] = []
    for correction in corrections:
        a = found.claim(correction.article_a_id, correction.text_a, correction.position_a)
        b = found.claim(correction.article_b_id, correction.text_b, correction.position_b)
        correction.claim_a, correction.claim_b = a, b
        if a is None or b is None:
            correction.status = RowCorrection.Status.STALE
            correction.reason = _gone(correction, a is None)
            continue
        key = found.key[a.pk]
        copies = tuple(ClaimKey(index, key.claim) for index in found.copies[key.article])
        core.append(CoreCorrection(CorrectionKind(correction.kind), key, found.key[b.pk], copies))
        owners.append(correction)
    result = apply_corrections(alignment, core)
    Status = RowCorrection.Status
    for owner, outcome in zip(owners, result.outcomes, strict=True):
        owner.status = Status.APPLIED if outcome.applied else Status.REFUSED
        owner.reason = outcome.reason
    return CorrectedRows(result.alignment, list(corrections))


def _gone(correction: RowCorrection, first: bool) -> str:
    article = correction.article_a if first else correction.article_b
    text = (correction.text_a if first else correction.text_b)[:80]
    if article is None:
        return ARTICLE_GONE.format(text=text)
    return CLAIM_GONE.format(text=text, article=article.label)


class _Claims:
    """The story's claims by article and normalised text, and each one's key in the rows."""

    def __init__(self, articles: Sequence[Article], rows: Sequence[Sequence[Claim]]) -> None:
        self.key: dict[int, ClaimKey] = {}
        self.by_text: dict[tuple[int, str], list[Claim]] = defaultdict(list)
        self.copies: dict[int, list[int]] = defaultdict(list)  # article index -> copies
        first_of: dict[tuple[str, int], int] = {}
        for index, (article, claims) in enumerate(zip(articles, rows, strict=True)):
            for n, claim in enumerate(claims):
                self.key[claim.pk] = ClaimKey(index, n)
                self.by_text[(article.pk, normalise_line(claim.text))].append(claim)
            text = (article.content_hash, len(claims))
            first_of.setdefault(text, index)
            self.copies[first_of[text]].append(index)
        for index, (article, claims) in enumerate(zip(articles, rows, strict=True)):
            self.copies[index] = self.copies[first_of[(article.content_hash, len(claims))]]

    def claim(self, article_id: int | None, text: str, position: int) -> Claim | None:
        if article_id is None:
            return None
        same = self.by_text.get((article_id, normalise_line(text)), [])
        return min(same, key=lambda claim: abs(claim.position - position), default=None)
