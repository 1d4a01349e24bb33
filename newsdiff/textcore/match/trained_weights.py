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
# sha256 of models/matcher-int8.onnx, checked when it loads
MODEL_SHA256 = "8ebdc368c37249be3ebb44b62abbef4dde513ede2d921397e9d00850e2aefd5e"
