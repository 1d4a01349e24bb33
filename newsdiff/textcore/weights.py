"""Calibrated weights of the claim similarity score (written by bench/calibrate.py)."""

# Fitted on 3261 MRPC train + 5749 STS train pairs; set by hand: figures_agree +2, figures_clash -2.
SIGNALS = (
    "cosine",
    "jaccard",
    "containment",
    "names",
    "figures_agree",
    "figures_clash",
    "negation",
    "quote",
)
BIAS = -3.5230
WEIGHTS = (4.2871, 1.7426, 0.0000, 0.0000, 2.0000, -2.0000, -0.9214, 0.2207)
SAME_THRESHOLD = 0.46
RELATED_THRESHOLD = 0.30
