"""Differences inside a group: word ops, added/dropped phrases, figures, quotes, summary."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.textcore.claims.extract import extract_claims
from newsdiff.textcore.differences.compare import (
    ClaimDifference,
    DiffOp,
    FigureKind,
    OpKind,
    compare_claims,
    same_speaker,
)
from newsdiff.textcore.types import Claim

CONFIRM = "we can confirm that North Korea has completed an initial arms delivery to Wagner."
SEEDS = Path(__file__).resolve().parents[3] / "seeds"
KIRBY = "“We can confirm that North Korea has completed an initial arms delivery,” said John Kirby."


def claim(text: str) -> Claim:
    return extract_claims(text)[0]


def changes(a: str, b: str) -> list[list[str]]:
    return [op.to_list() for op in compare_claims(claim(a), claim(b)).ops if op.kind != "equal"]


def rebuilt(ops: tuple[DiffOp, ...]) -> tuple[str, str]:
    return "".join(op.a_text for op in ops), "".join(op.b_text for op in ops)


def assert_rebuilds(a: str, b: str) -> None:
    difference = compare_claims(Claim(a, 0, len(a), quote=a), Claim(b, 0, len(b), quote=b))
    assert rebuilt(difference.ops) == (a, b)
    assert difference.quote is None or rebuilt(difference.quote.ops) == (a, b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (f"Today {CONFIRM}", CONFIRM.capitalize(), [["delete", "Today ", ""]]),
        (CONFIRM.capitalize(), f"Today {CONFIRM}", [["insert", "", "Today "]]),
        ("Wagner has 50,000 personnel.", "Wagner has 40,000 personnel.",
         [["replace", "50,000 ", "40,000 "]]),
        ("Kirby said the talks failed.", "Kirby said talks failed.", [["delete", "the ", ""]]),
        ("Kirby’s team said it was “unacceptable”.", "KIRBY'S team said it was \"unacceptable\".",
         []),
        ("The U.S. said\u00a0it — again — refused.", "the U.S. said it - again - refused.", []),
        ("Arms were sent, officials said.", "Arms were sent; officials said.",
         [["replace", ", ", "; "]]),
        (
            "Officials said on Tuesday that the big red car was stolen.",
            "Officials told reporters on Wednesday that a big blue truck was stolen.",
            [
                ["replace", "said on Tuesday that the ", "told reporters on Wednesday that a "],
                ["replace", "red car ", "blue truck "],
            ],
        ),
    ],
)  # fmt: skip
def test_word_ops_from_a_to_b(a: str, b: str, expected: list[list[str]]) -> None:
    assert changes(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "added", "dropped"),
    [
        (f"Today {CONFIRM}", CONFIRM.capitalize(), (), ("Today",)),
        (CONFIRM.capitalize(), f"Today {CONFIRM}", ("Today",), ()),
        ("Wagner has 50,000 personnel.", "Wagner has 40,000 personnel.", ("40,000",), ("50,000",)),
        ("Arms were sent, officials said.", "Arms were sent; officials said.", (), ()),
        ("The group left.", "The group left, the U.S. said.", ("the U.S. said",), ()),
    ],
)
def test_added_is_only_in_b_and_dropped_only_in_a(
    a: str, b: str, added: tuple[str, ...], dropped: tuple[str, ...]
) -> None:
    difference = compare_claims(claim(a), claim(b))
    assert (difference.added, difference.dropped) == (added, dropped)


def test_identical_sentences_are_all_equal() -> None:
    text = "Wagner has up to 50,000 personnel in Ukraine, the U.S. said on December 22."
    difference = compare_claims(claim(text), claim(text))
    assert [op.kind for op in difference.ops] == [OpKind.EQUAL]
    assert difference.similarity == 1.0
    assert difference.same_wording
    assert difference.figure_changes == ()
    assert (difference.added, difference.dropped) == ((), ())
    assert difference.summary() == "same wording"


@pytest.mark.parametrize(
    ("a", "b", "kinds", "note"),
    [
        ("It is up to 50,000 strong.", "It has approximately 50,000 personnel.",
         [FigureKind.QUALIFIER], "up to 50,000 vs approximately 50,000"),
        ("It has 50,000 personnel.", "It has 40,000 personnel.",
         [FigureKind.VALUE], "50,000 vs 40,000"),
        ("It costs $100 million per month.", "It costs about $100 million a month.",
         [FigureKind.QUALIFIER], "$100 million per month vs about $100 million a month"),
        ("It costs $100m.", "It costs $120m.", [FigureKind.VALUE], "$100m vs $120m"),
        ("It has 50k fighters.", "It has fifty thousand fighters.", [FigureKind.SAME], "same: 50k"),
        ("It sent 20 rockets.", "It sent rockets.", [FigureKind.ONLY_A], "only a: 20 rockets"),
        ("It sent rockets.", "It sent 20 rockets.", [FigureKind.ONLY_B], "only b: 20 rockets"),
        ("It sent 20 rockets on December 22.", "It sent 20 rockets on December 23.",
         [FigureKind.SAME, FigureKind.VALUE], "December 22 vs December 23"),
        ("It sent 20 rockets on December 22.", "It sent 20 rockets.",
         [FigureKind.SAME], "same: 20 rockets"),
        ("It sent rockets in the ’90s.", "It sent rockets.", [], ""),
        ("3 died and 10 were hurt.", "10 were hurt.",
         [FigureKind.ONLY_A, FigureKind.SAME], "only a: 3 dead"),
        ("24 were killed.", "At least 50 were injured.",
         [FigureKind.ONLY_A, FigureKind.ONLY_B], "only b: At least 50 injured"),
        ("The chase reached 100 mph.", "The chase reached 120 mph.",
         [FigureKind.VALUE], "100 vs 120 mph"),
        ("The chase reached 120 mph.", "The chase reached 193 km/h.", [FigureKind.SAME], ""),
        ("Gunman kills 1, wounds 2.", "2 dead, 2 hurt.",
         [FigureKind.VALUE, FigureKind.SAME], "1 vs 2 dead"),
        ("At least 50 were injured.", "52 people were injured.",
         [FigureKind.QUALIFIER], "At least 50 vs 52 injured"),
        ("It found three live shells.", "It has three entrances.",
         [FigureKind.ONLY_A, FigureKind.ONLY_B], "only a: three shells"),
        ("It signed a $70-million deal.", "It signed a 70-million-dollar deal.",
         [FigureKind.SAME], "same: $70-million"),
        ("He got a four-year sentence.", "He got a sentence of about four years.",
         [FigureKind.QUALIFIER], "four-year vs about four years"),
        ("The siege lasted 2 1/2 weeks.", "The siege lasted two and a half weeks.",
         [FigureKind.SAME], "same: 2 1/2 weeks"),
        ("The column is 15 km long.", "The column is 15 miles long.",
         [FigureKind.VALUE], "15 km vs 15 miles"),
        ("The chase covered 48 km.", "The chase covered 30 miles.", [FigureKind.SAME], ""),
        ("The column is 15 km long.", "The column is 20 kilometres long.",
         [FigureKind.VALUE], "15 km vs 20 kilometres"),
        ("Two-thirds of voters agreed.", "67% of voters agreed.",
         [FigureKind.SAME], "same: Two-thirds"),
    ],
)  # fmt: skip
def test_figures_are_paired_and_flagged(a: str, b: str, kinds: list[FigureKind], note: str) -> None:
    figures = compare_claims(claim(a), claim(b)).figures
    assert [figure.kind for figure in figures] == kinds
    assert not note or note in [figure.note for figure in figures]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("John Kirby", "Kirby", True),
        ("Kirby", "John Kirby", True),
        ("Mr. Kirby", "John Kirby", True),
        ("John Kirby", "Jane Kirby", False),
        ("John Kirby", "Antony Blinken", False),
        ("the Kremlin", "Kremlin", True),
        ("John Kirby", None, None),
        (None, None, None),
    ],
)
def test_same_speaker_matches_surnames(a: str | None, b: str | None, same: bool | None) -> None:
    assert same_speaker(a, b) is same


def test_same_quote_with_curly_and_straight_marks_is_verbatim() -> None:
    straight = (
        'Kirby said, "We can confirm that North Korea has completed an initial arms delivery."'
    )
    difference = compare_claims(claim(KIRBY), claim(straight))
    assert difference.quote is not None
    assert difference.quote.verbatim
    assert difference.quote.same_speaker is True
    assert difference.speakers == ("John Kirby", "Kirby")
    assert "quote verbatim" in difference.summary()
    assert "credited" not in difference.summary()


def test_quote_from_another_speaker_is_flagged() -> None:
    other = "“We can confirm North Korea completed a first arms delivery,” said Jane Smith."
    difference = compare_claims(claim(KIRBY), claim(other))
    assert difference.quote is not None
    assert difference.quote.same_speaker is False
    assert not difference.quote.verbatim
    assert [op.to_list() for op in difference.quote.ops if op.kind != "equal"] == [
        ["delete", "that ", ""],
        ["delete", "has ", ""],
        ["replace", "an initial ", "a first "],
    ]
    assert "credited to John Kirby vs Jane Smith" in difference.summary()


def test_no_quote_difference_unless_both_claims_quote() -> None:
    assert compare_claims(claim(KIRBY), claim(CONFIRM.capitalize())).quote is None


@pytest.mark.parametrize(
    ("a", "b", "summary"),
    [
        (f"Today {CONFIRM}", CONFIRM.capitalize(), "b drops 'Today'"),
        (
            "Wagner is up to 50,000 strong.",
            "Wagner is about 50,000 strong.",
            "b changes 'up to' to 'about'; figures: up to 50,000 vs about 50,000",
        ),
        ("Arms were sent, officials said.", "Arms were sent; officials said.",
         "punctuation differs"),
        ("We saw red cats, blue dogs, green cows and pink pigs.",
         "We saw big cats, old dogs, fat cows and tiny pigs.",
         "b changes 'red' to 'big', changes 'blue' to 'old', changes 'green' to 'fat' (+1 more)"),
    ],
)  # fmt: skip
def test_summary_is_one_line_about_b(a: str, b: str, summary: str) -> None:
    assert compare_claims(claim(a), claim(b)).summary() == summary


def test_to_dict_is_compact_json_and_reads_back() -> None:
    a = claim("“We can confirm 50,000 personnel,” said John Kirby.")
    b = claim("“We can confirm 40,000 personnel,” Kirby said.")
    difference = compare_claims(a, b)
    data = json.loads(json.dumps(difference.to_dict()))
    assert data["ops"][0] == ["equal", "“We can confirm ", "“We can confirm "]
    assert data["figures"] == [
        {"kind": "value", "a": "50,000", "b": "40,000", "note": "50,000 vs 40,000"}
    ]
    assert data["quote"]["same_speaker"] is True
    assert data["speakers"] == ["John Kirby", "Kirby"]
    assert ClaimDifference.from_dict(data) == difference


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("", "Wagner"),
        ("  Wagner  ", ""),
        ("   ", " "),
        ("\u00a0Today we can confirm.\n", "We can  confirm ."),
        ("Kirby’s “team” – said", 'Kirby\'s "team" - said it'),
        ("The U.S. said 50,000.", "the U.S said 50,000,000"),
        ("a b a b a", "b a b a b"),
    ],
)
def test_ops_rebuild_both_texts(a: str, b: str) -> None:
    assert_rebuilds(a, b)


def test_ops_rebuild_the_seed_claims() -> None:
    claims = [c for path in sorted(SEEDS.glob("*.txt")) for c in extract_claims(path.read_text())]
    assert len(claims) > 50
    for a, b in zip(claims, [*claims[7:], *claims[:7]], strict=True):
        assert_rebuilds(a.text, b.text)
        compare_claims(a, b).summary()


@given(st.text(max_size=80), st.text(max_size=80))
def test_ops_rebuild_any_texts(a: str, b: str) -> None:
    assert_rebuilds(a, b)


WORDISH = st.lists(st.sampled_from(["the", "Wagner", "50,000", ",", "said", "“", "a"]), max_size=12)


@given(WORDISH, WORDISH)
def test_ops_alternate_and_rebuild_word_texts(a_words: list[str], b_words: list[str]) -> None:
    a, b = " ".join(a_words), " ".join(b_words)
    assert_rebuilds(a, b)
    kinds = [op.kind for op in compare_claims(Claim(a, 0, len(a)), Claim(b, 0, len(b))).ops]
    assert all(x == OpKind.EQUAL or y == OpKind.EQUAL for x, y in pairwise(kinds))


def test_diff_op_round_trips_as_a_list() -> None:
    op = DiffOp(OpKind.REPLACE, "50,000 ", "40,000 ")
    assert DiffOp.from_list(op.to_list()) == op
