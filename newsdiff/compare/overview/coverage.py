"""Which outlet carries which shared statement and in whose words, and what only one has.

A shared statement is a group with claims of two outlets or more, named by its central claim
(`wording.central`: the wording that says what most versions say). Each outlet *has* it when
its claim shares wording with another outlet's (`wording.shared_wording`), *paraphrases* it
when it says it in its own words, and *lacks* it otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdiff.compare.overview.wording import VERBATIM_SHARE, central, excerpt, shared_wording

if TYPE_CHECKING:
    from newsdiff.articles.models import Article, Claim
    from newsdiff.compare.story_claims import StoryClaims

HAS = "has"
PARAPHRASES = "paraphrases"
LACKS = "lacks"
LIKE_NAMED = 2
OPENING_CHARS = 80
STATES = {
    HAS: "has it, word for word or nearly",
    PARAPHRASES: "paraphrases it",
    LACKS: "lacks it",
}


@dataclass(frozen=True, slots=True)
class CoverageCell:
    state: str
    claims: tuple[Claim, ...] = ()
    like: tuple[str, ...] = ()  # the outlets whose wording it shares

    @property
    def text(self) -> str:
        return " ".join(claim.text for claim in self.claims)

    @property
    def like_briefly(self) -> str:
        """The outlets it shares wording with, two by name: "a, b and 4 more"."""
        named = ", ".join(self.like[:LIKE_NAMED])
        more = len(self.like) - LIKE_NAMED
        return f"{named} and {more} more" if more > 0 else named


LACKING = CoverageCell(LACKS)  # every cell that lacks the statement (it holds nothing else)


@dataclass(frozen=True, slots=True)
class CoverageRow:
    group_id: int
    position: int
    text: str
    href: str
    cells: tuple[CoverageCell, ...]

    @property
    def outlet_count(self) -> int:
        return sum(cell.state != LACKS for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Coverage:
    labels: tuple[str, ...]
    rows: tuple[CoverageRow, ...]
    # Each column's cells by state, counted on first use (the page asks several times).
    _states: list[Counter[str]] = field(default_factory=list, init=False, compare=False, repr=False)

    def carried(self, column: int, state: str | None = None) -> int:
        if not self._states:
            self._states.extend(
                Counter(row.cells[n].state for row in self.rows) for n in range(len(self.labels))
            )
        states = self._states[column]
        return states[state] if state else sum(states.values()) - states[LACKS]


@dataclass(frozen=True, slots=True)
class OutletSummary:
    article: Article
    claims: int
    has: int
    paraphrases: int
    only_here: tuple[Claim, ...]
    opening: str = ""  # without a headline: the article's first claim, cut

    @property
    def shared(self) -> int:
        return self.has + self.paraphrases


def build_coverage(story: StoryClaims, story_url: str) -> Coverage:
    """Shared statements (groups of two outlets or more), most widely carried first."""
    column_of = story.column_of()
    labels = tuple(article.label for article in story.articles)
    rows = []
    for position, (group, members) in enumerate(story.groups.items()):
        by_column = _by_column(members, column_of)
        if len(by_column) < 2:
            continue
        alike = _alike(by_column)
        cells = tuple(_cell(column, by_column, alike, labels) for column in range(len(labels)))
        text = central([claim.text for claim in members])
        rows.append(CoverageRow(group, position, text, f"{story_url}#group-{group}", cells))
    rows.sort(key=lambda row: (-row.outlet_count, row.position))
    return Coverage(labels, tuple(rows))


def build_outlets(story: StoryClaims, coverage: Coverage) -> tuple[OutletSummary, ...]:
    """Per outlet: shared statements it carries (in shared or own words), and its own claims."""
    shared = {claim.pk for row in coverage.rows for cell in row.cells for claim in cell.claims}
    return tuple(
        OutletSummary(
            article=article,
            claims=len(story.claims.get(article.pk, [])),
            has=coverage.carried(column, HAS),
            paraphrases=coverage.carried(column, PARAPHRASES),
            only_here=tuple(c for c in story.claims.get(article.pk, []) if c.pk not in shared),
            opening=opening_words(article, story.claims.get(article.pk, [])),
        )
        for column, article in enumerate(story.articles)
    )


def opening_words(article: Article, claims: list[Claim]) -> str:
    """The opening words of an article without a headline (a pasted text that starts with
    its lede): its first claim, cut at OPENING_CHARS. Empty when it has a headline."""
    if article.title or not claims:
        return ""
    return excerpt(claims[0].text, OPENING_CHARS)


def _by_column(members: list[Claim], column_of: dict[int, int]) -> dict[int, list[Claim]]:
    by_column: dict[int, list[Claim]] = defaultdict(list)
    for claim in members:
        if claim.article_id in column_of:
            by_column[column_of[claim.article_id]].append(claim)
    return by_column


def _alike(by_column: dict[int, list[Claim]]) -> dict[int, list[int]]:
    """For each column, the other columns whose claims share its wording. Columns with the
    same wordings (an outlet's versions, wire copies) are compared as one."""
    same: dict[frozenset[str], list[int]] = defaultdict(list)
    for column in sorted(by_column):
        same[frozenset(claim.text for claim in by_column[column])].append(column)
    wordings = list(same)
    alike: dict[int, list[int]] = defaultdict(list)
    for n, wording in enumerate(wordings):
        if len(same[wording]) > 1 and _share_wording(wording, wording):
            for column in same[wording]:
                alike[column].extend(other for other in same[wording] if other != column)
        for other_wording in wordings[n + 1 :]:
            if _share_wording(wording, other_wording):
                for column in same[wording]:
                    alike[column].extend(same[other_wording])
                for column in same[other_wording]:
                    alike[column].extend(same[wording])
    return alike


def _cell(
    column: int,
    by_column: dict[int, list[Claim]],
    alike: dict[int, list[int]],
    labels: tuple[str, ...],
) -> CoverageCell:
    own = by_column.get(column, [])
    if not own:
        return LACKING
    like = tuple(labels[other] for other in sorted(alike.get(column, [])))
    return CoverageCell(HAS if like else PARAPHRASES, tuple(own), like)


def _share_wording(own: frozenset[str], theirs: frozenset[str]) -> bool:
    return any(shared_wording(a, b) >= VERBATIM_SHARE for a in own for b in theirs)
