"""Figures: numbers, amounts, shares, measures, durations and dates found in a sentence.

`find_figures` returns `Figure`s (types.py), each with what it counts (`counted`: "dead",
"shell", "age of Larson"); `same_quantity` says whether two figures state the same quantity
(units convert: "30 miles" and "48 km"); `figures_agree` whether they can state the same thing
("an estimated 50,000" and "up to 50,000", "at least 50" and "52"); `unit_label` is a unit as
shown; `figure_phrase` a figure with what it counts ("24 dead"); `counted_label` the thing
counted after a value ("shells").
"""

from newsdiff.textcore.figures.extract import (
    DATE_UNITS,
    figures_agree,
    find_figures,
    same_quantity,
)
from newsdiff.textcore.figures.phrases import counted_label, figure_phrase
from newsdiff.textcore.figures.units import in_base, unit_label

__all__ = [
    "DATE_UNITS",
    "counted_label",
    "figure_phrase",
    "figures_agree",
    "find_figures",
    "in_base",
    "same_quantity",
    "unit_label",
]
