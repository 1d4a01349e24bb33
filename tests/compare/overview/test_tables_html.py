"""The figures and quotes tables' rows as HTML: the markup the page styles, text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsdiff.articles.models import Article, Story
from newsdiff.compare.overview.figures_table import build_figures
from newsdiff.compare.overview.quotes_table import build_quotes
from newsdiff.compare.overview.tables_html import figure_rows, quote_rows, single_quote_rows
from tests.compare.plain_story import article, claim, story_of

SCRIPT = '<script>alert("x")</script>'
WORDS = "Wagner is searching around the world for arms suppliers"


def outlet(pk: int) -> Article:
    found = article(pk)
    found.story = Story(slug="s", title="S")  # the links need the story's slug
    return found


def rows_of(html: str) -> list[ET.Element]:
    return list(ET.fromstring(f"<tbody>{html}</tbody>"))


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_a_figure_row_marks_the_odd_outlet_and_says_how_they_differ() -> None:
    a, b, c, d = outlet(1), outlet(2), outlet(3), outlet(4)
    story = story_of(
        claim(1, a, "Approximately 50,000 Wagner personnel are deployed."),
        claim(2, b, "The group has an estimated 50,000 fighters."),
        claim(3, c, f"The army is said to be up to 50,000 strong {SCRIPT}."),
        claim(4, d, "Nothing with a number here."),
    )
    (row,) = rows_of(figure_rows(build_figures(story)))
    assert row.get("class") == "figure-row figure-qualifier"
    head, *cells, verdict = list(row)
    assert text_of(head) == "50,000"
    assert [cell.get("class") for cell in cells] == [None, None, "is-odd", None]
    link = cells[0].find("a")
    assert link is not None and link.get("href") == "/stories/s/articles/1/#claim-1"
    assert text_of(cells[2]).endswith("≠ hedged differently")
    assert SCRIPT in (cells[2].find("a").get("title") or "")  # type: ignore[union-attr]
    assert text_of(cells[3]) == "—not stated"  # a dash, and words for screen readers
    assert text_of(verdict) == "Same number, qualifiers differ about ×2, up to ×1"


def test_a_quote_row_names_who_quotes_alike_and_shows_reported_and_credited_wording() -> None:
    a, b, c = outlet(1), outlet(2), outlet(3)
    first = claim(1, a, f"“{WORDS},” Kirby said.", kind="quote", speaker="John Kirby", quote=WORDS)
    second = claim(2, b, f"“{WORDS},” Putin said.", kind="quote", speaker="Putin", quote=WORDS)
    told = claim(3, c, "Wagner is searching the world for arms suppliers, officials said.")
    other = "One thing entirely different here"
    third = claim(4, a, f"“{other}”", kind="quote", speaker="Kirby", quote=other)
    story = story_of(first, second, told, third, groups={1: [first, second, told]})
    shared, single = build_quotes(story)
    (row,) = rows_of(quote_rows([shared]))
    head, *cells = list(row)
    assert [text_of(span) for span in head] == ["outlet-1", "outlet-2"]
    quotes = [cell.find("div") for cell in cells]
    assert [q.get("class") for q in quotes if q is not None] == [
        "quote quote-verbatim",
        "quote quote-verbatim",
        "quote quote-reported",
    ]
    assert text_of(cells[0]) == f"word for word “{WORDS}”"
    assert text_of(cells[1]) == f"word for word “{WORDS}” ≠ credited to Putin"
    assert text_of(cells[2]).startswith("reported Wagner is searching the world")
    (lone,) = rows_of(single_quote_rows([single]))
    assert [text_of(cell) for cell in lone] == ["John Kirby", "outlet-1", f"“{other}”"]


def test_untrusted_text_is_escaped() -> None:
    a, b = outlet(1), outlet(2)
    hostile = f"“{SCRIPT} costs $100 million a month”"
    first = claim(1, a, hostile, kind="quote", speaker=SCRIPT, quote=hostile.strip("“”"))
    second = claim(2, b, hostile, kind="quote", speaker="Other", quote=hostile.strip("“”"))
    story = story_of(first, second, groups={1: [first, second]})
    html = quote_rows(build_quotes(story)) + figure_rows(build_figures(story))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    rows_of(html)  # well-formed
