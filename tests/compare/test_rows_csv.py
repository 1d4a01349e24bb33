"""The rows as CSV: a line per row, a column per outlet, formulas defused."""

from __future__ import annotations

import csv
import io

from newsdiff.compare.rows import build_comparison
from newsdiff.compare.rows_csv import rows_csv
from tests.compare.plain_story import article, claim


def test_one_line_per_row_and_one_column_per_outlet_with_its_wording() -> None:
    a, b = article(1), article(2)
    claims = {
        1: [claim(10, a, "Shared, as A says."), claim(11, a, "A's own."), claim(12, a, "A too.")],
        2: [claim(20, b, "Shared, as B says."), claim(21, b, '=HYPERLINK("x")')],
    }
    text = rows_csv(build_comparison([a, b], claims, {10: 1, 20: 1}))
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["row", "statement", "outlets", "outlet-1", "outlet-2"]
    assert lines[1] == ["1", "shared by all", "2", "Shared, as A says.", "Shared, as B says."]
    assert lines[2] == ["2", "only in one outlet", "2", "A's own.\nA too.", '\'=HYPERLINK("x")']
    assert len(lines) == 3
