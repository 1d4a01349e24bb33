"""Figures: numbers, amounts, shares, measures, durations and dates found in a sentence.

`find_figures` returns `Figure`s (types.py); `figures_agree` says whether two figures can state
the same thing ("an estimated 50,000" and "up to 50,000"); `unit_label` is a unit as shown.
"""

from newsdiff.textcore.figures.extract import DATE_UNITS, figures_agree, find_figures
from newsdiff.textcore.figures.units import unit_label

__all__ = ["DATE_UNITS", "figures_agree", "find_figures", "unit_label"]
