"""Differences: how two versions of one statement differ: words added and dropped, figures that
disagree, and whether both credit the same speaker; and how two versions of one article differ
(`diff_versions`), and whether that difference is boring (`is_boring_change`).
"""

from newsdiff.textcore.differences.boring import is_boring_change, is_timestamp_line
from newsdiff.textcore.differences.compare import ClaimDifference, compare_claims, same_speaker
from newsdiff.textcore.differences.figures import (
    FigureDifference,
    FigureKind,
    compare_figures,
    shared_tail,
    versus,
)
from newsdiff.textcore.differences.versions import (
    FigureChange,
    VersionChange,
    VersionDiff,
    diff_versions,
)
from newsdiff.textcore.differences.words import OpKind

__all__ = [
    "ClaimDifference",
    "FigureChange",
    "FigureDifference",
    "FigureKind",
    "OpKind",
    "VersionChange",
    "VersionDiff",
    "compare_claims",
    "compare_figures",
    "diff_versions",
    "is_boring_change",
    "is_timestamp_line",
    "same_speaker",
    "shared_tail",
    "versus",
]
