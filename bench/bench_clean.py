"""Measure boilerplate removal on the Zyte article-extraction benchmark, against other tools.

Every row runs in this process on the same 181 pages. HTML rows read the saved page; plain-text
rows read the whole-page text that html-text or inscriptis made of it (menus, ads and related
links left in), cleaned by `clean_text` or left raw (the floor). The gold article body holds
no headline, so newsdiff rows score `Cleaned.text` without the title.

Score (as the benchmark defines it): tokens `\\w+`, 4-token shingles; per page precision =
shared / predicted and recall = shared / gold as multisets; precision and recall are averaged
over pages, then F1 is taken of the two averages. Times are CPU milliseconds per page, the
rows taking turns on each page so that a busy machine slows them alike.
Reads ../shared/data/extraction/zyte (or $NEWSDIFF_DATA/extraction/zyte); skips cleanly when
it is absent. `readability-lxml` and `jusText` rows are skipped when those are not installed.

    .venv/bin/python -m bench.bench_clean [--worst ROW] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from newsdiff.textcore.clean import clean_html, clean_text  # noqa: E402

DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
ZYTE = DATA / "extraction" / "zyte"
TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str
    html: str
    gold: str
    plain: dict[str, str]


@dataclass(frozen=True, slots=True)
class Row:
    """One tool: its name, what it reads ("html" or a plain-text source) and how it runs."""

    name: str
    source: str
    run: Callable[[Page, str], str]


@dataclass(frozen=True, slots=True)
class Result:
    row: Row
    precision: list[float]
    recall: list[float]
    millis: list[float]

    @property
    def f1(self) -> float:
        p, r = statistics.fmean(self.precision), statistics.fmean(self.recall)
        return 2 * p * r / (p + r) if p + r else 0.0


# --- data ---------------------------------------------------------------------------------


def load_pages(folder: Path) -> list[Page]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    plain = {name: _outputs(folder / "output" / f"{name}.json.gz") for name in PLAIN_SOURCES}
    return [
        Page(
            page_id,
            item.get("url", ""),
            gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8"),
            item["articleBody"],
            {name: texts.get(page_id, "") for name, texts in plain.items()},
        )
        for page_id, item in sorted(gold.items())
    ]


def _outputs(path: Path) -> dict[str, str]:
    data: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    items = data.get("output", data)
    return {key: (value or {}).get("articleBody") or "" for key, value in items.items()}


# --- score --------------------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(count) if tokens[i : i + SHINGLE])


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Shingle precision and recall of one page (both 1.0 when both texts are empty)."""
    ours, theirs = shingles(predicted), shingles(gold)
    shared = sum((ours & theirs).values())
    if not ours and not theirs:
        return 1.0, 1.0
    precision = shared / sum(ours.values()) if ours else 0.0
    recall = shared / sum(theirs.values()) if theirs else 0.0
    return precision, recall


# --- tools --------------------------------------------------------------------------------


def html_to_text(html: str) -> str:
    return BeautifulSoup(html, "lxml").get_text("\n")


def run_readability(page: Page, source: str) -> str:
    from readability import Document

    return html_to_text(Document(page.html).summary(html_partial=True))


def run_justext(page: Page, source: str) -> str:
    import justext

    paragraphs = justext.justext(page.html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def installed(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


PLAIN_SOURCES = ("html-text", "inscriptis")
ROWS = (
    Row("newsdiff clean_html", "html", lambda p, s: clean_html(p.html, p.url).text),
    Row("trafilatura (default)", "html", lambda p, s: trafilatura.extract(p.html, url=p.url) or ""),
    Row(
        "trafilatura include_comments=False",
        "html",
        lambda p, s: trafilatura.extract(p.html, url=p.url, include_comments=False) or "",
    ),
    *([Row("readability-lxml", "html", run_readability)] if installed("readability") else []),
    *([Row("jusText", "html", run_justext)] if installed("justext") else []),
    *(Row(f"newsdiff clean_text({s})", s, lambda p, s: clean_text(p.plain[s]).text)
      for s in PLAIN_SOURCES),
    *(Row(f"raw whole-page text ({s})", s, lambda p, s: p.plain[s]) for s in PLAIN_SOURCES),
)  # fmt: skip


def measure(rows: list[Row], pages: list[Page]) -> list[tuple[Result, list[str]]]:
    """Run every row on every page, page by page (so that a busy machine slows all rows alike),
    timing each run in CPU time."""
    results = [Result(row, [], [], []) for row in rows]
    texts: list[list[str]] = [[] for _ in rows]
    for page in pages:
        for result, outputs in zip(results, texts, strict=True):
            started = time.process_time()
            text = result.row.run(page, result.row.source)
            result.millis.append((time.process_time() - started) * 1000)
            precision, recall = precision_recall(text, page.gold)
            result.precision.append(precision)
            result.recall.append(recall)
            outputs.append(text)
    return list(zip(results, texts, strict=True))


# --- report -------------------------------------------------------------------------------


def print_table(results: list[Result], pages: int) -> None:
    print(f"Zyte article-extraction benchmark, {pages} pages (newsdiff rows score body, no title)")
    header = f"{'tool':<36} {'input':<10} {'prec':>6} {'recall':>6} {'F1':>6} {'ms med':>7}"
    print(header + f" {'ms mean':>7}")
    for result in results:
        row = result.row
        print(
            f"{row.name:<36} {row.source:<10} {statistics.fmean(result.precision):>6.3f} "
            f"{statistics.fmean(result.recall):>6.3f} {result.f1:>6.3f} "
            f"{statistics.median(result.millis):>7.1f} {statistics.fmean(result.millis):>7.1f}"
        )


def print_worst(result: Result, texts: list[str], pages: list[Page], limit: int) -> None:
    """The pages where `result` lost most (lowest of precision and recall), for inspection."""
    ranked = sorted(range(len(pages)), key=lambda i: min(result.precision[i], result.recall[i]))
    print(f"\nworst pages for {result.row.name}:")
    for i in ranked[:limit]:
        print(
            f"  {pages[i].id[:12]} P={result.precision[i]:.2f} R={result.recall[i]:.2f} "
            f"{len(texts[i]):>6} chars, gold {len(pages[i].gold):>6}  {pages[i].url}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", default="", help="list the worst pages of rows with this name")
    parser.add_argument("--limit", type=int, default=15, help="how many worst pages to list")
    parser.add_argument("--only", default="", help="run only rows whose name contains this")
    arguments = parser.parse_args()
    if not (ZYTE / "ground-truth.json").exists():
        print(f"skipped: {ZYTE} not found (set NEWSDIFF_DATA to the shared data folder)")
        return 0
    pages = load_pages(ZYTE)
    rows = [row for row in ROWS if arguments.only in row.name]
    measured = measure(rows, pages)
    print_table([result for result, _ in measured], len(pages))
    for result, texts in measured:
        if arguments.worst and arguments.worst in result.row.name:
            print_worst(result, texts, pages, arguments.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
