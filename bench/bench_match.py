"""Benchmark claim matching: paraphrase quality, ECB+ recall, and time/memory per story size.

Prints two tables. First MRPC held-out accuracy/F1 (the 20% of MRPC train that neither
calibrate.py nor training/train_matcher.py ever fits on): through the product's path (each pair
a story of two articles, cleaned, split into claims, embedded and aligned: the same when they
share a row), and by the trained matcher's probability at its SAME_THRESHOLD; STS-benchmark
dev Spearman of that probability, ECB+ dev recall/precision of `same` matches against the
gold sentence pairs (the topics the matcher was trained on and the held-out ones apart),
Troy's and ten more stories' rows counted against a reader's judgments (bench/troy_rows.py,
bench/judged_stories.py), sentence boundary F1 on the GUM news documents (as
bench_sentences.py). Then a second table: seconds and peak RSS to embed and align the five
seeds, 50 articles made of seed copies (a text that repeats is embedded once), and 50 and 200
ECB+ articles (each story in a fresh process; models' load reported apart; align includes the
cross-encoder; align also as CPU time, which other jobs on the machine do not inflate; the run
of median total out of RUNS).
Rows that need ../shared/data are skipped cleanly when it is absent.

    .venv/bin/python bench/bench_match.py    (or: .venv/bin/python -m bench.bench_match)
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

try:  # python -m bench.bench_match
    from bench import bench_sentences, calibrate, judged_stories, troy_rows
except ImportError:  # python bench/bench_match.py
    import bench_sentences  # type: ignore[import-not-found,no-redef]
    import calibrate  # type: ignore[import-not-found,no-redef]
    import judged_stories  # type: ignore[import-not-found,no-redef]
    import troy_rows  # type: ignore[import-not-found,no-redef]

from newsdiff.textcore.claims import extract_claims
from newsdiff.textcore.clean import clean_text
from newsdiff.textcore.match import (
    SIGNALS,
    align,
    combine,
    get_cross_encoder,
    get_embedder,
    trained,
    trained_weights,
    weights,
)
from newsdiff.textcore.pipeline import process_article
from newsdiff.textcore.types import Claim, MatchKind

SEEDS = calibrate.ROOT / "seeds"
ECB = calibrate.DATA / "ecbplus_dev"
BIG_STORY = 50
RUNS = 3


def ranks(values: np.ndarray) -> np.ndarray:
    """Ranks with ties averaged (for Spearman)."""
    order = np.argsort(values, kind="stable")
    raw = np.empty(len(values))
    raw[order] = np.arange(len(values))
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    sums = np.zeros(len(counts))
    np.add.at(sums, inverse, raw)
    return (sums / counts)[inverse]


def accuracy_f1(said: np.ndarray, gold: np.ndarray) -> str:
    f1 = 2 * (said & gold).sum() / max(said.sum() + gold.sum(), 1)
    return f"{(said == gold).mean():.3f} / {f1:.3f}"


def model_probabilities(pairs: calibrate.Pairs) -> np.ndarray:
    """Each pair's probability as the product computes it: the cross-encoder's logit (both
    texts as the claims module finds them) with the rule signals, `trained.probability`."""
    values = calibrate.features(pairs)
    logits = get_cross_encoder().logits([(a, b) for a, b, _ in pairs])
    return np.array([trained.probability(x, v) for x, v in zip(logits, values, strict=True)])


def paraphrase_rows() -> list[tuple[str, str]]:
    """MRPC held-out accuracy/F1 (the 20% of MRPC train never trained or calibrated on):
    through the product's path (`shared_rows`), then decided by the trained matcher's
    probability at its SAME_THRESHOLD, also without the pairs whose figures clash (there the
    figure rule says "not the same" on purpose, while MRPC calls about 40% of such pairs
    paraphrases), the rule score alone for reference, and STS-b dev Spearman."""
    _, dev = calibrate.load_mrpc()
    values = calibrate.features(dev)
    probability = model_probabilities(dev)
    said = probability >= trained_weights.SAME_THRESHOLD
    gold = np.array([p[2] for p in dev]) >= 0.5
    calm = values[:, SIGNALS.index("figures_clash")] == 0
    rule = np.array([combine(row) for row in values]) >= weights.SAME_THRESHOLD
    sts = calibrate.load_sts("sts-dev.csv")
    sts_scores = model_probabilities(sts)
    rho = np.corrcoef(ranks(sts_scores), ranks(np.array([p[2] for p in sts])))[0, 1]
    rows_said, lost = shared_rows(dev)
    return [
        (
            f"MRPC held-out accuracy / F1 ({len(dev)} pairs), through the product's path"
            f" (clean, claims, embed, align: one row; {lost} pairs lost)",
            accuracy_f1(rows_said, gold),
        ),
        (
            "  the trained matcher's probability at its SAME_THRESHOLD",
            accuracy_f1(said, gold),
        ),
        (
            f"  the same without a figure clash ({calm.sum()} pairs)",
            accuracy_f1(said[calm], gold[calm]),
        ),
        ("  the rule score alone (before the trained matcher)", accuracy_f1(rule, gold)),
        (f"STS-b dev Spearman ({len(sts)} pairs), trained matcher", f"{rho:.3f}"),
    ]


def shared_rows(pairs: calibrate.Pairs) -> tuple[np.ndarray, int]:
    """Each pair as the product takes it: a story of two one-sentence articles, each cleaned
    and split into claims (`process_article`), embedded and aligned; "the same" when the two
    articles share a row. Also how many pairs lost an article (nothing left to compare)."""
    stories = [[process_article(a).claims, process_article(b).claims] for a, b, _ in pairs]
    texts = [c.text for story in stories for article in story for c in article]
    vectors = calibrate.encode_cached(texts)
    said, lost, at = np.zeros(len(pairs), dtype=bool), 0, 0
    for n, story in enumerate(stories):
        sizes = [len(article) for article in story]
        parts = [vectors[at : at + sizes[0]], vectors[at + sizes[0] : at + sum(sizes)]]
        at += sum(sizes)
        if not all(sizes):
            lost += 1
            continue
        said[n] = any(len({k.article for k in row}) == 2 for row in align(story, parts).groups)
    return said, lost


def sentences_row() -> tuple[str, str]:
    """Sentence boundary precision / recall / F1 on the GUM news documents."""
    documents = bench_sentences.load(bench_sentences.GUM)
    total, _ = bench_sentences.score(documents)
    label = f"GUM news sentence boundaries P / R / F1 ({total.gold} sentences)"
    return label, f"{total.precision:.3f} / {total.recall:.3f} / {total.f1:.3f}"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def ecb_stories() -> list[tuple[str, list[list[Claim]], list[list[tuple[str, int]]]]]:
    """Each ECB+ subtopic as (topic, its annotated sentences as a story, (doc, sentence) ids)."""
    by_subtopic = defaultdict(list)
    for doc in read_jsonl(ECB / "docs.jsonl.gz"):
        by_subtopic[doc["subtopic"]].append(doc)
    stories = []
    for _, docs in sorted(by_subtopic.items()):
        claims, ids = [], []
        for doc in docs:
            sentences = [s for s in doc["sentences"] if s["annotated"]]
            claims.append([sentence(s["text"]) for s in sentences])
            ids.append([(doc["doc"], s["n"]) for s in sentences])
        stories.append((docs[0]["topic"], claims, ids))
    return stories


def trained_on(topic: str) -> bool:
    """The ECB+ dev topics training/train_matcher.py trains on: the odd-numbered ones."""
    return int(topic) % 2 == 1


def ecb_rows() -> list[tuple[str, str]]:
    """ECB+ dev recall / precision of `same` matches against the gold same-event sentence
    pairs: the even topics (never trained on; Troy is topic 18), the odd ones, all."""
    gold = set()
    for g in read_jsonl(ECB / "gold_sentence_pairs.jsonl.gz"):
        gold |= {((g["doc1"], g["sent1"]), (g["doc2"], g["sent2"]))}
        gold |= {((g["doc2"], g["sent2"]), (g["doc1"], g["sent1"]))}
    topic_of = {doc["doc"]: doc["topic"] for doc in read_jsonl(ECB / "docs.jsonl.gz")}
    counts = {part: [0, 0, 0] for part in ("held-out", "trained", "all")}  # found, hits, gold
    for a, _ in gold:
        part = "trained" if trained_on(topic_of[a[0]]) else "held-out"
        counts[part][2] += 1
        counts["all"][2] += 1
    for topic, claims, ids in ecb_stories():
        part = "trained" if trained_on(topic) else "held-out"
        vectors = [calibrate.encode_cached([c.text for c in article]) for article in claims]
        for m in align(claims, vectors).matches:
            if m.kind is MatchKind.SAME:
                hit = (ids[m.a.article][m.a.claim], ids[m.b.article][m.b.claim]) in gold
                for key in (part, "all"):
                    counts[key][0] += 1
                    counts[key][1] += hit
    label = "ECB+ dev `same` recall / precision (gold = same event), {} topics"
    names = {"held-out": "even (held out)", "trained": "odd (trained on)", "all": "all"}
    return [
        (label.format(names[part]), f"{hits / (pairs / 2):.3f} / {hits / max(found, 1):.3f}")
        for part, (found, hits, pairs) in counts.items()
    ]


def sentence(tokenized: str) -> Claim:
    return calibrate.sentence_claim(calibrate.detokenize(tokenized))


def seed_story() -> list[list[Claim]]:
    paths = sorted(SEEDS.glob("*.txt"))
    return [list(extract_claims(clean_text(p.read_text()).text)) for p in paths]


def ecb_big_story(count: int = BIG_STORY) -> list[list[Claim]]:
    """`count` ECB+ documents (all their sentences) of the largest topics."""
    docs = read_jsonl(ECB / "docs.jsonl.gz")
    size: dict[str, int] = defaultdict(int)
    for doc in docs:
        size[doc["topic"]] += 1
    docs.sort(key=lambda d: (-size[d["topic"]], d["topic"], d["doc"]))
    return [[sentence(s["text"]) for s in doc["sentences"]] for doc in docs[:count]]


def seeds_big_story() -> list[list[Claim]]:
    """BIG_STORY articles from the seeds, each copy without some of its first claims."""
    seeds = seed_story()
    return [seeds[n % len(seeds)][n % 3 :] for n in range(BIG_STORY)]


STORIES: dict[str, Callable[[], list[list[Claim]]]] = {
    "seeds": seed_story,
    "seeds x10": seeds_big_story,
    "ECB+ 50": ecb_big_story,
    "ECB+ 200": lambda: ecb_big_story(4 * BIG_STORY),
}


def measure(name: str) -> dict[str, float]:
    """Find the claims of one story, load the model, embed and align; in a fresh process."""
    begin = time.perf_counter()
    story = STORIES[name]()
    start = time.perf_counter()
    embedder = get_embedder()
    get_cross_encoder()
    loaded = time.perf_counter()
    # one call for the whole story, as the app embeds a story's new claims
    flat = embedder.encode([c.text for article in story for c in article])
    bounds = np.cumsum([0] + [len(article) for article in story])
    vectors = [flat[a:b] for a, b in pairwise(bounds)]
    embedded, cpu = time.perf_counter(), time.process_time()
    alignment = align(story, vectors)
    done, cpu = time.perf_counter(), time.process_time() - cpu
    return {
        "articles": len(story),
        "claims": sum(len(a) for a in story),
        "distinct": len({c.text for a in story for c in a}),
        "claims_s": start - begin,
        "load": loaded - start,
        "embed": embedded - loaded,
        "align": done - embedded,
        "align_cpu": cpu,
        "groups": len(alignment.groups),
        "rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started its program: VmHWM (Linux resets
    it at exec), not ru_maxrss, which a child keeps from the parent it was forked from (the
    bench's parent holds every quality measure's data, 500 MB by the time it measures)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


TIMING_COLUMNS = (
    "story", "articles", "claims (distinct)", "groups", "claims s", "embed s", "align s",
    "align CPU s", "total s", "model load s", "peak RSS",
)  # fmt: skip


def measure_apart(name: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", name], capture_output=True, text=True, check=True
    )
    measured: dict[str, float] = json.loads(out.stdout)
    return measured


def timing_row(name: str, count: int = RUNS) -> tuple[str, ...]:
    """The story measured `count` times, each in a fresh process: the run of median total."""
    runs = [measure_apart(name) for _ in range(count)]
    runs.sort(key=lambda r: r["claims_s"] + r["embed"] + r["align"])
    r = runs[len(runs) // 2]
    total = r["claims_s"] + r["embed"] + r["align"]
    return (
        name, str(r["articles"]), f"{r['claims']} ({r['distinct']})", str(r["groups"]),
        f"{r['claims_s']:.2f}", f"{r['embed']:.2f}", f"{r['align']:.2f}", f"{r['align_cpu']:.2f}",
        f"{total:.2f}", f"{r['load']:.2f}", f"{r['rss_mb']:.0f} MB",
    )  # fmt: skip


def print_table(rows: Sequence[tuple[str, ...]], header: Sequence[str]) -> None:
    widths = [max(len(row[c]) for row in [tuple(header), *rows]) for c in range(len(header))]
    for row in [tuple(header), tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", choices=STORIES, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=RUNS, help="fresh processes per story")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    have_ecb = ECB.is_dir()
    rows = paraphrase_rows() if (calibrate.DATA / "paraphrase").is_dir() else []
    rows += ecb_rows() if have_ecb else [("ECB+ dev", f"skipped: {ECB} is absent")]
    if have_ecb:
        troy = troy_rows.load_story(ECB / "docs.jsonl.gz")
        rows += troy_rows.judged_rows(troy, align(troy, troy_rows.embed_story(troy)))
        rows += judged_stories.judged_rows(ECB / "docs.jsonl.gz")
    gum = bench_sentences.GUM
    rows.append(sentences_row() if gum.exists() else ("GUM sentences", f"skipped: {gum} is absent"))
    if not rows[0][0].startswith("MRPC"):
        rows.insert(0, ("MRPC / STS-b", f"skipped: {calibrate.DATA / 'paraphrase'} is absent"))
    print_table(rows, ("measure", "value"))
    print()
    timings = [timing_row(name, args.runs) for name in STORIES if have_ecb or "ECB" not in name]
    print_table(timings, TIMING_COLUMNS)
    print(
        "\nclaims s: cleaning and claims (seeds) or claims of the given sentences (ECB+); total ="
        " claims + embed + align, after the model is loaded."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
