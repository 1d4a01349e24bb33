"""The story overview, built from plain lists: which outlet carries which shared statement and in
whose words, what only one outlet has, and every figure and quote side by side.

Wording: two claims *share wording* when at least half of the shorter one's word trigrams occur
in the other (`shared_wording`): a reused wire sentence or quote, not a paraphrase that merely
reuses the content words. The stored match signals cannot tell these apart ("We can confirm that
North Korea has completed" and "He confirmed that North Korea completed" score 1.0 on content
words), word trigrams can.

Nothing here queries the database: the view hands over the articles, their claims and the groups.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdiff.textcore.figures import figures_agree
from newsdiff.textcore.types import Figure

if TYPE_CHECKING:
    from newsdiff.articles.models import Article, Claim

HAS = "has"
PARAPHRASES = "paraphrases"
LACKS = "lacks"
STATES = {
    HAS: "has it, word for word or nearly",
    PARAPHRASES: "paraphrases it",
    LACKS: "lacks it",
}
VERBATIM_SHARE = 0.5  # of the shorter claim's word trigrams found in the other
MIN_SHARED_TRIGRAMS = 3
MIN_QUOTE_WORDS = 4  # a shorter run of the same words is a phrase, not a quote
SAME_QUOTE_SHARE = 0.8
TOPIC_SHARE = 0.3  # of content words, for claims already in the same group
CONTEXT_CHARS = 36
UNATTRIBUTED = "Speaker not named"

WORD = re.compile(r"\w+")


def _word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


STOP_WORDS = _word_set(
    """
    that this with from have will were been they their about which would there what when said
    says also into than them then these those while where after before other some
    """
)
HONORIFICS = _word_set(
    """
    mr mr. mrs mrs. ms ms. dr dr. president prime minister foreign secretary ambassador
    spokesman spokeswoman spokesperson general gen. senator sen. rep. chancellor
    """
)
NAME_TOKEN = re.compile(r"^[A-Z][\w.’'-]*$")


# -- words ------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.casefold()))


@lru_cache(maxsize=8192)
def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    found = words(text)
    return frozenset(zip(found, found[1:], found[2:], strict=False))


def shared_wording(a: str, b: str) -> float:
    """The share of the shorter text's word trigrams that the other text has too."""
    x, y = trigrams(a), trigrams(b)
    common = len(x & y)
    return common / min(len(x), len(y)) if common >= MIN_SHARED_TRIGRAMS else 0.0


def same_words(a: str, b: str) -> bool:
    """One text's words, in order, are a run of the other's (a full or partial quote)."""
    x, y = " ".join(words(a)), " ".join(words(b))
    short, long = sorted((x, y), key=len)
    return len(short.split()) >= MIN_QUOTE_WORDS and f" {short} " in f" {long} "


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) >= 4 and w not in STOP_WORDS)


def topic_overlap(a: str, b: str) -> float:
    x, y = content_words(a), content_words(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def excerpt(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return f"{cut}…"


# -- the story as the view hands it over ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """Ready articles in column order, each one's claims in order, groups in position order."""

    articles: Sequence[Article]
    claims: dict[int, list[Claim]]
    groups: dict[int, list[Claim]]

    def group_of(self) -> dict[int, int]:
        return {claim.pk: group for group, members in self.groups.items() for claim in members}

    def column_of(self) -> dict[int, int]:
        return {article.pk: column for column, article in enumerate(self.articles)}


# -- coverage ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverageCell:
    state: str
    claims: tuple[Claim, ...] = ()
    like: tuple[str, ...] = ()  # the outlets whose wording it shares

    @property
    def text(self) -> str:
        return " ".join(claim.text for claim in self.claims)


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

    def carried(self, column: int, state: str | None = None) -> int:
        cells = (row.cells[column].state for row in self.rows)
        return sum(s == state if state else s != LACKS for s in cells)


def build_coverage(story: StoryClaims, story_url: str) -> Coverage:
    """Shared statements (groups of two outlets or more), most widely carried first."""
    column_of = story.column_of()
    labels = tuple(article.label for article in story.articles)
    rows = []
    for position, (group, members) in enumerate(story.groups.items()):
        by_column: dict[int, list[Claim]] = defaultdict(list)
        for claim in members:
            if claim.article_id in column_of:
                by_column[column_of[claim.article_id]].append(claim)
        if len(by_column) < 2:
            continue
        cells = tuple(_cell(column, by_column, labels) for column in range(len(labels)))
        text = min((claim.text for claim in members), key=len)
        rows.append(CoverageRow(group, position, text, f"{story_url}#group-{group}", cells))
    rows.sort(key=lambda row: (-row.outlet_count, row.position))
    return Coverage(labels, tuple(rows))


def _cell(column: int, by_column: dict[int, list[Claim]], labels: tuple[str, ...]) -> CoverageCell:
    own = by_column.get(column, [])
    if not own:
        return CoverageCell(LACKS)
    like = tuple(
        labels[other]
        for other, theirs in sorted(by_column.items())
        if other != column
        and any(shared_wording(a.text, b.text) >= VERBATIM_SHARE for a in own for b in theirs)
    )
    return CoverageCell(HAS if like else PARAPHRASES, tuple(own), like)


# -- outlets and what only one of them has ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletSummary:
    article: Article
    claims: int
    has: int
    paraphrases: int
    only_here: tuple[Claim, ...]

    @property
    def shared(self) -> int:
        return self.has + self.paraphrases


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
        )
        for column, article in enumerate(story.articles)
    )


