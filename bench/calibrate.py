"""Fit the weights of the claim similarity score and write newsdiff/textcore/match/weights.py.

Logistic regression (numpy, Newton steps with a small L2 penalty) on MRPC train (hard labels)
plus STS-benchmark train (score / 5 as a soft label). 20% of MRPC train (seed 13) is held out as
the dev split and never fitted on: not the weights, not the SAME threshold. The SAME threshold
is the best-accuracy cut on out-of-fold predictions (K_FOLDS folds over the other 80%, each fold
predicted by a model fitted on the rest plus STS train); the written weights are then fitted on
the whole 80%. Reads ../shared/data (or $NEWSDIFF_DATA); skips cleanly when it is absent.
Sentence vectors are cached under /tmp/newsdiff-embed-cache.

    .venv/bin/python bench/calibrate.py [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdiff.textcore.claims import extract_claims  # noqa: E402
from newsdiff.textcore.match import get_embedder, similarity  # noqa: E402
from newsdiff.textcore.types import Claim  # noqa: E402

DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
CACHE = Path("/tmp/newsdiff-embed-cache")
WEIGHTS_FILE = ROOT / "newsdiff" / "textcore" / "match" / "weights.py"
SEED = 13
DEV_SHARE = 0.2
L2 = 1e-4
STS_SHARE = 0.25  # STS train's total sample weight, relative to MRPC's
K_FOLDS = 5
# Set by hand: inside one story a shared figure (50,000 / "up to 50,000 strong") or a clash
# of figures decides between on-topic claims, while in the paraphrase sets, where both
# sentences always share the topic, fitted figure weights come out near zero.
# Measured: fitting them freely gives 0.741 instead of 0.720 MRPC held-out accuracy, and
# breaks the seeds' 50,000 / $100 million rows and the 40,000 exclusion.
PRIORS = {"figures_agree": 2.0, "figures_clash": -2.0}
# Signs the fit must respect (a weight of the wrong sign is fixed at 0 and the rest refitted).
SIGNS = {"containment": 1, "names": 1, "quote": 1, "negation": -1}
RELATED_STS = 2.0  # STS 2 = "not equivalent, but share some details"
Pairs = list[tuple[str, str, float]]


def sentence_claim(text: str) -> Claim:
    """One sentence as one Claim, with the figures, names and quote the claims module finds."""
    parts = extract_claims(text)
    return Claim(
        text=text,
        start=0,
        end=len(text),
        quote=next((c.quote for c in parts if c.quote), None),
        figures=tuple(f for c in parts for f in c.figures),
        names=tuple(dict.fromkeys(n for c in parts for n in c.names)),
    )


def detokenize(text: str) -> str:
    """Undo MRPC's tokenisation: `<QUOTE>` to quotes, no space before punctuation."""
    text = re.sub(r"<QUOTE>\s*(.*?)\s*<QUOTE>", r"“\1”", text).replace("<QUOTE>", '"')
    text = re.sub(r" ([.,;:!?%)]|'s|n't|'re|'ve|'ll|'d)", r"\1", text)
    return re.sub(r"([$(]) ", r"\1", text)


def load_mrpc() -> tuple[Pairs, Pairs]:
    """(train, dev) pairs of MRPC train, split 80/20 with a fixed seed."""
    path = DATA / "paraphrase" / "mrpc_train.tsv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    pairs = [(detokenize(r[3]), detokenize(r[4]), float(r[0])) for r in rows if len(r) == 5]
    order = np.random.default_rng(SEED).permutation(len(pairs))
    cut = int(len(pairs) * DEV_SHARE)
    return [pairs[i] for i in order[cut:]], [pairs[i] for i in order[:cut]]


def load_sts(name: str) -> Pairs:
    """STS benchmark pairs with the gold score divided by 5."""
    pairs = []
    for line in (DATA / "paraphrase" / name).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 7:
            pairs.append((cols[5], cols[6], float(cols[4]) / 5.0))
    return pairs


def encode_cached(texts: Sequence[str]) -> np.ndarray:
    """Sentence vectors, cached on disk by a hash of the texts."""
    key = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:24]
    path = CACHE / f"{key}.npy"
    if path.exists():
        cached: np.ndarray = np.load(path)
        return cached
    vectors = get_embedder().encode(texts)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def features(pairs: Pairs) -> np.ndarray:
    """The signal values of each pair (rows) in the order of similarity.SIGNALS."""
    left = encode_cached([p[0] for p in pairs])
    right = encode_cached([p[1] for p in pairs])
    cosines = (left * right).sum(axis=1)
    profiles = [(similarity.profile(sentence_claim(a)), similarity.profile(sentence_claim(b)))
                for a, b, _ in pairs]  # fmt: skip
    idf = similarity.Idf.from_documents([p.stems | p.names for pair in profiles for p in pair])
    rows = [
        similarity.signals(pa, pb, float(cos), idf)
        for (pa, pb), cos in zip(profiles, cosines, strict=True)
    ]
    return np.array(rows)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, sample: np.ndarray, fixed: dict[int, float]
) -> np.ndarray:
    """Weights (bias first) minimising weighted cross-entropy with soft labels y, by Newton
    steps; the columns in `fixed` keep their given weight."""
    free = [c for c in range(x.shape[1]) if c not in fixed]
    offset = sum((x[:, c] * v for c, v in fixed.items()), np.zeros(len(x)))
    design = np.hstack([np.ones((len(x), 1)), x[:, free]])
    w = np.zeros(design.shape[1])
    penalty = L2 * sample.sum() * np.eye(len(w))
    penalty[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(design @ w + offset)))
        grad = design.T @ (sample * (p - y)) + penalty @ w
        hess = design.T @ (design * (sample * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    full = np.zeros(x.shape[1] + 1)
    full[0] = w[0]
    full[[c + 1 for c in free]] = w[1:]
    for c, v in fixed.items():
        full[c + 1] = v
    return full


def fit(x: np.ndarray, y: np.ndarray, sample: np.ndarray) -> np.ndarray:
    """fit_logistic with the PRIORS fixed and the weights in SIGNS of the given sign (or 0)."""
    fixed = {similarity.SIGNALS.index(n): v for n, v in PRIORS.items()}
    w = fit_logistic(x, y, sample, fixed)
    for name, sign in SIGNS.items():
        column = similarity.SIGNALS.index(name)
        if w[column + 1] * sign < 0:
            fixed[column] = 0.0
            w = fit_logistic(x, y, sample, fixed)
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    probability: np.ndarray = 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))
    return probability


