"""Count what the Zyte pages say about themselves: outlet name and publication date.

For each of the 181 saved pages of the Zyte benchmark (the set `bench_clean` scores), the
outlet is the page's site name (`og:site_name`, `application-name`, JSON-LD publisher), else
the name made of the URL's domain; a saved page uploaded without its URL has only its own
address (`<link rel="canonical">`, `og:url`), counted too; the date is the page's metadata,
else the text's dateline (`clean_html(...).published`). trafilatura's own site name and date
are counted beside, for reference. Reads ../shared/data/extraction/zyte (or
$NEWSDIFF_DATA/extraction/zyte).

    .venv/bin/python -m bench.bench_metadata [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import trafilatura

from bench.bench_clean import ZYTE, load_pages
from newsdiff.textcore.clean import clean_html, outlet_from_url, page_metadata


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print each page's outlet and date")
    arguments = parser.parse_args()
    if not (ZYTE / "ground-truth.json").exists():
        print(f"skipped: {ZYTE} not found (set NEWSDIFF_DATA to the shared data folder)")
        return 0
    pages = load_pages(ZYTE)
    counts: Counter[str] = Counter()
    for page in pages:
        facts = page_metadata(page.html)
        published = clean_html(page.html, page.url).published
        domain_name = outlet_from_url(page.url)
        reference = trafilatura.extract_metadata(page.html, default_url=page.url)
        counts["site name from the page"] += bool(facts.site_name)
        counts["outlet from the page or the domain"] += bool(facts.site_name or domain_name)
        # A saved page uploaded without its URL: only its own (canonical) address is known.
        counts["address from the page (canonical)"] += bool(facts.url)
        own_name = outlet_from_url(facts.url)
        counts["outlet from the page or its own addr"] += bool(facts.site_name or own_name)
        counts["date from the page's metadata"] += bool(facts.published)
        counts["date from the dateline only"] += bool(published and not facts.published)
        counts["date (metadata or dateline)"] += bool(published)
        counts["trafilatura: site name"] += bool(reference and reference.sitename)
        counts["trafilatura: date"] += bool(reference and reference.date)
        if arguments.list:
            outlet = facts.site_name or f"[{domain_name}]"
            print(f"{page.id[:12]}  {outlet[:40]:<40}  {published or '-':<25}  {page.url[:60]}")
    print(f"Zyte pages: {len(pages)}")
    for name, count in counts.items():
        print(f"{name:<36} {count:>4}  ({count / len(pages):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
