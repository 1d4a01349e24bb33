"""Sentence and block splitting: hand-made hard cases, offsets, headings, and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.textcore.claims.segment import block_spans, is_heading, sentences_in, split_sentences

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
NBSP = "\u00a0"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kirby said the U.S. has confirmed it. The U.N. Security Council met.",
            ["Kirby said the U.S. has confirmed it.", "The U.N. Security Council met."],
        ),
        (
            "It will be released on Dec. 22, officials said. Then it was.",
            ["It will be released on Dec. 22, officials said.", "Then it was."],
        ),
        (
            f"It seems Mr.{NBSP}Prigozhin is willing.{NBSP}He is.",
            [f"It seems Mr.{NBSP}Prigozhin is willing.", "He is."],
        ),
        (
            "“We can confirm it. Last month, it arrived,” he said Thursday. Others agreed.",
            ["“We can confirm it.", "Last month, it arrived,” he said Thursday.", "Others agreed."],
        ),
        ("“Is this it?” he asked. Then he left.", ["“Is this it?” he asked.", "Then he left."]),
        (
            "“We will win!” Kirby said Thursday. It was late.",
            ["“We will win!” Kirby said Thursday.", "It was late."],
        ),
        (
            "“We will win.” Kirby said. Then he left.",
            ["“We will win.” Kirby said.", "Then he left."],
        ),
        ("“Go.” He said nothing.", ["“Go.”", "He said nothing."]),
        (
            "Rep. Nancy Pelosi spoke. Gov. Gavin Newsom agreed.",
            ["Rep. Nancy Pelosi spoke.", "Gov. Gavin Newsom agreed."],
        ),
        (
            "Lt. Gen. Smith met Sgt. Jones. They talked.",
            ["Lt. Gen. Smith met Sgt. Jones.", "They talked."],
        ),
        (
            # ECB+ 18_ecb: a constable's title had made a row of its own ("Police Const.")
            "Police Const. Tim Fanning told a news conference. Dep. Chief Ray Smith agreed.",
            ["Police Const. Tim Fanning told a news conference.", "Dep. Chief Ray Smith agreed."],
        ),
        (
            "IE6 has 277 flaws; 39 percent are critical. Fine.",
            ["IE6 has 277 flaws; 39 percent are critical.", "Fine."],
        ),
        (
            "She moved to the U.S. The move was hard.",
            ["She moved to the U.S.", "The move was hard."],
        ),
        ("Held in Washington D.C. Image: US Navy.", ["Held in Washington D.C.", "Image: US Navy."]),
        (
            # ECB+ 16_ecbplus: spaced initials are one name
            "He killed L. A. County Deputy Jerry Ortiz, the D. A.'s release says. It was 2005.",
            [
                "He killed L. A. County Deputy Jerry Ortiz, the D. A.'s release says.",
                "It was 2005.",
            ],
        ),
        (
            "First paragraph ends here\n\nsecond one starts here.",
            ["First paragraph ends here", "second one starts here."],
        ),
        (
            "A headline without a stop\nBody text follows here.",
            ["A headline without a stop", "Body text follows here."],
        ),
        (
            "A hard-wrapped sentence that\ngoes on here.",
            ["A hard-wrapped sentence that\ngoes on here."],
        ),
    ],
)
def test_split_sentences_hard_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_offsets_are_exact_and_stripped(prefix: str) -> None:
    text = seed(prefix)
    sentences = split_sentences(text)
    assert sentences
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert "\n\n" not in sentence.text
    ends = [s.end for s in sentences]
    starts = [s.start for s in sentences[1:]]
    assert all(end <= start for end, start in zip(ends, starts, strict=False))


@pytest.mark.parametrize(
    ("prefix", "sentence"),
    [
        (
            "000",
            "Kirby said the U.S. has confirmed that North Korea has completed an initial arms"
            " delivery, including infantry rockets and missiles to Ukraine, which will be used by"
            " Wagner personnel.",
        ),
        (
            "000",
            "U.S. assessment is that the amount of material being provided by North Korea would "
            "not greatly change the battlefield dynamics.",
        ),
        (
            "001",
            "It seems as though Mr. Prigozhin is willing to just throw Russian bodies into the "
            "meat grinder in Bakhmut,” Kirby said.",
        ),
        (
            "003",
            "“We can confirm that North Korea has completed an initial arms delivery to Wagner, "
            "which paid for that equipment,” he said.",
        ),
        (
            "004",
            "The U.S. intelligence assessment, which will be released publicly on Dec. 22, is "
            "that the arms delivered by North Korea will not significantly alter the dynamics of "
            "the war.",
        ),
    ],
)
def test_seed_sentence_is_kept_whole(prefix: str, sentence: str) -> None:
    assert sentence in texts(seed(prefix))


def test_seed_sentence_with_us_ambassador_is_not_split() -> None:
    found = [s for s in texts(seed("000")) if "Linda Thomas-Greenfield" in s]
    assert len(found) == 1
    assert found[0].startswith("The United States accused Pyongyang")
    assert found[0].endswith(
        "U.S. Ambassador to the United Nations, Linda Thomas-Greenfield, said in a statement on "
        "Thursday."
    )


def test_seed_headline_line_is_its_own_block() -> None:
    text = seed("003")
    first, second = block_spans(text)[:2]
    assert (
        text[slice(*first)] == "North Korea supplied arms to Russia’s Wagner Group in Ukraine: US"
    )
    assert text[slice(*second)].startswith("File photo of Yevgeny Prigozhin")


def test_sentences_in_one_block_match_split_sentences() -> None:
    text = seed("001")
    by_block = [s for span in block_spans(text) for s in sentences_in(text, *span)]
    assert by_block == split_sentences(text)


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ("Armories of Terror", True),
        ("Sanctions Violations", True),
        ("Written By", True),
        ("(Subscribe to Our YouTube Channel Here)", True),
        ("Putin Should Be Scared: Wagner Group is Using North Korean Arms in Ukraine", True),
        ("It is a sign of the group’s expanding role in the conflict.", False),
        ("Could India and China Be Headed for War?", False),
        ("US National Security Council spokesman John Kirby said:", False),
        ("“We must immediately recognize them as a terrorist organization,” Kuleba said.", False),
        (
            "North Korea has delivered rockets, missiles to Russian Wagner Group mercenaries for "
            "use in Ukraine, White House says",
            False,
        ),
        ("", False),
    ],
)
def test_is_heading(paragraph: str, heading: bool) -> None:
    assert is_heading(paragraph) is heading


PIECES = st.sampled_from(
    ["Kirby", "said", "the", "U.S.", "Dec.", "22", "“Yes,”", "he", ".", "!", "?", ";", ",", " ",
     "\n", "\n\n", NBSP, "Mr.", "’", "\"", "(a)", "50,000", "—", "   "]
)  # fmt: skip


@given(st.lists(PIECES, max_size=40).map(" ".join))
def test_offsets_hold_for_any_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
