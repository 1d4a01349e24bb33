"""Screenshots of the demo story for the README, taken in Debian's Chromium.

.venv/bin/python -m bench.screenshots [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.demo_server import PASSWORD, ROOT, USER, demo_server

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
    with demo_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 960})
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


def _take(page: Page, base: str, out: Path) -> list[str]:
    page.click("table.story-table a")
    page.wait_for_selector("table.side-by-side")
    story_url = page.url
    page.screenshot(path=out / "story.png")
    page.locator(".claim-link", has_text="estimated 50,000 fighters").click()
    page.wait_for_selector("#statement .versions")
    page.locator("#statement").screenshot(path=out / "statement.png")
    page.goto(story_url + "overview/")
    page.locator("#coverage").screenshot(path=out / "matrix.png")
    page.goto(story_url)
    page.locator("th .article-title").nth(1).click()
    page.wait_for_selector("#reading")
    page.screenshot(path=out / "reading.png")
    return ["story.png", "statement.png", "matrix.png", "reading.png"]


if __name__ == "__main__":
    main()