def best_threshold(p: np.ndarray, positive: np.ndarray) -> float:
    """The cut on p that classifies `positive` (booleans) with the best accuracy."""
    cuts = np.round(np.arange(0.05, 0.95, 0.01), 2)
    accuracy = [((p >= c) == positive).mean() for c in cuts]
    return float(cuts[int(np.argmax(accuracy))])


def write_weights(w: np.ndarray, same: float, related: float, note: str) -> None:
    names = "".join(f'    "{n}",\n' for n in similarity.SIGNALS)
    rows = zip(similarity.SIGNALS, w[1:], strict=True)
    values = "".join(f"    {v:.4f},  # {n}\n" for n, v in rows)
    WEIGHTS_FILE.write_text(
        '"""Calibrated weights of the claim similarity score (written by bench/calibrate.py)."""'
        f"\n\n# {note}\nSIGNALS = (\n{names})\nBIAS = {w[0]:.4f}\nWEIGHTS = (\n{values})\n"
        f"SAME_THRESHOLD = {same:.2f}\nRELATED_THRESHOLD = {related:.2f}\n"
    )


def sample_weights(mrpc: int, sts: int) -> np.ndarray:
    """Weight 1 per MRPC pair, STS_SHARE of that in total for the STS pairs."""
    weights: np.ndarray = np.r_[np.ones(mrpc), np.full(sts, STS_SHARE * mrpc / sts)]
    return weights


def fit_with_sts(
    x_mrpc: np.ndarray, y_mrpc: np.ndarray, x_sts: np.ndarray, y_sts: np.ndarray
) -> np.ndarray:
    sample = sample_weights(len(x_mrpc), len(x_sts))
    return fit(np.vstack([x_mrpc, x_sts]), np.r_[y_mrpc, y_sts], sample)


def out_of_fold(
    x_mrpc: np.ndarray, y_mrpc: np.ndarray, x_sts: np.ndarray, y_sts: np.ndarray
) -> np.ndarray:
    """Each MRPC pair's probability from a model fitted without its fold (and with STS)."""
    order = np.random.default_rng(SEED).permutation(len(x_mrpc))
    predicted = np.zeros(len(x_mrpc))
    for fold in range(K_FOLDS):
        held = order[fold::K_FOLDS]
        kept = np.setdiff1d(order, held)
        w = fit_with_sts(x_mrpc[kept], y_mrpc[kept], x_sts, y_sts)
        predicted[held] = predict(w, x_mrpc[held])
    return predicted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="fit and print, do not write")
    args = parser.parse_args()
    if not (DATA / "paraphrase").is_dir():
        print(f"skipped: {DATA / 'paraphrase'} is absent")
        return 0
    train, _ = load_mrpc()
    sts = load_sts("sts-train.csv")
    x_mrpc, x_sts = features(train), features(sts)
    y_mrpc, y_sts = np.array([p[2] for p in train]), np.array([p[2] for p in sts])
    oof = out_of_fold(x_mrpc, y_mrpc, x_sts, y_sts)
    same = best_threshold(oof, y_mrpc >= 0.5)
    w = fit_with_sts(x_mrpc, y_mrpc, x_sts, y_sts)
    related = best_threshold(predict(w, x_sts), y_sts >= RELATED_STS / 5)
    for name, value in zip(("bias", *similarity.SIGNALS), w, strict=True):
        print(f"{name:>14} {value:+.4f}")
    oof_accuracy = ((oof >= same) == (y_mrpc >= 0.5)).mean()
    print(f"same threshold {same:.2f} (out-of-fold accuracy {oof_accuracy:.3f}),"
          f" related threshold {related:.2f}")  # fmt: skip
    if not args.dry_run:
        fixed = ", ".join(f"{n} {v:+g}" for n, v in PRIORS.items())
        note = (
            f"Fitted on {len(train)} MRPC train + {len(sts)} STS train pairs; set by hand: {fixed};"
            f"\n# SAME_THRESHOLD from {K_FOLDS}-fold out-of-fold predictions on the MRPC pairs."
        )
        write_weights(w, same, related, note)
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
