"""The story page's grid: the aligned rows with, for each shared row, where outlets disagree.

Two outlets' versions of one statement disagree when a figure differs ("120 mph" vs "more than
100 mph", paired as the statement panel pairs them: `textcore.differences.compare_figures`,
so only figures of one quantity: "1 dead" is no disagreement with "2 injured") or
when they credit different people by name. A row lists each disagreement with the outlets
behind each version; each outlet's cell carries its own version, so the marker sits where the
reader looks.

Credits compare only names of people or bodies written as names ("Gerry Scherlinck", "Troy
Police"): a lowercase or one-word credit ("police", "Witnesses") says too little to disagree
with. Two names are one when `same_speaker` says so, when they end in the same word, or when
one is the end of the other ("Undersheriff James Gage", "Genesee County Undersheriff James
Gage").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.articles.models import Article, Claim
from newsdiff.compare.rows import UNIQUE, Row
from newsdiff.textcore.differences import compare_figures, same_speaker, shared_tail
from newsdiff.textcore.types import Figure

COMPACT = "compact"
EXPANDED = "expanded"
SHARED_ONLY = "shared"
VIEWS = (COMPACT, EXPANDED, SHARED_ONLY)
FIGURE = "figure"
HEDGE = "hedge"  # the same number, hedged differently ("three" vs "at least three dead")
CREDIT = "credit"
HEDGED_FIGURE = "qualifier"  # the same number, only its qualifier differs
DIFFERING_FIGURES = frozenset({"value", HEDGED_FIGURE})
SAME_FIGURE = "same"


def view_mode(value: str | None) -> str:
    """The grid's view from the `view` URL parameter; anything else is the compact default."""
    return value if value in VIEWS else COMPACT


@dataclass(frozen=True, slots=True)
class Version:
    """One way the outlets word a figure or a credit, and which outlets word it so."""

    text: str
    outlets: tuple[str, ...]
    columns: tuple[int, ...]
    shown: str = ""  # in the row's note, without the unit all versions share ("100")


@dataclass(frozen=True, slots=True)
class Disagreement:
    kind: str  # FIGURE, HEDGE or CREDIT
    versions: tuple[Version, ...]
    tail: str = ""  # the unit or thing counted all figure versions share, written once

    @property
    def text(self) -> str:
        """ "120 vs more than 100 mph", "1 vs 2 dead", "Gerry Scherlinck vs Charles Craft" """
        shown = " vs ".join(version.shown or version.text for version in self.versions)
        return f"{shown} {self.tail}" if self.tail else shown

    @property
    def label(self) -> str:
        labels = {FIGURE: "Figures differ", HEDGE: "Hedged differently"}
        return labels.get(self.kind, "Credited differently")


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's claims in a row, and its own version of each disagreement of the row."""

    outlet: str
    claims: Sequence[Claim]
    differs: tuple[str, ...] = ()
    own: Sequence[Claim] = ()  # the outlet's own statements that follow, up to the next row


