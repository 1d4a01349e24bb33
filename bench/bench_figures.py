"""The overview's figures table of a real story, to read by eye: the Troy office shooting (ECB+
sub-topic 18_ecbplus, ten articles, written by ../shared/tools/ecb_story.py), each article
through the text pipeline, aligned, and `build_figures` on unsaved rows (no database).

Prints each row stated by two outlets or more (all rows with --all): how the outlets agree,
how many state it, its quantity ("3 shells", "age 48 (Steinberg)", "48 km") and the figures
as written; then how many rows there are by status. Skipped cleanly when the data is absent.

    .venv/bin/python -m bench.bench_figures [--all] [--story 18_ecbplus]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
ECB_TOOL = DATA.parent / "tools" / "ecb_story.py"


def story_documents(story: str) -> list[dict[str, str]]:
    out = subprocess.run(
        [sys.executable, str(ECB_TOOL), story], capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default="18_ecbplus")
    parser.add_argument("--all", action="store_true", help="rows of one outlet too")
    args = parser.parse_args()
    if not (DATA / "ecbplus_dev").is_dir() or not ECB_TOOL.exists():
        print(f"skipped: {DATA / 'ecbplus_dev'} or {ECB_TOOL} is absent")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from newsdiff.articles.models import Article, Claim
    from newsdiff.compare.overview.figures_table import build_figures
    from newsdiff.compare.story_claims import StoryClaims
    from newsdiff.textcore.pipeline import align_articles, process_article

    articles: list[Article] = []
    claims: dict[int, list[Claim]] = {}
    core = []
    for number, document in enumerate(story_documents(args.story), start=1):
        article = Article(pk=number, position=number, source_file=document["id"])
        processed = process_article(document["title"] + "\n\n" + document["text"])
        core.append(processed.claims)
        claims[number] = [
            Claim(
                pk=number * 10_000 + n,
                article=article,
                position=n,
                text=claim.text,
                figures=[asdict(figure) for figure in claim.figures],
            )
            for n, claim in enumerate(processed.claims)
        ]
        articles.append(article)
    alignment = align_articles(core)
    groups = {
        number: [claims[articles[key.article].pk][key.claim] for key in members]
        for number, members in enumerate(alignment.groups, start=1)
    }
    rows = build_figures(StoryClaims(articles, claims, groups))
    for row in rows:
        if row.outlet_count > 1 or args.all:
            written = [mention.figure.text for cell in row.cells for mention in cell.mentions]
            print(f"{row.status:9} {row.outlet_count:2}  {row.quantity:28}  {written}")
    counts = Counter(row.status for row in rows)
    print("\nrows: " + ", ".join(f"{status} {count}" for status, count in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
