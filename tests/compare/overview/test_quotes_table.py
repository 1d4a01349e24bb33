"""The quotes table: each quotation once, every outlet's wording, verbatim or reported."""

from __future__ import annotations

from newsdiff.compare.overview.quotes_table import UNATTRIBUTED, build_quotes, quote_sections
from tests.compare.plain_story import article, claim, story_of

WORDS = "Wagner is searching around the world for arms suppliers"


def test_quotes_of_several_outlets_share_a_row_with_verbatim_and_reported_wording() -> None:
    a, b, c = article(1), article(2), article(3)
    first = claim(1, a, f"“{WORDS},” Kirby said.", kind="quote", speaker="Kirby", quote=WORDS)
    second = claim(2, b, f"“{WORDS},” he said.", kind="quote", speaker="John Kirby", quote=WORDS)
    told = claim(3, c, "Wagner is searching the world for arms suppliers, officials said.")
    story = story_of(first, second, told, groups={1: [first, second, told]})
    (row,) = build_quotes(story)
    assert row.speaker == "John Kirby"
    assert row.verbatim == ("outlet-1", "outlet-2")
    assert row.cells[0][0].exact
    assert row.cells[2][0].reported


def test_a_quote_cut_short_shares_the_row_word_for_word() -> None:
    a, b = article(1), article(2)
    full = claim(1, a, f"“{WORDS},” he said.", kind="quote", quote=WORDS)
    cut = "around the world for arms suppliers"
    part = claim(2, b, f"“{cut}”", kind="quote", quote=cut)
    (row,) = build_quotes(story_of(full, part))
    assert row.speaker == UNATTRIBUTED
    assert all(m.exact for cell in row.cells for m in cell)


def test_sections_group_rows_by_speaker_in_order_of_first_row() -> None:
    a = article(1)
    quotes = [
        claim(1, a, "“One thing entirely different here”", kind="quote", speaker="Kirby"),
        claim(2, a, "“Another matter of some weight”", kind="quote", speaker="Putin"),
        claim(3, a, "“A third remark on something else”", kind="quote", speaker="Kirby"),
    ]
    sections = quote_sections(build_quotes(story_of(*quotes)))
    assert [(s.speaker, len(s.rows)) for s in sections] == [("Kirby", 2), ("Putin", 1)]
