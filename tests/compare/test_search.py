"""Search across stories: every word in any order, matches marked, claims linked to their row."""

from __future__ import annotations

import re

import pytest

from newsdiff.compare.search import highlight, query_words, search
from tests.browser.ten_outlets import ten_outlet_story

pytestmark = pytest.mark.django_db


def test_query_words_are_distinct_lowercase_and_bounded() -> None:
    assert query_words("Shotgun  120 MPH shotgun!") == ("shotgun", "120", "mph")
    assert query_words("   ") == ()
    assert len(query_words(" ".join(f"w{n}" for n in range(50)))) == 8
    assert query_words("x" * 500) == ("x" * 40,)


def test_highlight_marks_every_match_and_cuts_around_the_first() -> None:
    pattern = re.compile("120|mph", re.IGNORECASE)
    text = "Words before. " * 30 + "The chase reached 120 MPH on the interstate." + " After." * 40
    snippet = highlight(text, pattern, limit=120)
    assert [part for part, marked in snippet.parts if marked] == ["120", "MPH"]
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    assert len(snippet.text) <= 126


def test_words_in_any_order_find_the_story_its_articles_and_claims() -> None:
    story = ten_outlet_story()
    (hit,) = [h for h in search("mph interstate 120") if h.story == story]
    assert hit.articles  # articles holding all three words
    best = hit.claims[0]
    assert best.words == 3
    assert "reached 120 mph" in best.snippet.text
    assert {part.casefold() for part, marked in best.snippet.parts if marked} == {
        "120",
        "mph",
        "interstate",
    }
    group = best.claim.groups.get()
    assert best.href == f"{story.get_absolute_url()}?lead={best.article.pk}#group-{group.pk}"


def test_an_own_statement_links_to_its_claim_and_titles_match_too() -> None:
    story = ten_outlet_story()
    (hit,) = search("detail 3.1 reuters")
    assert hit.story == story
    assert hit.claims[0].href.endswith(f"#claim-{hit.claims[0].claim.pk}")
    (titled,) = search("office TROY")
    assert [part for part, marked in titled.title.parts if marked] == ["Troy", "office"]
    assert search("no such words anywhere") == []
