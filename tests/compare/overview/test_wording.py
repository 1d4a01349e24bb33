"""Wording measures of the overview: shared trigrams, quoted runs, topic overlap, excerpts."""

from __future__ import annotations

import pytest

from newsdiff.compare.overview.wording import (
    central,
    excerpt,
    same_word_run,
    shared_wording,
    topic_overlap,
)


def test_reused_wording_is_told_from_a_paraphrase() -> None:
    quote = (
        "“We can confirm that North Korea has completed an initial arms delivery to Wagner,"
        " which paid for that equipment,” Kirby said."
    )
    reused = "Today we can confirm that North Korea has completed an initial arms delivery."
    paraphrase = (
        "He confirmed that North Korea completed an initial arms delivery to Wagner"
        " and that it paid for the equipment."
    )
    assert shared_wording(quote, reused) >= 0.5
    assert shared_wording(quote, paraphrase) < 0.5


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wagner is searching around the world", "WAGNER is searching around the world!", True),
        ("searching around the world", "Wagner is searching around the world for arms", True),
        ("around the world", "Wagner is searching around the world", False),  # a phrase
        ("Wagner is searching the world", "Wagner is searching around the world", False),
    ],
)
def test_a_quote_cut_short_is_the_same_run_of_words(a: str, b: str, same: bool) -> None:
    assert same_word_run(a, b) is same
    assert same_word_run(b, a) is same


def test_topic_overlap_counts_content_words_of_the_smaller_set() -> None:
    assert topic_overlap("Wagner fighters deployed", "Wagner fighters were deployed there") == 1.0
    assert topic_overlap("that this with", "Wagner") == 0.0


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("Short.", 10, "Short."),
        ("North Korea   delivered rockets", 40, "North Korea delivered rockets"),
        ("North Korea delivered rockets", 20, "North Korea…"),
        ("North Korea, delivered rockets", 14, "North Korea…"),
    ],
)
def test_excerpt_cuts_at_a_word(text: str, limit: int, shown: str) -> None:
    assert excerpt(text, limit) == shown


def test_central_text_says_what_most_versions_say() -> None:
    texts = [
        '"',
        "The gunman fired a shotgun at two managers, police said.",
        "Police said the gunman, 38, fired a shotgun at two managers in the Troy office on Monday.",
        "A shotgun was fired.",
    ]
    assert central(texts) == texts[1]
    assert central([]) == ""
