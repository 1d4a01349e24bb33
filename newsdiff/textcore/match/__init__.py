"""Matching: which claims of different articles state the same thing, and the rows they form.

`get_embedder` loads the sentence model (all-MiniLM-L6-v2, int8 ONNX, offline) and
`get_cross_encoder` the trained statement matcher (a MiniLM cross-encoder, int8 ONNX shipped in
`models/`, docs/matcher.md); `align` scores candidate pairs with the calibrated signals of
`similarity` (weights in `weights`), has the matcher read each claim's best counterparts
(`trained`, weights in `trained_weights`) and groups the pairs it calls the same into rows
(an `Alignment`, types.py); `apply_corrections` then applies editors' corrections of the rows
(`corrections`).
"""

from newsdiff.textcore.match import similarity, trained, trained_weights, weights
from newsdiff.textcore.match.align import align
from newsdiff.textcore.match.corrections import (
    CorrectedAlignment,
    CorrectionKind,
    CorrectionOutcome,
    RowCorrection,
    apply_corrections,
)
from newsdiff.textcore.match.cross_encoder import CrossEncoder, get_cross_encoder
from newsdiff.textcore.match.embed import DIMENSION, Embedder, EmbedderUnavailable, get_embedder
from newsdiff.textcore.match.similarity import SIGNALS, combine

__all__ = [
    "DIMENSION",
    "SIGNALS",
    "CorrectedAlignment",
    "CorrectionKind",
    "CorrectionOutcome",
    "CrossEncoder",
    "Embedder",
    "EmbedderUnavailable",
    "RowCorrection",
    "align",
    "apply_corrections",
    "combine",
    "get_cross_encoder",
    "get_embedder",
    "similarity",
    "trained",
    "trained_weights",
    "weights",
]
