"""Differences: how two versions of one statement differ: words added and dropped, figures that
disagree, and whether both credit the same speaker.
"""

from newsdiff.textcore.differences.compare import ClaimDifference, compare_claims, same_speaker
from newsdiff.textcore.differences.figures import FigureDifference, compare_figures

__all__ = [
    "ClaimDifference",
    "FigureDifference",
    "compare_claims",
    "compare_figures",
    "same_speaker",
]