@dataclass(frozen=True, slots=True)
class GridRow:
    group_id: int | None
    status: str
    outlet_count: int
    cells: tuple[Cell, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def is_shared(self) -> bool:
        return self.group_id is not None

    @property
    def claim_count(self) -> int:
        return sum(len(cell.claims) for cell in self.cells)

    @property
    def own_count(self) -> int:
        return sum(len(cell.own) for cell in self.cells)

    @property
    def column_count(self) -> int:
        """Columns with a claim in this row."""
        return sum(1 for cell in self.cells if cell.claims)


def grid_rows(articles: Sequence[Article], rows: Sequence[Row]) -> list[GridRow]:
    """Each shared row with its disagreements, and each outlet's own statements folded into
    its cell of the shared row they follow, so a run of them takes no row of its own. Own
    statements before the first shared row keep a row."""
    labels = [article.label for article in articles]
    found: list[GridRow] = []
    for row in rows:
        if row.group_id is None and found and found[-1].is_shared:
            found[-1] = _with_own(found[-1], row.columns)
        else:
            found.append(_grid_row(row, labels))
    return found


def _with_own(row: GridRow, columns: list[list[Claim]]) -> GridRow:
    cells = tuple(
        Cell(cell.outlet, cell.claims, cell.differs, tuple(cell.own) + tuple(own))
        for cell, own in zip(row.cells, columns, strict=True)
    )
    return GridRow(row.group_id, row.status, row.outlet_count, cells, row.disagreements)


def _grid_row(row: Row, labels: list[str]) -> GridRow:
    found: list[Disagreement] = []
    if row.group_id is not None and row.status != UNIQUE:
        found = _figure_disagreements(row.columns, labels) + _credit_disagreements(
            row.columns, labels
        )
    differs: dict[int, list[str]] = {}
    for disagreement in found:
        for version in disagreement.versions:
            shown = f"credits {version.text}" if disagreement.kind == CREDIT else version.text
            for column in version.columns:
                differs.setdefault(column, []).append(shown)
    cells = tuple(
        Cell(labels[column], claims, tuple(differs.get(column, ())))
        for column, claims in enumerate(row.columns)
    )
    return GridRow(row.group_id, row.status, row.outlet_count, cells, tuple(found))


class _Versions:
    """Wordings of one figure or credit, in order of first appearance, with their columns."""

    def __init__(self) -> None:
        self.columns: dict[str, list[int]] = {}

    def add(self, text: str, column: int) -> None:
        found = self.columns.setdefault(text, [])
        if column not in found:
            found.append(column)

    def disagreement(self, kind: str, labels: list[str]) -> Disagreement | None:
        if len(self.columns) < 2:
            return None
        tail = shared_tail(list(self.columns)) if kind != CREDIT else ""
        versions = tuple(
            Version(
                text,
                tuple(labels[c] for c in columns),
                tuple(columns),
                text[: -len(tail)].rstrip() if tail else text,
            )
            for text, columns in self.columns.items()
        )
        return Disagreement(kind, versions, tail)


def _figure_disagreements(columns: list[list[Claim]], labels: list[str]) -> list[Disagreement]:
    """Figures that differ from the first version stating figures (the lead's, if it has)."""
    stating = [(column, claim) for column, cell in enumerate(columns) for claim in cell]
    stating = [(column, claim) for column, claim in stating if claim.figures]
    if len({column for column, _ in stating}) < 2:
        return []
    first_column, first = stating[0]
    base = _figures(first)
    by_figure: dict[str, _Versions] = {}
    values_differ: set[str] = set()
    agreeing: dict[str, list[int]] = {}
    for column, claim in stating[1:]:
        if column == first_column:
            continue
        for change in compare_figures(base, _figures(claim)):
            if str(change.kind) in DIFFERING_FIGURES:
                versions = by_figure.setdefault(change.a_reads, _Versions())
                versions.add(change.a_reads, first_column)
                versions.add(change.b_reads, column)
                if str(change.kind) != HEDGED_FIGURE:
                    values_differ.add(change.a_reads)
            elif str(change.kind) == SAME_FIGURE:
                agreeing.setdefault(change.a_reads, []).append(column)
    found = []
    for figure, versions in by_figure.items():
        for column in agreeing.get(figure, []):
            versions.add(figure, column)
        kind = FIGURE if figure in values_differ else HEDGE
        if disagreement := versions.disagreement(kind, labels):
            found.append(disagreement)
    return found


def _credit_disagreements(columns: list[list[Claim]], labels: list[str]) -> list[Disagreement]:
    """Credits to names that are not the same person or body."""
    names: list[tuple[str, ...]] = []
    versions = _Versions()
    for column, cell in enumerate(columns):
        for claim in cell:
            words = _name_words(claim.speaker)
            if not words:
                continue
            name = next((n for n in names if _same_name(n, words)), None)
            if name is None:
                name = words
                names.append(name)
            versions.add(" ".join(name), column)
    found = versions.disagreement(CREDIT, labels)
    return [found] if found else []


def _figures(claim: Claim) -> tuple[Figure, ...]:
    return tuple(Figure(**figure) for figure in claim.figures)


def _name_words(speaker: str) -> tuple[str, ...]:
    """The credit's words if it is written as a name of two words or more, else ()."""
    words = tuple(speaker.split())
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return ()
    return words


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = sorted((a, b), key=len)
    return (
        short[-1].casefold() == long[-1].casefold()
        or long[-len(short) :] == short
        or bool(same_speaker(" ".join(a), " ".join(b)))
    )
