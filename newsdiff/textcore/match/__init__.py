"""Matching: which claims of different articles state the same thing, and the rows they form.

`get_embedder` loads the sentence model (all-MiniLM-L6-v2, int8 ONNX, offline); `align` scores
candidate pairs with the calibrated signals of `similarity` (weights in `weights`), keeps each
claim's best counterparts and groups them into rows (an `Alignment`, types.py);
`apply_corrections` then applies editors' corrections of the rows (`corrections`).
"""

from newsdiff.textcore.match import similarity, weights
from newsdiff.textcore.match.align import align
from newsdiff.textcore.match.corrections import (
    CorrectedAlignment,
    CorrectionKind,
    CorrectionOutcome,
    RowCorrection,
    apply_corrections,
)
from newsdiff.textcore.match.embed import DIMENSION, Embedder, EmbedderUnavailable, get_embedder
from newsdiff.textcore.match.similarity import SIGNALS, combine

__all__ = [
    "DIMENSION",
    "SIGNALS",
    "CorrectedAlignment",
    "CorrectionKind",
    "CorrectionOutcome",
    "Embedder",
    "EmbedderUnavailable",
    "RowCorrection",
    "align",
    "apply_corrections",
    "combine",
    "get_embedder",
    "similarity",
    "weights",
]
