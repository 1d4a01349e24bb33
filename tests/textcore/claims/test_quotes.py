"""Quoted spans, the speaker phrase next to a quote or verb, and resolving it to a name."""

from __future__ import annotations

import pytest

from newsdiff.textcore.claims.attribution import ADDING, quote_speaker, sentence_speaker
from newsdiff.textcore.claims.quotes import find_quotes, quoted_words, speaker_phrase
from newsdiff.textcore.claims.segment import split_sentences
from newsdiff.textcore.claims.speakers import SpeakerBook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We can confirm it,” he said.", ["“We can confirm it,”"]),
        ('"We can confirm it," he said.', ['"We can confirm it,"']),
        ("He said “a” and “b c d” too.", ["“a”", "“b c d”"]),
        ("“An open quote runs to the end", ["“An open quote runs to the end"]),
        ("“First open “second closed”", ["“First open ", "“second closed”"]),
        ("No quotes, only an apostrophe’s ‘single’ marks.", []),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text)
    assert [quote.text for quote in quotes] == expected
    assert all(text[quote.start : quote.end] == quote.text for quote in quotes)


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        ("“elite”", False),
        ("“Putin’s chef”", False),
        ("“That ’70s Show,”", False),
        ("“a terrorist organization.”", True),
        ("“We must immediately recognize them,”", True),
    ],
)
def test_direct_quotes_need_three_words_and_not_a_title(text: str, direct: bool) -> None:
    (quote,) = find_quotes(text)
    assert quote.direct is direct


def test_quoted_words_are_clipped_to_the_span_and_joined() -> None:
    text = "“We can confirm it. Last month, it arrived,” he said, “and more will come.”"
    quotes = find_quotes(text)
    first, second = split_sentences(text)
    assert quoted_words(text, quotes, first.start, first.end) == "We can confirm it."
    assert quoted_words(text, quotes, second.start, second.end) == (
        "Last month, it arrived and more will come."
    )


@pytest.mark.parametrize(
    ("before", "after", "phrase"),
    [
        (
            "",
            "John Kirby, spokesperson for the White House National Security Council, told "
            "reporters.",
            "John Kirby",
        ),
        ("", " Kirby added.", "Kirby"),
        ("", " he said Thursday.", "he"),
        ("", " the unnamed official said.", "the unnamed official"),
        (
            "",
            " White House National Security Council Spokesman John Kirby told reporters.",
            "White House National Security Council Spokesman John Kirby",
        ),
        (
            "",
            " Foreign Secretary James Cleverly said in a statement.",
            "Foreign Secretary James Cleverly",
        ),
        ("", ", said Kirby.", "Kirby"),
        ("However, Kirby said, ", ",", "Kirby"),
        (
            "After the White House said so, British Foreign Secretary James Cleverly said, ",
            "",
            "British Foreign Secretary James Cleverly",
        ),
        ("He said: ", "", "he"),
        ("However, Kirby said, “We assess,” adding, ", "", ADDING),
        ("calling the US accusation ", " cooked up by", None),
        ("", " by providing it with weapons.", None),
    ],
)
def test_quote_speaker(before: str, after: str, phrase: str | None) -> None:
    assert quote_speaker(before, after) == phrase


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Kirby said the U.S. has confirmed that North Korea has completed an initial arms "
            "delivery.",
            "Kirby",
        ),
        (
            "The United States accused Pyongyang of violating U.N. sanctions, U.S. Ambassador to "
            "the United Nations, Linda Thomas-Greenfield, said in a statement on Thursday.",
            "Linda Thomas-Greenfield",
        ),
        (
            "The fighting was intense in Bakhmut, he said, where about 1,000 fighters have been "
            "killed.",
            "he",
        ),
        ("He also said that while the United States does not believe it, the risk grows.", "he"),
        (
            "North Korea has delivered rockets, according to Reuters, citing a senior U.S. "
            "official.",
            "Reuters",
        ),
        ("According to US information, Wagner has received weapons.", None),
        (
            "The new agreement shows the desperation in Moscow, said Western military observers.",
            "Western military observers",
        ),
        (
            "Prigozhin’s influence is increasing, the senior American insider said.",
            "the senior American insider",
        ),
        (
            "The US assesses that Wagner, owned by Yevgeny Prigozhin, is spending about $100 "
            "million a month, Kirby said.",
            "Kirby",
        ),
        ("Putin has previously said the group does not represent the Russian state.", "Putin"),
        (
            "It was reported for the first time in September that Russia was buying ammunition.",
            None,
        ),
        (
            "Russia deployed the mercenaries, the U.K. Defense Ministry reported in late March.",
            "the U.K. Defense Ministry",
        ),
        (
            "US National Security Council spokesman John Kirby said: He thus confirmed a report "
            "by the Reuters news agency.",
            "John Kirby",
        ),
        ("The private military company took delivery of the arms shipment.", None),
    ],
)
def test_sentence_speaker(sentence: str, phrase: str | None) -> None:
    assert sentence_speaker(sentence, []) == phrase


def test_sentence_speaker_ignores_verbs_inside_quotes() -> None:
    sentence = "The officials denied it, calling it “what Kirby said before.”"
    start = sentence.index("“")
    assert sentence_speaker(sentence, [(start, len(sentence))]) == "The officials"


def test_speaker_phrase_looks_in_the_sentence_after_a_quote_across_sentences() -> None:
    text = "“Today we can confirm it. Last month, it arrived,” he said Thursday."
    (quote,) = find_quotes(text)
    assert speaker_phrase(text, quote, split_sentences(text)) == "he"


ARTICLE = (
    "White House National Security Council Spokesman John Kirby spoke. "
    "Ukraine’s Foreign Minister Dmytro Kuleba spoke too. "
    "Later the Foreign Ministry of North Korea issued a statement. "
)


@pytest.mark.parametrize(
    ("phrase", "last", "expected"),
    [
        ("Kirby", None, "John Kirby"),
        ("Kuleba", None, "Dmytro Kuleba"),
        ("Smith", None, "Smith"),
        ("he", "John Kirby", "John Kirby"),
        ("he", None, None),
        ("the spokesman", "John Kirby", "John Kirby"),
        ("the spokesman", "North Korean Foreign Ministry", "the spokesman"),
        ("The unnamed official", "John Kirby", "the unnamed official"),
        ("the Reuters report", None, "Reuters"),
        ("British Foreign Secretary James Cleverly", None, "James Cleverly"),
        ("the U.K. Defense Ministry", None, "UK Defense Ministry"),
    ],
)
def test_speaker_book_resolves_phrases(phrase: str, last: str | None, expected: str | None) -> None:
    book = SpeakerBook(ARTICLE)
    book.credit(last)
    assert book.resolve(phrase, len(ARTICLE)) == expected


@pytest.mark.parametrize(
    ("last", "followed"),
    [("North Korean Foreign Ministry", "the spokesman"), ("John Kirby", "John Kirby")],
)
def test_speaker_book_follows_a_described_subject(last: str, followed: str) -> None:
    book = SpeakerBook(ARTICLE)
    book.credit(last)
    book.notice_subject("The spokesman didn’t mention the assessment.")
    assert book.last == followed
