"""The quotes table: each quotation once, with every outlet's wording of it, by speaker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff.compare.overview.speaker_names import speaker_names
from newsdiff.compare.overview.union_find import components
from newsdiff.compare.overview.wording import (
    MIN_QUOTE_WORDS,
    VERBATIM_SHARE,
    same_word_run,
    shared_wording,
    topic_overlap,
    words,
)

if TYPE_CHECKING:
    from newsdiff.articles.models import Article, Claim
    from newsdiff.compare.story_claims import StoryClaims

SAME_QUOTE_SHARE = 0.8
TOPIC_SHARE = 0.3  # of content words, for claims already in the same group
UNATTRIBUTED = "Speaker not named"
EXACT, NEAR = "exact", "near"  # how alike two outlets' quoted words are


@dataclass(frozen=True, slots=True)
class QuoteMention:
    article: Article
    claim: Claim
    wording: str
    speaker: str  # normalised ("Kirby" -> "John Kirby"); "" when the outlet names nobody
    reported: bool = False  # the outlet paraphrases what was said instead of quoting it
    same_words: tuple[str, ...] = ()  # outlets that quote these words too (nearly) verbatim
    exact: bool = False  # ... and word for word


@dataclass(frozen=True, slots=True)
class QuoteRow:
    speaker: str
    cells: tuple[tuple[QuoteMention, ...], ...]

    @property
    def outlet_count(self) -> int:
        return sum(bool(cell) for cell in self.cells)

    @property
    def verbatim(self) -> tuple[str, ...]:
        """The outlets that quote the same words as another outlet."""
        return tuple(
            cell[0].article.label for cell in self.cells if any(m.same_words for m in cell)
        )

    @property
    def first(self) -> QuoteMention:
        return next(m for cell in self.cells for m in cell)


@dataclass(frozen=True, slots=True)
class QuoteSection:
    speaker: str
    rows: tuple[QuoteRow, ...]


def build_quotes(story: StoryClaims) -> tuple[QuoteRow, ...]:
    """Each quotation once, with every outlet's wording of it, most widely quoted first.

    Quotes share a row when their words overlap as a quote does (`shared_wording`), or when
    they are in the same group and talk of the same things (a translated quote). An outlet that
    reports the same words without quoting them shows as a paraphrase in that row.
    """
    group_of = story.group_of()
    quotes = [c for a in story.articles for c in story.claims.get(a.pk, []) if _is_quote(c)]
    names = speaker_names(c.speaker for c in quotes)
    clusters = [
        [quotes[n] for n in joined] for joined in components(len(quotes), _links(quotes, group_of))
    ]
    columns = _Columns(story.column_of(), [article.label for article in story.articles])
    rows = [_quote_row(cluster, story, group_of, names, columns) for cluster in clusters]
    rows.sort(key=lambda row: -row.outlet_count)  # stable: first quoted first among equals
    return tuple(rows)


def quote_sections(rows: Iterable[QuoteRow]) -> tuple[QuoteSection, ...]:
    """Rows by speaker, the speakers in the order of their first row."""
    by_speaker: dict[str, list[QuoteRow]] = {}
    for row in rows:
        by_speaker.setdefault(row.speaker, []).append(row)
    return tuple(QuoteSection(speaker, tuple(rows)) for speaker, rows in by_speaker.items())


def _is_quote(claim: Claim) -> bool:
    return claim.kind == "quote" or bool(claim.quote)


def _wording(claim: Claim) -> str:
    return claim.quote or claim.text


def _links(quotes: list[Claim], group_of: dict[int, int]) -> list[tuple[int, int]]:
    """Pairs of quotes that are one quotation. The same words (MIN_QUOTE_WORDS or more) are one
    quotation whatever else, so a copy is joined to the first copy of its wording; a copy in
    the same group as an earlier one also compares with the others as that one does, and is
    not compared again (many outlets reprint a quote as is)."""
    first_of: dict[str, int] = {}
    seen: set[tuple[str, int | None]] = set()
    links: list[tuple[int, int]] = []
    distinct: list[int] = []
    for n, quote in enumerate(quotes):
        wording = " ".join(words(_wording(quote)))
        if len(wording.split()) >= MIN_QUOTE_WORDS:
            if wording in first_of:
                links.append((first_of[wording], n))
            first_of.setdefault(wording, n)
            if (wording, group_of.get(quote.pk)) in seen:
                continue
            seen.add((wording, group_of.get(quote.pk)))
        distinct.append(n)
    links += [
        (i, j)
        for x, i in enumerate(distinct)
        for j in distinct[x + 1 :]
        if _same_quote(quotes[i], quotes[j], group_of)
    ]
    return links


def _same_quote(a: Claim, b: Claim, group_of: dict[int, int]) -> bool:
    x, y = _wording(a), _wording(b)
    if shared_wording(x, y) >= VERBATIM_SHARE or same_word_run(x, y):
        return True
    grouped = group_of.get(a.pk) is not None and group_of.get(a.pk) == group_of.get(b.pk)
    return grouped and topic_overlap(x, y) >= TOPIC_SHARE


@dataclass(frozen=True, slots=True)
class _Columns:
    of_article: dict[int, int]  # article pk -> column
    labels: list[str]


def _quote_row(
    cluster: list[Claim],
    story: StoryClaims,
    group_of: dict[int, int],
    names: dict[str, str],
    columns: _Columns,
) -> QuoteRow:
    column_of = columns.of_article
    cells: list[list[QuoteMention]] = [[] for _ in story.articles]
    for claim in cluster:
        column = column_of[claim.article_id]
        speaker = names.get(claim.speaker, "")
        cells[column].append(QuoteMention(story.articles[column], claim, _wording(claim), speaker))
    for claim in _reported(cluster, story, group_of, column_of):
        column = column_of[claim.article_id]
        speaker = names.get(claim.speaker, claim.speaker)
        cells[column].append(QuoteMention(story.articles[column], claim, claim.text, speaker, True))
    quoted = [[m.wording for m in cell if not m.reported] for cell in cells]
    likeness: dict[tuple[str, int], str] = {}  # many outlets quote the very same words
    marked = tuple(
        tuple(_mark(m, n, quoted, columns.labels, likeness) for m in cell)
        for n, cell in enumerate(cells)
    )
    return QuoteRow(_row_speaker(marked), marked)


def _row_speaker(cells: tuple[tuple[QuoteMention, ...], ...]) -> str:
    """The speaker most outlets that quote the words name."""
    spoken = Counter(m.speaker for cell in cells for m in cell if m.speaker and not m.reported)
    return spoken.most_common(1)[0][0] if spoken else UNATTRIBUTED


def _reported(
    cluster: list[Claim], story: StoryClaims, group_of: dict[int, int], column_of: dict[int, int]
) -> list[Claim]:
    """Claims of other outlets, in the same group as a quote, that say what it says unquoted."""
    quoted = {claim.article_id for claim in cluster}
    found: dict[int, Claim] = {}  # by pk, in the order found
    looked: set[tuple[int, str]] = set()  # a group and a wording (reprints of a quote)
    for claim in cluster:
        group = group_of.get(claim.pk)
        if group is None or (group, _wording(claim)) in looked:
            continue
        looked.add((group, _wording(claim)))
        for mate in story.groups.get(group, []):
            if (
                mate.pk not in found
                and mate.article_id not in quoted
                and mate.article_id in column_of
                and not _is_quote(mate)
                and topic_overlap(mate.text, _wording(claim)) >= TOPIC_SHARE
            ):
                found[mate.pk] = mate
    return list(found.values())


def _mark(
    mention: QuoteMention,
    column: int,
    quoted: list[list[str]],
    labels: list[str],
    likeness: dict[tuple[str, int], str],
) -> QuoteMention:
    """The mention, with the outlets that quote the same words and whether all do exactly.
    `quoted` is each column's quoted wordings; `likeness` keeps what was worked out per wording
    and column."""
    if mention.reported:
        return mention
    alike, exact = [], True
    for other, wordings in enumerate(quoted):
        if other == column or not wordings:
            continue
        key = (mention.wording, other)
        if key not in likeness:
            likeness[key] = _likeness(mention.wording, wordings)
        if likeness[key]:
            alike.append(labels[other])
            exact = exact and likeness[key] == EXACT
    return replace(mention, same_words=tuple(alike), exact=bool(alike) and exact)


def _likeness(wording: str, others: list[str]) -> str:
    """EXACT if one of `others` has the same run of words, NEAR if it shares most of them."""
    if any(same_word_run(wording, other) for other in others):
        return EXACT
    if any(shared_wording(wording, other) >= SAME_QUOTE_SHARE for other in others):
        return NEAR
    return ""
