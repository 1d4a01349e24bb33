"""Aligned rows for the side-by-side view.

Groups of matched claims are the anchors: each gets one row, in the lead article's order, with
groups the lead lacks inserted after the group that precedes them in their own article. Between
two anchors, one row holds each article's own claims (in no group), stacked in the article's
order, so every column reads like the article and shared rows line up across.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdiff.articles.models import Article, Claim

if TYPE_CHECKING:
    from newsdiff.compare.grid import GridRow

SHARED_ALL = "all"
SHARED_SEVERAL = "several"
UNIQUE = "unique"


@dataclass(slots=True)
class Row:
    group_id: int | None
    columns: list[list[Claim]]
    status: str = UNIQUE
    outlet_count: int = 1


@dataclass(frozen=True, slots=True)
class Comparison:
    articles: list[Article]
    rows: list[Row]

    def without(self, hidden: set[int]) -> Comparison:
        """The same rows with the hidden articles' columns left out (statuses unchanged)."""
        keep = [n for n, article in enumerate(self.articles) if article.pk not in hidden]
        rows = [
            Row(row.group_id, [row.columns[n] for n in keep], row.status, row.outlet_count)
            for row in self.rows
        ]
        articles = [self.articles[n] for n in keep]
        return Comparison(articles=articles, rows=[row for row in rows if any(row.columns)])

    @property
    def grid(self) -> list[GridRow]:
        """The rows as the story page shows them, with where outlets' versions disagree."""
        from newsdiff.compare.grid import grid_rows

        return grid_rows(self.articles, self.rows)

    @property
    def counts(self) -> dict[str, int]:
        """Shared rows by kind, and claims found in one article only."""
        counts = {SHARED_ALL: 0, SHARED_SEVERAL: 0, UNIQUE: 0}
        for row in self.rows:
            counts[row.status] += 1 if row.group_id else sum(map(len, row.columns))
        return counts


@dataclass(slots=True)
class _Gaps:
    """Each column's run of ungrouped claims after a given anchor (None = before the first)."""

    runs: dict[int | None, dict[int, list[Claim]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )


def build_comparison(
    articles: list[Article], claims: dict[int, list[Claim]], group_of: dict[int, int]
) -> Comparison:
    """Rows for `articles` (the first leads), given each article's claims and each claim's group."""
    order = _group_order(articles, claims, group_of)
    anchors: dict[int, list[list[Claim]]] = {group: [[] for _ in articles] for group in order}
    gaps = _Gaps()
    for column, article in enumerate(articles):
        previous: int | None = None
        for claim in claims.get(article.pk, []):
            group = group_of.get(claim.pk)
            if group is None:
                gaps.runs[previous][column].append(claim)
            else:
                anchors[group][column].append(claim)
                previous = group
    rows = _gap_rows(gaps.runs.get(None, {}), len(articles))
    for group in order:
        rows.append(_anchor_row(group, anchors[group], len(articles)))
        rows.extend(_gap_rows(gaps.runs.get(group, {}), len(articles)))
    return Comparison(articles=articles, rows=rows)


def _group_order(
    articles: list[Article], claims: dict[int, list[Claim]], group_of: dict[int, int]
) -> list[int]:
    """Groups in the lead's order; others after their article's previous group."""
    order: list[int] = []
    for article in articles:
        insert_at = 0
        for claim in claims.get(article.pk, []):
            group = group_of.get(claim.pk)
            if group is None:
                continue
            if group in order:
                insert_at = max(insert_at, order.index(group) + 1)
            else:
                order.insert(insert_at, group)
                insert_at += 1
    return order


def _anchor_row(group: int, columns: list[list[Claim]], total: int) -> Row:
    present = sum(1 for cell in columns if cell)
    status = SHARED_ALL if present == total else SHARED_SEVERAL if present > 1 else UNIQUE
    return Row(group_id=group, columns=columns, status=status, outlet_count=present)


def _gap_rows(runs: dict[int, list[Claim]], total: int) -> list[Row]:
    """One row holding each column's run of own claims, stacked in the article's order."""
    if not any(runs.values()):
        return []
    return [Row(group_id=None, columns=[runs.get(column, []) for column in range(total)])]
