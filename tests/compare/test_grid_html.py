"""The grid's rows as HTML: each shared row links to its statement with the page's query,
names its disagreements, and the rows of outlets' own statements go in "shared only"."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsdiff.compare.grid import SHARED_ONLY, GridRow, grid_rows
from newsdiff.compare.grid_html import grid_rows as grid_rows_html
from newsdiff.compare.rows import build_comparison
from tests.compare.plain_story import article, claim

SCRIPT = '<script>alert("x")</script>'


def rows_of(html: str) -> list[ET.Element]:
    xml = html.replace(" open>", ' open="">')  # the one attribute HTML writes without a value
    return list(ET.fromstring(f"<tbody>{xml}</tbody>"))


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def grid() -> list[GridRow]:
    a, b, c = article(1), article(2), article(3)
    claims = {
        1: [claim(9, a, f"First {SCRIPT}."), claim(10, a, "The chase reached 120 mph.")],
        2: [claim(20, b, "The chase reached more than 100 mph.")],
        3: [claim(30, c, "The chase reached 120 mph, police said.")],
    }
    comparison = build_comparison([a, b, c], claims, {10: 7, 20: 7, 30: 7})
    return grid_rows(comparison.articles, comparison.rows)


def test_a_shared_row_links_to_its_statement_keeping_the_query_and_names_its_disagreement() -> None:
    gap, shared = rows_of(grid_rows_html(grid(), "?hide=4&view=expanded", "expanded", 3))
    assert gap.get("class") == "row row-gap"
    assert text_of(gap[0]) == "★ 1 only here"
    assert shared.get("id") == "group-7"
    assert shared.get("class") == "row row-all row-differs"
    head = shared[0]
    assert text_of(head).startswith(
        "●● Shared by all The chase reached 120 mph. Compare versions ≠ Hedged differently: 120"
    )
    link = head.find("a")
    assert link is not None
    assert link.get("href") == "?hide=4&view=expanded&group=7#statement"
    assert link.get("data-group") == "7"
    assert len(shared) == 1 + 3  # the head and one cell per outlet


def test_without_a_query_the_row_link_is_the_group_alone_and_shared_only_drops_own_rows() -> None:
    (shared,) = rows_of(grid_rows_html(grid(), "", SHARED_ONLY, 3))
    link = shared[0].find("a")
    assert link is not None and link.get("href") == "?group=7#statement"


def test_untrusted_text_is_escaped() -> None:
    html = grid_rows_html(grid(), "", "compact", 3)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_shared_row_names_its_statement_by_its_central_wording_cut_short() -> None:
    a, b, c = article(1), article(2), article(3)
    long = "The chase " + "went on and on " * 10 + "before he stopped."
    claims = {
        1: [claim(10, a, long)],
        2: [claim(20, b, "The chase went on before he stopped, police said.")],
        3: [claim(30, c, f"The chase went on and on {SCRIPT}.")],
    }
    comparison = build_comparison([a, b, c], claims, {10: 7, 20: 7, 30: 7})
    html = grid_rows_html(grid_rows(comparison.articles, comparison.rows), "", "compact", 3)
    (shared,) = rows_of(html)
    label = shared[0].find("span[@class='row-label']")
    assert label is not None
    assert label.get("title") == long
    assert label.text is not None and label.text.endswith("…") and len(label.text) <= 90
