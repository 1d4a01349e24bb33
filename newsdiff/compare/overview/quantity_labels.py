"""A figure's normalised value as a reader writes it, with what it counts: "50,000",
"$100 million per month", "3 shells", "24 dead", "age 48 (Larson)", "magnitude 6.1"."""

from __future__ import annotations

import calendar

from newsdiff.textcore.figures import counted_label, unit_label
from newsdiff.textcore.types import Figure

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def quantity_label(figure: Figure) -> str:
    """The figure's value, unit and period ("22 December", "1990s", "12%", "6 months"), and
    the thing it counts ("3 shells", "24 dead", "age 48 (Larson)", "magnitude 6.1")."""
    unit, value = figure.unit, figure.value
    if unit == "date":
        return _date_label(int(value))
    if unit == "decade":
        return f"{int(value)}s"
    label = _amount_label(value, unit)
    label = f"{label} per {figure.per}" if figure.per else label
    return _with_counted(label, figure) if figure.counted and not unit else label


def _with_counted(label: str, figure: Figure) -> str:
    thing = counted_label(figure.counted, figure.value)
    if thing == "people":
        return label
    if thing == "magnitude":
        return f"magnitude {label}"
    if thing.startswith("age"):
        return f"age {label}{thing.removeprefix('age')}"
    return f"{label} {thing}"


def _amount_label(value: float, unit: str) -> str:
    number = _number_label(value)
    if unit in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[unit] + number
    if unit == "percent":
        return f"{number}%"
    if unit:
        return f"{number} {unit_label(unit, value)}"
    return number


def _number_label(value: float) -> str:
    for scale, word in SCALE_WORDS:
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _date_label(value: int) -> str:
    year, month, day = value // 10000, value // 100 % 100, value % 100
    parts = [str(day) if day else "", calendar.month_name[month] if month else "", str(year or "")]
    return " ".join(part for part in parts if part)
