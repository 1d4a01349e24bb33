"""The figures table: each quantity the articles state, one row per quantity, and where the
outlets disagree on its value or its qualifier.

A quantity is what a figure counts or measures, not its bare value: "three shells" and
"three entrances" are two rows, "Larson, 48," and "Steinberg, 48," too, and "48 km" and "30
miles" one (units convert); a time ("0737 GMT") is no figure, and "24 dead" never disagrees
with "at least 50 injured"."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.compare.overview.quantity_labels import quantity_label
from newsdiff.compare.overview.union_find import components
from newsdiff.textcore.figures import figures_agree, in_base
from newsdiff.textcore.types import Figure

if TYPE_CHECKING:
    from newsdiff.articles.models import Article, Claim
    from newsdiff.compare.story_claims import StoryClaims

CONTEXT_CHARS = 36
FIGURE_FIELDS = ("text", "value", "unit", "per", "qualifier", "start", "end", "counted")


@dataclass(frozen=True, slots=True)
class FigureMention:
    column: int
    article: Article
    claim: Claim
    figure: Figure
    group: int | None

    @property
    def key(self) -> tuple[str, str, str]:
        """The quantity: the dimension's base unit, the period and the thing counted."""
        unit, per, _ = in_base(self.figure.unit, self.figure.per, self.figure.value)
        return (unit, per, self.figure.counted)

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

    Figures of several outlets that agree (`figures_agree`: the same quantity, values equal
    within rounding once units convert) form a variant; two variants are one row when, in
    the same group, two outlets each state exactly one figure of that quantity the other
    does not (50,000 vs 40,000 fighters; not 24 dead vs 50 injured).
    """
    mentions = _mentions(story)
    variants = _variants(mentions)
    variant_of = {id(m): index for index, variant in enumerate(variants) for m in variant}
    links = ((variant_of[id(a)], variant_of[id(b)]) for a, b in _clashes(mentions))
    rows = [
        _figure_row([variants[index] for index in joined], len(story.articles))
        for joined in components(len(variants), links)
    ]
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
    return Figure(**{name: stored[name] for name in FIGURE_FIELDS if name in stored})  # type: ignore[arg-type]


def _variants(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    """Mentions grouped so that every two in a variant agree. A figure stated again, the same
    (an outlet's versions, wire copies), joins the variant of its first statement: it agrees
    with whatever that one agrees with."""
    variants: list[list[FigureMention]] = []
    variant_of: dict[Figure, list[FigureMention]] = {}
    for mention in mentions:
        if mention.figure in variant_of:
            variant_of[mention.figure].append(mention)
            continue
        for variant in variants:
            if all(figures_agree(mention.figure, other.figure) for other in variant):
                variant.append(mention)
                break
        else:
            variant = [mention]
            variants.append(variant)
        if figures_agree(mention.figure, mention.figure):
            variant_of[mention.figure] = variant
    return variants


def _clashes(mentions: list[FigureMention]) -> Iterable[tuple[FigureMention, FigureMention]]:
    """Pairs of figures two outlets give for the same quantity of one statement, differently."""
    grouped: dict[int, dict[int, list[FigureMention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        if mention.group is not None:
            grouped[mention.group][mention.column].append(mention)
    # Columns that state the same figures (an outlet's versions, wire copies) are compared
    # once: the same figures again would link the same variants.
    compared: set[tuple[tuple[Figure, ...], tuple[Figure, ...]]] = set()
    for columns in grouped.values():
        alike: dict[tuple[Figure, ...], list[list[FigureMention]]] = defaultdict(list)
        for _, found in sorted(columns.items()):
            alike[tuple(m.figure for m in found)].append(found)
        kinds = list(alike.items())
        for n, (figures, stated) in enumerate(kinds):
            pairs = [(figures, stated[0], figures, stated[1])] if len(stated) > 1 else []
            pairs += [(figures, stated[0], other, also[0]) for other, also in kinds[n + 1 :]]
            for left_figures, left, right_figures, right in pairs:
                if (left_figures, right_figures) not in compared:
                    compared.add((left_figures, right_figures))
                    yield from _clashes_between(left, right)


def _clashes_between(
    left: list[FigureMention], right: list[FigureMention]
) -> Iterable[tuple[FigureMention, FigureMention]]:
    for key in {m.key for m in left} & {m.key for m in right}:
        a, b = _unmatched(left, right, key), _unmatched(right, left, key)
        if len(a) == 1 and len(b) == 1:
            yield a[0], b[0]


def _unmatched(
    own: list[FigureMention], other: list[FigureMention], key: tuple[str, str, str]
) -> list[FigureMention]:
    theirs = [m.figure for m in other if m.key == key]
    return [m for m in own if m.key == key and not any(figures_agree(m.figure, f) for f in theirs)]


def _figure_row(variants: list[list[FigureMention]], columns: int) -> FigureRow:
    variants = sorted(variants, key=lambda v: -len({m.column for m in v}))
    main = {id(m) for m in variants[0]}
    by_column: dict[int, list[FigureMention]] = defaultdict(list)
    for mention in (m for variant in variants for m in variant):
        by_column[mention.column].append(mention)
    qualifiers = Counter(ms[0].figure.qualifier for ms in by_column.values())
    usual = qualifiers.most_common(1)[0][0]
    cells = tuple(_figure_cell(by_column.get(n, []), main, usual) for n in range(columns))
    quantity = " vs ".join(quantity_label(_named(v).figure) for v in variants)
    return FigureRow(quantity, cells, len(variants) > 1, tuple(qualifiers.most_common()))


def _named(variant: list[FigureMention]) -> FigureMention:
    """The mention that best says what the variant counts ("three shells" over "three")."""
    return next((m for m in variant if m.figure.counted), variant[0])


def _figure_cell(mentions: list[FigureMention], main: set[int], usual: str) -> FigureCell:
    """One outlet's mentions in claim order; odd when none is of the row's main variant, or
    when the first is hedged unlike most outlets."""
    found = tuple(sorted(mentions, key=lambda m: (m.claim.position, m.figure.start)))
    if not found:
        return FigureCell()
    if not any(id(m) in main for m in found):
        return FigureCell(found, "value")
    return FigureCell(found, "qualifier" if found[0].figure.qualifier != usual else "")


def _first(row: FigureRow, order: dict[int, int]) -> int:
    return min(order[id(m)] for cell in row.cells for m in cell.mentions)
