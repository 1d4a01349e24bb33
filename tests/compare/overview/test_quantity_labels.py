"""Quantity labels: a figure's normalised value as people write it."""

from __future__ import annotations

import pytest

from newsdiff.compare.overview.quantity_labels import quantity_label
from newsdiff.textcore.types import Figure


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        (Figure("50k", 50000.0), "50,000"),
        (Figure("$100 million a month", 1e8, "USD", "month"), "$100 million per month"),
        (Figure("1.5bn euros", 1.5e9, "EUR"), "€1.5 billion"),
        (Figure("12 per cent", 12.0, "percent"), "12%"),
        (Figure("six months", 6.0, "month"), "6 months"),
        (Figure("Dec. 22", 1222.0, "date"), "22 December"),
        (Figure("November 2022", 20221100.0, "date"), "November 2022"),
        (Figure("the ’90s", 1990.0, "decade"), "1990s"),
        (Figure("15 kilometres", 15.0, "km"), "15 km"),
        (Figure("10 miles", 10.0, "mile"), "10 miles"),
        (Figure("one mile", 1.0, "mile"), "1 mile"),
        (Figure("2,000 square kilometres", 2000.0, "sq km"), "2,000 sq km"),
        (Figure("170,000-square-foot", 170000.0, "sq foot"), "170,000 sq feet"),
        (Figure("three", 3.0, counted="shell"), "3 shells"),
        (Figure("three", 3.0, counted="story"), "3 stories"),
        (Figure("one", 1.0, counted="count"), "1 count"),
        (Figure("24", 24.0, counted="dead"), "24 dead"),
        (Figure("50,000", 50000.0, counted="people"), "50,000"),
        (Figure("6.1", 6.1, counted="magnitude"), "magnitude 6.1"),
        (Figure("48", 48.0, counted="age of Larson"), "age 48 (Larson)"),
        (Figure("48-year", 48.0, counted="age"), "age 48"),
    ],
)
def test_quantity_labels_read_as_written_by_people(figure: Figure, label: str) -> None:
    assert quantity_label(figure) == label
