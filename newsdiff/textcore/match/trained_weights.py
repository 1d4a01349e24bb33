"""How the trained matcher's logit and the rule signals combine.

Written by bench/calibrate_matcher.py.
"""

# Fitted on the model's logits for 652 MRPC train pairs it was not trained on
# (training/oof_mrpc.json); set by hand: figures_clash -2;
# SAME_THRESHOLD: best accuracy there (of the cuts within 0.005 of it, the best F1);
# ROW_THRESHOLD: the lowest cut of precision >= 0.85 there.
FEATURES = (
    "logit",
    "cosine",
    "jaccard",
    "containment",
    "names",
    "figures_agree",
    "figures_clash",
    "negation",
    "quote",
)
BIAS = -1.7801
WEIGHTS = (
    0.5350,  # logit
    2.2084,  # cosine
    1.0182,  # jaccard
    0.0000,  # containment
    0.0000,  # names
    0.0000,  # figures_agree
    -2.0000,  # figures_clash
    -1.0057,  # negation
    0.0000,  # quote
)
SAME_THRESHOLD = 0.50
# a claim joins a row (aligned statements of a story) only at this probability
ROW_THRESHOLD = 0.73
# sha256 of models/matcher-int8.onnx, checked when it loads: the same weights as the file
# the logits above came from (8ebdc368...), with each layer's attention fused into one operator
# (training/fuse_attention.py). The fit above used the rule signals of 7673425 (2026-12-01);
# refitted on today's it moves, and the rows with it lose pairs (docs/matcher.md, Calibration).
MODEL_SHA256 = "96cb43e0e275013ceff17f5c1c048def224a3d9976247967c395daa9d6e5febf"
