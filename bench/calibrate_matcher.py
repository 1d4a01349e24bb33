"""Fit how the trained matcher's logit combines with the rule signals; write trained_weights.py.

Reads training/oof_mrpc.json: the int8 model's logits for the calibration part of MRPC train
(CALIBRATION_SHARE of the 80% that bench/calibrate.py fits on, seed 13), which the model was
not trained on. On those pairs a logistic model of the logit and the rule signals of
`similarity` (cosine, word overlap, names, figures, negation, quotes) with the figures clash
fixed by hand (as in calibrate.py: inside one story a clash of figures decides) is
fitted, and SAME_THRESHOLD is its best-accuracy cut there (of the cuts within PLATEAU of the
best accuracy, the one of best F1), and ROW_THRESHOLD, where a claim joins a row, the lowest
cut of ROW_PRECISION there (a row must be right). Never the held-out 20%. It also pins the
sha256 of the model file that produced those logits (checked when the product loads it).

    .venv/bin/python -m bench.calibrate_matcher [--dry-run]
"""

from __future__ import annotations

import argparse
import hashlib
import json

import numpy as np

try:  # python -m bench.calibrate_matcher
    from bench import calibrate
except ImportError:  # python bench/calibrate_matcher.py
    import calibrate

from newsdiff.textcore.match import similarity

MODEL_FILE = calibrate.ROOT / "newsdiff" / "textcore" / "match" / "models" / "matcher-int8.onnx"
OOF_FILE = calibrate.ROOT / "training" / "oof_mrpc.json"
WEIGHTS_FILE = calibrate.ROOT / "newsdiff" / "textcore" / "match" / "trained_weights.py"
FEATURES = ("logit", *similarity.SIGNALS)
PRIORS = {"figures_clash": -2.0}
PLATEAU = 0.005
ROW_PRECISION = 0.85  # rows must be right: the ECB+ goal asks precision >= 0.85
SIGNS = {"logit": 1, "cosine": 1, "jaccard": 1, "containment": 1, "names": 1, "quote": 1,
         "figures_agree": 1, "negation": -1}  # fmt: skip


def sha256_of(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def calibration_pairs() -> tuple[calibrate.Pairs, np.ndarray]:
    """The calibration pairs (in the order of the file) and the model's logits for them."""
    saved = json.loads(OOF_FILE.read_text())
    train, _ = calibrate.load_mrpc()
    return [train[i] for i in saved["indices"]], np.array(saved["logits"])


def design(pairs: calibrate.Pairs, logits: np.ndarray) -> np.ndarray:
    values = calibrate.features(pairs)
    cols = [similarity.SIGNALS.index(n) for n in FEATURES[1:]]
    return np.column_stack([logits, values[:, cols]])


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    fixed = {FEATURES.index(n): v for n, v in PRIORS.items()}
    sample = np.ones(len(x))
    w = calibrate.fit_logistic(x, y, sample, fixed)
    for name, sign in SIGNS.items():
        column = FEATURES.index(name)
        if w[column + 1] * sign < 0:
            fixed[column] = 0.0
            w = calibrate.fit_logistic(x, y, sample, fixed)
    return w


def plateau_threshold(p: np.ndarray, positive: np.ndarray) -> float:
    """Among the cuts whose accuracy is within PLATEAU of the best (one or two pairs of the
    calibration part), the one of best F1."""
    cuts = np.round(np.arange(0.05, 0.95, 0.01), 2)
    accuracy = np.array([((p >= c) == positive).mean() for c in cuts])
    f1 = np.array(
        [2 * ((p >= c) & positive).sum() / ((p >= c).sum() + positive.sum()) for c in cuts]
    )
    near = accuracy >= accuracy.max() - PLATEAU
    return float(cuts[near][int(np.argmax(f1[near]))])


def precise_threshold(p: np.ndarray, positive: np.ndarray) -> float:
    """The lowest cut at which ROW_PRECISION of the pairs called the same are paraphrases."""
    cuts = np.round(np.arange(0.05, 0.95, 0.01), 2)
    for cut in cuts:
        said = p >= cut
        if said.any() and (said & positive).sum() >= ROW_PRECISION * said.sum():
            return float(cut)
    return float(cuts[-1])


def write(w: np.ndarray, same: float, row: float, note: str) -> None:
    """trained_weights.py: the combination, the threshold and the model file's pinned sha256."""
    sha = sha256_of(MODEL_FILE)
    rows = "".join(f"    {v:.4f},  # {n}\n" for n, v in zip(FEATURES, w[1:], strict=True))
    names = "".join(f'    "{n}",\n' for n in FEATURES)
    WEIGHTS_FILE.write_text(
        '"""How the trained matcher\'s logit and the rule signals combine.\n\n'
        'Written by bench/calibrate_matcher.py.\n"""\n\n'
        f"# {note}\nFEATURES = (\n{names})\nBIAS = {w[0]:.4f}\nWEIGHTS = (\n{rows})\n"
        f"SAME_THRESHOLD = {same:.2f}\n"
        "# a claim joins a row (aligned statements of a story) only at this probability\n"
        f"ROW_THRESHOLD = {row:.2f}\n"
        f"# sha256 of models/{MODEL_FILE.name}, checked when it loads\n"
        f'MODEL_SHA256 = "{sha}"\n'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="fit and print, do not write")
    args = parser.parse_args()
    if not (calibrate.DATA / "paraphrase").is_dir():
        print(f"skipped: {calibrate.DATA / 'paraphrase'} is absent")
        return 0
    pairs, logits = calibration_pairs()
    x, y = design(pairs, logits), np.array([p[2] for p in pairs])
    w = fit(x, y)
    p = calibrate.predict(w, x)
    same = plateau_threshold(p, y >= 0.5)
    row = precise_threshold(p, y >= 0.5)
    for name, value in zip(("bias", *FEATURES), w, strict=True):
        print(f"{name:>14} {value:+.4f}")
    said, gold = p >= same, y >= 0.5
    f1 = 2 * (said & gold).sum() / (said.sum() + gold.sum())
    accuracy = (said == gold).mean()
    print(f"same threshold {same:.2f}: calibration accuracy {accuracy:.3f}, F1 {f1:.3f}"
          f" ({len(pairs)} pairs); row threshold {row:.2f}")  # fmt: skip
    if not args.dry_run:
        note = (
            f"Fitted on the model's logits for {len(pairs)} MRPC train pairs it was not"
            " trained on\n# (training/oof_mrpc.json); set by hand: figures_clash"
            f" {PRIORS['figures_clash']:+g};\n# SAME_THRESHOLD: best accuracy there (of the"
            f" cuts within {PLATEAU} of it, the best F1);\n# ROW_THRESHOLD: the lowest cut of"
            f" precision >= {ROW_PRECISION} there."
        )
        write(w, same, row, note)
        print(f"wrote {WEIGHTS_FILE.relative_to(calibrate.ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
