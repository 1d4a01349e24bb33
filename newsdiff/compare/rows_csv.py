"""A story's aligned rows as CSV: one line per row, one column per outlet with its wording.

The rows are the story page's (`rows.build_comparison`): a shared statement on one line with
every outlet's version; each outlet's own statements between two shared rows on the line after
it. A cell with several claims holds them one per line. Text from articles is hostile to
spreadsheets: a cell that would start a formula (=, +, -, @, tab, CR) is prefixed with a quote.
"""

from __future__ import annotations

import csv
import io

from newsdiff.compare.rows import SHARED_ALL, SHARED_SEVERAL, Comparison, Row

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows_csv(comparison: Comparison) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    labels = [article.label for article in comparison.articles]
    writer.writerow(["row", "statement", "outlets", *map(_safe, labels)])
    total = len(labels)
    for number, row in enumerate(comparison.rows, start=1):
        cells = ["\n".join(claim.text for claim in claims) for claims in row.columns]
        writer.writerow([number, _kind(row, total), _count(row), *map(_safe, cells)])
    return out.getvalue()


def _kind(row: Row, total: int) -> str:
    if row.group_id is None:
        return "only in one outlet"
    if row.status == SHARED_ALL:
        return "shared by all"
    if row.status == SHARED_SEVERAL:
        return f"shared by {row.outlet_count} of {total}"
    return "only in one outlet"


def _count(row: Row) -> int:
    return sum(1 for claims in row.columns if claims)


def _safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
