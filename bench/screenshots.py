"""Screenshots for the README, taken in Debian's Chromium at 1440x900.

The story pictures show ten outlets: ten ECB+ articles on the Troy office shooting (sub-topic
18_ecbplus, written by ../shared/tools/ecb_story.py from ../shared/data) when the data is
there, else the five-article seed story. The reading view shows a seed article.

.venv/bin/python -m bench.screenshots [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.demo_server import PASSWORD, ROOT, USER, DemoServer, demo_server

ECB_TOOL = ROOT.parent / "shared" / "tools" / "ecb_story.py"
TEN_OUTLETS = "Troy office shooting, ten outlets"
ECB_SUBTOPIC = "18_ecbplus"
LEFT_OUT = "blog"  # the sub-topic has eleven articles; a blog post is the one left out

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    with demo_server(prepare=_ten_outlets) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        _sign_in(page, server.base)
        for name in _take(page, server.base, args.out):
            print(args.out / name)
        browser.close()


def _sign_in(page: Page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _ten_outlets(server: DemoServer) -> None:
    """Ten ECB+ articles of one event as one story, if ../shared has them."""
    if not ECB_TOOL.exists():
        print(f"{ECB_TOOL} is missing: the pictures show the seed story", file=sys.stderr)
        return
    found = subprocess.run(
        [sys.executable, str(ECB_TOOL), ECB_SUBTOPIC, "--outlet-from-url"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    rows = [json.loads(line) for line in found]
    rows = [row for row in rows if not row.get("outlet", "").startswith(LEFT_OUT)][:10]
    path = server.tmp / "troy.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    server.manage("ingest", str(path), "--story", TEN_OUTLETS)


def _take(page: Page, base: str, out: Path) -> list[str]:
    stories = page.locator("table.story-table a")
    ten = page.locator("table.story-table a", has_text=TEN_OUTLETS)
    (ten if ten.count() else stories.first).click()
    page.wait_for_selector("table.side-by-side")
    story_url = page.url
    page.screenshot(path=out / "story.png")
    page.evaluate(
        "() => { const s = document.querySelector('.grid-scroll');"
        " s.scrollTop = s.scrollHeight / 2; s.scrollLeft = s.scrollWidth / 3; }"
    )
    page.wait_for_timeout(300)
    page.screenshot(path=out / "story-scrolled.png")
    differs = page.locator("tr.row-differs .claim-link")
    (differs if differs.count() else page.locator(".claim-link")).first.click()
    page.wait_for_selector("#statement .versions")
    page.screenshot(path=out / "statement.png")
    page.goto(story_url + "overview/")
    page.locator("#coverage").screenshot(path=out / "matrix.png")
    page.goto(base + "/")
    page.locator("table.story-table a").filter(has_not_text=TEN_OUTLETS).first.click()
    page.wait_for_selector("table.side-by-side")
    page.locator("th .article-title").nth(1).click()
    page.wait_for_selector("#reading")
    page.screenshot(path=out / "reading.png")
    return ["story.png", "story-scrolled.png", "statement.png", "matrix.png", "reading.png"]


if __name__ == "__main__":
    main()
