"""Units convert to the base unit of their dimension for comparing; a figure keeps its own."""

from __future__ import annotations

import pytest

from newsdiff.textcore.figures.units import in_base, unit_label


@pytest.mark.parametrize(
    ("unit", "per", "value", "base", "base_per", "in_base_unit"),
    [
        ("mile", "", 30, "km", "", 48.28),
        ("km", "", 48, "km", "", 48.0),
        ("mile", "hour", 120, "km", "hour", 193.12),
        ("knot", "", 10, "km", "hour", 18.52),
        ("foot", "", 10, "km", "", 0.003048),
        ("sq foot", "", 170_000, "sq km", "", 0.015794),
        ("sq metre", "", 15_800, "sq km", "", 0.0158),
        ("acre", "", 100, "sq km", "", 0.404686),
        ("lb", "", 180, "kg", "", 81.65),
        ("tonne", "", 2, "kg", "", 2000.0),
        ("gallon", "", 10, "litre", "", 37.85),
        ("MW", "", 5, "kW", "", 5000.0),
        ("°F", "", 86, "°C", "", 30.0),
        ("°F", "", 32, "°C", "", 0.0),
        ("USD", "month", 1e8, "USD", "month", 1e8),
        ("year", "", 4, "year", "", 4.0),
        ("", "", 3, "", "", 3.0),
    ],
)
def test_in_base(
    unit: str, per: str, value: float, base: str, base_per: str, in_base_unit: float
) -> None:
    found = in_base(unit, per, value)
    assert found[:2] == (base, base_per)
    assert found[2] == pytest.approx(in_base_unit, rel=1e-3, abs=1e-9)


def test_a_unit_is_shown_as_written() -> None:
    assert unit_label("sq foot", 170_000) == "sq feet"
    assert unit_label("mile", 30) == "miles"
