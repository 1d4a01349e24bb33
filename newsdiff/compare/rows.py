"""Aligned rows for the side-by-side view: one row per group of matched claims or lone claim.

The lead article's claims give the rows their order; claims of the other articles that are
not in a lead row are inserted after the row of their article's previous claim, so every
column reads in its own order as far as the alignment allows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsdiff.articles.models import Article, Claim

SHARED_ALL = "all"
SHARED_SEVERAL = "several"
UNIQUE = "unique"


@dataclass(slots=True)
class Row:
    key: tuple[int, ...]
    group_id: int | None
    cells: dict[int, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    status: str = UNIQUE
    outlet_count: int = 1
    columns: list[list[Claim]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Comparison:
    articles: list[Article]
    rows: list[Row]

    @property
    def counts(self) -> dict[str, int]:
        counts = {SHARED_ALL: 0, SHARED_SEVERAL: 0, UNIQUE: 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts


def build_comparison(
    articles: list[Article], claims: dict[int, list[Claim]], group_of: dict[int, int]
) -> Comparison:
    """Rows for `articles` (the first leads), given each article's claims and each claim's group."""
    rows: dict[int | None, Row] = {}
    lone: list[Row] = []
    for column, article in enumerate(articles):
        previous_key: tuple[int, ...] = (-1,)
        for seq, claim in enumerate(claims.get(article.pk, [])):
            group_id = group_of.get(claim.pk)
            row = rows.get(group_id) if group_id is not None else None
            if row is None:
                key = (seq, 0) if column == 0 else (*previous_key, column, seq)
                row = Row(key=key, group_id=group_id)
                if group_id is None:
                    lone.append(row)
                else:
                    rows[row.group_id] = row
            row.cells[article.pk].append(claim)
            previous_key = row.key
    every = [*rows.values(), *lone]
    for row in every:
        _classify(row, len(articles))
        row.columns = [row.cells.get(article.pk, []) for article in articles]
    return Comparison(articles=articles, rows=sorted(every, key=lambda r: r.key))


def _classify(row: Row, total: int) -> None:
    row.outlet_count = sum(1 for claims in row.cells.values() if claims)
    if row.outlet_count <= 1:
        row.status = UNIQUE
    elif row.outlet_count == total:
        row.status = SHARED_ALL
    else:
        row.status = SHARED_SEVERAL
