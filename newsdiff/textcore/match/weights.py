"""Calibrated weights of the claim similarity score (written by bench/calibrate.py)."""

# Fitted on 3261 MRPC train + 5749 STS train pairs; set by hand: figures_agree +2, figures_clash -2;
# SAME_THRESHOLD from 5-fold out-of-fold predictions on the MRPC pairs.
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
BIAS = -3.4734
WEIGHTS = (
    4.2680,  # cosine
    1.6858,  # jaccard
    0.0000,  # containment
    0.0000,  # names
    2.0000,  # figures_agree
    -2.0000,  # figures_clash
    -0.9539,  # negation
    0.2313,  # quote
)
SAME_THRESHOLD = 0.46
RELATED_THRESHOLD = 0.27
