"""How a ten-outlet story reads in Chromium: page and grid height, whether the outlet names are
in view after scrolling half way, and how many outlets a printed copy keeps.

The story is ten ECB+ articles on the Troy office shooting (as `make screenshots` builds it,
from ../shared/data; skipped when the data is absent). At 1440x900 and 1920x900, in each view
(compact, expanded, shared only): the document's height, the grid's content height (the grid
scrolls inside the window), and the outlet names visible after scrolling the grid half way
down and a third across. Then the page printed to PDF on A4 and Letter landscape: outlets
whose name is on paper, and articles with at least one statement on paper.

    .venv/bin/python -m bench.bench_grid
"""

from __future__ import annotations

import io
import shutil

from playwright.sync_api import Page, sync_playwright
from pypdf import PdfReader

from bench.demo_server import demo_server
from bench.screenshots import ARGS, ECB_TOOL, TEN_OUTLETS, _sign_in, _ten_outlets

WIDTHS = (1440, 1920)
VIEWS = ("", "?view=expanded", "?view=shared")
SNIPPET = 40  # characters of a statement looked for in the printed text

MEASURE = """() => {
  const grid = document.querySelector('.grid-scroll');
  const sizes = [document.documentElement.scrollHeight, grid.scrollHeight];
  grid.scrollTop = grid.scrollHeight / 2;
  grid.scrollLeft = grid.scrollWidth / 3;
  return sizes;
}"""
VISIBLE = """() => {
  const grid = document.querySelector('.grid-scroll').getBoundingClientRect();
  return Array.from(document.querySelectorAll('thead th.col-head .outlet')).filter(e => {
    const r = e.getBoundingClientRect();
    return r.top >= grid.top - 1 && r.bottom <= grid.bottom && r.left >= grid.left
      && r.right <= grid.right;
  }).length;
}"""


def main() -> None:
    if not ECB_TOOL.exists() or shutil.which("chromium") is None:
        print("needs ../shared (ECB+ data and tools) and Debian's chromium: skipped")
        return
    with demo_server(prepare=_ten_outlets) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        _sign_in(page, server.base)
        page.goto(server.base + "/")
        page.locator("table.story-table a", has_text=TEN_OUTLETS).click()
        page.wait_for_selector("table.grid")
        story = page.url.split("?")[0]
        print("Ten-outlet story (ECB+ 18_ecbplus) in Chromium")
        print(f"{'window':<10} {'view':<10} {'page px':>8} {'grid px':>8} {'names in view':>14}")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for view in VIEWS:
                page.goto(story + view)
                page.wait_for_selector("table.grid")
                document, grid = page.evaluate(MEASURE)
                page.wait_for_timeout(100)
                names = page.evaluate(VISIBLE)
                shown = view.removeprefix("?view=") or "compact"
                print(f"{width:<10} {shown:<10} {document:>8} {grid:>8} {names:>14}")
        page.goto(story)
        _print_counts(page)
        browser.close()


def _print_counts(page: Page) -> None:
    labels = page.locator("thead th.col-head .outlet").all_text_contents()
    columns = page.evaluate(
        "() => Array.from(document.querySelectorAll('thead th.col-head')).map(h => h.cellIndex)"
    )
    statements = [
        page.evaluate(
            "i => Array.from(document.querySelectorAll('tbody tr')).map(r => r.cells[i])"
            ".filter(c => c && c.querySelector('.claim-link'))"
            ".map(c => c.querySelector('.claim-link').textContent)",
            column,
        )
        for column in columns
    ]
    page.emulate_media(media="print")
    print(f"\n{'paper':<8} {'pages':>6} {'outlet names':>13} {'articles with a statement':>26}")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, landscape=True, print_background=True)
        reader = PdfReader(io.BytesIO(pdf))
        text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages).casefold()
        names = sum(1 for label in set(labels) if label.casefold() in text)
        kept = sum(
            1 for found in statements if any(_snippet(s) in text for s in found if _snippet(s))
        )
        print(
            f"{paper:<8} {len(reader.pages):>6} {names:>6} of {len(set(labels)):<5}"
            f" {kept:>12} of {len(statements)}"
        )
    page.emulate_media(media="screen")


def _snippet(text: str) -> str:
    return " ".join(text.split())[:SNIPPET].casefold()


if __name__ == "__main__":
    main()