# -- figures ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureMention:
    column: int
    article: Article
    claim: Claim
    figure: Figure
    group: int | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.figure.unit, self.figure.per)

    @property
    def before(self) -> str:
        start = self.figure.start
        head = self.claim.text[max(0, start - CONTEXT_CHARS) : start]
        if start > CONTEXT_CHARS and " " in head:
            head = "…" + head.split(" ", 1)[1]
        return head

    @property
    def after(self) -> str:
        end = self.figure.end
        tail = self.claim.text[end : end + CONTEXT_CHARS]
        if end + CONTEXT_CHARS < len(self.claim.text) and " " in tail:
            tail = tail.rsplit(" ", 1)[0] + "…"
        return tail


@dataclass(frozen=True, slots=True)
class FigureCell:
    mentions: tuple[FigureMention, ...] = ()
    odd: str = ""  # why this outlet's figure stands out: "value" or "qualifier"


@dataclass(frozen=True, slots=True)
class FigureRow:
    quantity: str
    cells: tuple[FigureCell, ...]
    value_differs: bool
    qualifiers: tuple[tuple[str, int], ...]  # each qualifier and how many outlets use it

    @property
    def outlet_count(self) -> int:
        return sum(bool(cell.mentions) for cell in self.cells)

    @property
    def qualifier_differs(self) -> bool:
        return len(self.qualifiers) > 1

    @property
    def status(self) -> str:
        if self.value_differs:
            return "value"
        if self.qualifier_differs:
            return "qualifier"
        return "agree" if self.outlet_count > 1 else "single"


def build_figures(story: StoryClaims) -> tuple[FigureRow, ...]:
    """Each quantity the articles state, one row per quantity, most widely stated first.

    Figures of several outlets that agree (same unit and period, values equal within rounding)
    form a variant; two variants are one row when, in the same group, two outlets each state
    exactly one figure of that unit the other does not (50,000 vs 40,000 fighters).
    """
    mentions = _mentions(story)
    variants = _variants(mentions)
    variant_of = {id(m): index for index, variant in enumerate(variants) for m in variant}
    parent = list(range(len(variants)))
    for a, b in _clashes(mentions):
        parent[_root(parent, variant_of[id(a)])] = _root(parent, variant_of[id(b)])
    merged: dict[int, list[list[FigureMention]]] = defaultdict(list)
    for index, variant in enumerate(variants):
        merged[_root(parent, index)].append(variant)
    rows = [_figure_row(parts, len(story.articles)) for parts in merged.values()]
    order = {id(m): n for n, m in enumerate(mentions)}
    rows.sort(key=lambda row: (-row.outlet_count, _first(row, order)))
    return tuple(rows)


def _mentions(story: StoryClaims) -> list[FigureMention]:
    group_of = story.group_of()
    return [
        FigureMention(column, article, claim, _figure(figure), group_of.get(claim.pk))
        for column, article in enumerate(story.articles)
        for claim in story.claims.get(article.pk, [])
        for figure in claim.figures or []
    ]


def _figure(stored: dict[str, object]) -> Figure:
    fields = ("text", "value", "unit", "per", "qualifier", "start", "end")
    return Figure(**{name: stored[name] for name in fields if name in stored})  # type: ignore[arg-type]


def _agree(a: Figure, b: Figure) -> bool:
    """`figures_agree`, except that dates must share a part ("2014" is not "Dec. 22")."""
    if not figures_agree(a, b):
        return False
    if a.unit != "date":
        return True
    x, y = int(a.value), int(b.value)
    parts = [(x // 10000, y // 10000), (x // 100 % 100, y // 100 % 100), (x % 100, y % 100)]
    return any(p and q for p, q in parts)


def _variants(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Mentions grouped so that every two in a variant agree."""
    variants: list[list[FigureMention]] = []
    for mention in mentions:
        for variant in variants:
            if all(_agree(mention.figure, other.figure) for other in variant):
                variant.append(mention)
                break
        else:
            variants.append([mention])
    return variants


def _clashes(mentions: list[FigureMention]) -> Iterable[tuple[FigureMention, FigureMention]]:
    """Pairs of figures two outlets give for the same quantity of one statement, differently."""
    grouped: dict[int, dict[int, list[FigureMention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        if mention.group is not None:
            grouped[mention.group][mention.column].append(mention)
    for columns in grouped.values():
        ordered = sorted(columns.items())
        for n, (_, left) in enumerate(ordered):
            for _, right in ordered[n + 1 :]:
                for key in {m.key for m in left} & {m.key for m in right}:
                    a = _unmatched(left, right, key)
                    b = _unmatched(right, left, key)
                    if len(a) == 1 and len(b) == 1:
                        yield a[0], b[0]


def _unmatched(
    own: list[FigureMention], other: list[FigureMention], key: tuple[str, str]
) -> list[FigureMention]:
    theirs = [m.figure for m in other if m.key == key]
    return [m for m in own if m.key == key and not any(_agree(m.figure, f) for f in theirs)]


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _figure_row(variants: list[list[FigureMention]], columns: int) -> FigureRow:
    variants = sorted(variants, key=lambda v: -len({m.column for m in v}))
    main = {id(m) for m in variants[0]}
    by_column: dict[int, list[FigureMention]] = defaultdict(list)
    for mention in (m for variant in variants for m in variant):
        by_column[mention.column].append(mention)
    qualifiers = Counter(ms[0].figure.qualifier for ms in by_column.values())
    usual = qualifiers.most_common(1)[0][0]
    cells = []
    for column in range(columns):
        found = tuple(
            sorted(by_column.get(column, []), key=lambda m: (m.claim.position, m.figure.start))
        )
        odd = ""
        if found and not any(id(m) in main for m in found):
            odd = "value"
        elif found and found[0].figure.qualifier != usual:
            odd = "qualifier"
        cells.append(FigureCell(found, odd))
    quantity = " vs ".join(quantity_label(v[0].figure) for v in variants)
    return FigureRow(quantity, tuple(cells), len(variants) > 1, tuple(qualifiers.most_common()))


def _first(row: FigureRow, order: dict[int, int]) -> int:
    return min(order[id(m)] for cell in row.cells for m in cell.mentions)


SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def quantity_label(figure: Figure) -> str:
    """A figure's normalised value as a reader writes it: "50,000", "$100 million per month"."""
    unit, value = figure.unit, figure.value
    if unit == "date":
        return _date_label(int(value))
    if unit == "decade":
        return f"{int(value)}s"
    number = _number_label(value)
    if unit in CURRENCY_SIGNS:
        label = CURRENCY_SIGNS[unit] + number
    elif unit == "percent":
        label = f"{number}%"
    elif unit:
        label = f"{number} {unit}{'' if value == 1 else 's'}"
    else:
        label = number
    return f"{label} per {figure.per}" if figure.per else label


def _number_label(value: float) -> str:
    for scale, word in SCALE_WORDS:
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _date_label(value: int) -> str:
    year, month, day = value // 10000, value // 100 % 100, value % 100
    parts = [str(day) if day else "", calendar.month_name[month] if month else "", str(year or "")]
    return " ".join(part for part in parts if part)


# -- quotes -----------------------------------------------------------------------------------


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
    group_of, column_of = story.group_of(), story.column_of()
    quotes = [c for a in story.articles for c in story.claims.get(a.pk, []) if _is_quote(c)]
    names = speaker_names(c.speaker for c in quotes)
    clusters = _quote_clusters(quotes, group_of)
    rows = [_quote_row(cluster, story, group_of, column_of, names) for cluster in clusters]
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


def _quote_clusters(quotes: list[Claim], group_of: dict[int, int]) -> list[list[Claim]]:
    parent = list(range(len(quotes)))
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            if _same_quote(a, quotes[j], group_of):
                parent[_root(parent, j)] = _root(parent, i)
    clusters: dict[int, list[Claim]] = {}
    for index, claim in enumerate(quotes):
        clusters.setdefault(_root(parent, index), []).append(claim)
    return list(clusters.values())


def _same_quote(a: Claim, b: Claim, group_of: dict[int, int]) -> bool:
    x, y = _wording(a), _wording(b)
    if shared_wording(x, y) >= VERBATIM_SHARE or same_words(x, y):
        return True
    grouped = group_of.get(a.pk) is not None and group_of.get(a.pk) == group_of.get(b.pk)
    return grouped and topic_overlap(x, y) >= TOPIC_SHARE


def _quote_row(
    cluster: list[Claim],
    story: StoryClaims,
    group_of: dict[int, int],
    column_of: dict[int, int],
    names: dict[str, str],
) -> QuoteRow:
    cells: list[list[QuoteMention]] = [[] for _ in story.articles]
    for claim in cluster:
        column = column_of[claim.article_id]
        cells[column].append(
            QuoteMention(
                story.articles[column], claim, _wording(claim), names.get(claim.speaker, "")
            )
        )
    for claim in _reported(cluster, story, group_of, column_of):
        column = column_of[claim.article_id]
        speaker = names.get(claim.speaker, claim.speaker)
        cells[column].append(QuoteMention(story.articles[column], claim, claim.text, speaker, True))
    labels = [article.label for article in story.articles]
    marked = tuple(tuple(_mark(m, n, cells, labels) for m in cell) for n, cell in enumerate(cells))
    spoken = Counter(m.speaker for cell in marked for m in cell if m.speaker and not m.reported)
    speaker = spoken.most_common(1)[0][0] if spoken else UNATTRIBUTED
    return QuoteRow(speaker, marked)


def _reported(
    cluster: list[Claim], story: StoryClaims, group_of: dict[int, int], column_of: dict[int, int]
) -> list[Claim]:
    """Claims of other outlets, in the same group as a quote, that say what it says unquoted."""
    quoted = {claim.article_id for claim in cluster}
    found = []
    for claim in cluster:
        group = group_of.get(claim.pk)
        for mate in story.groups.get(group, []) if group is not None else []:
            if (
                mate.article_id not in quoted
                and mate.article_id in column_of
                and not _is_quote(mate)
                and mate not in found
                and topic_overlap(mate.text, _wording(claim)) >= TOPIC_SHARE
            ):
                found.append(mate)
    return found


def _mark(
    mention: QuoteMention, column: int, cells: list[list[QuoteMention]], labels: list[str]
) -> QuoteMention:
    if mention.reported:
        return mention
    alike, exact = [], True
    for other, cell in enumerate(cells):
        quoted = [m.wording for m in cell if not m.reported]
        if other == column or not quoted:
            continue
        if any(same_words(mention.wording, w) for w in quoted):
            alike.append(labels[other])
        elif any(shared_wording(mention.wording, w) >= SAME_QUOTE_SHARE for w in quoted):
            alike.append(labels[other])
            exact = False
    return replace(mention, same_words=tuple(alike), exact=bool(alike) and exact)


def speaker_names(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker as given -> one name per person: "Kirby" and "White House spokesman John
    Kirby" are both "John Kirby" when the story names one Kirby in full."""
    names = {raw: _person(raw) for raw in set(speakers) if raw.strip()}
    full = {name for name in names.values() if len(name.split()) > 1}
    for raw, name in names.items():
        if len(name.split()) == 1:
            same = {f for f in full if f.split()[-1].casefold() == name.casefold()}
            if len(same) == 1:
                names[raw] = same.pop()
    return names


def _person(raw: str) -> str:
    """The trailing run of capitalised words, without titles; else the text as given."""
    tokens = raw.split()
    run: list[str] = []
    for token in reversed(tokens):
        if not NAME_TOKEN.match(token):
            break
        run.insert(0, token)
    while run and run[0].casefold() in HONORIFICS:
        run.pop(0)
    return " ".join(run) if run else " ".join(tokens)


# -- the whole page ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overview:
    coverage: Coverage
    outlets: tuple[OutletSummary, ...]
    figures: tuple[FigureRow, ...]
    quotes: tuple[QuoteRow, ...]

    @property
    def shared_figures(self) -> tuple[FigureRow, ...]:
        return tuple(row for row in self.figures if row.outlet_count > 1)

    @property
    def single_figures(self) -> tuple[FigureRow, ...]:
        return tuple(row for row in self.figures if row.outlet_count == 1)

    @property
    def shared_quotes(self) -> tuple[QuoteSection, ...]:
        return quote_sections(row for row in self.quotes if row.outlet_count > 1)

    @property
    def quoted_by_several(self) -> int:
        return sum(row.outlet_count > 1 for row in self.quotes)

    @property
    def single_quotes(self) -> tuple[QuoteRow, ...]:
        return tuple(row for row in self.quotes if row.outlet_count == 1)

    @property
    def only_here_count(self) -> int:
        return sum(len(outlet.only_here) for outlet in self.outlets)


def build_overview(story: StoryClaims, story_url: str) -> Overview:
    coverage = build_coverage(story, story_url)
    return Overview(
        coverage=coverage,
        outlets=build_outlets(story, coverage),
        figures=build_figures(story),
        quotes=build_quotes(story),
    )
