"""diff_versions: two versions of one article, word by word, with changed figures flagged."""

from __future__ import annotations

import time

import pytest

from newsdiff.textcore.differences import (
    FigureChange,
    FigureKind,
    OpKind,
    VersionDiff,
    diff_versions,
)

OLD = (
    "Floods in the north left 3 dead on Monday, police said.\n"
    "Rescue teams reached the valley by boat.\n"
    "The mayor asked residents to stay indoors."
)
NEW = (
    "Floods in the north left 5 dead on Monday, police said on Tuesday.\n"
    "Rescue teams reached the valley by boat.\n"
    "The mayor asked residents to stay indoors.\n"
    "Officials denied that warnings came late."
)


def changed(diff: VersionDiff) -> list[tuple[str, str, str]]:
    return [(c.kind.value, c.old, c.new) for c in diff.changes if c.kind is not OpKind.EQUAL]


def test_joined_pieces_give_both_versions_back() -> None:
    diff = diff_versions(OLD, NEW)
    assert "".join(c.old for c in diff.changes) == OLD
    assert "".join(c.new for c in diff.changes) == NEW


def test_a_changed_figure_is_flagged_with_the_word_it_counts() -> None:
    diff = diff_versions(OLD, NEW)
    assert diff.figures == (FigureChange(FigureKind.VALUE, "3 dead", "5 dead"),)
    flagged = [c for c in diff.changes if c.figures]
    assert [(c.old.strip(), c.new.strip()) for c in flagged] == [("3", "5")]
    assert "figures: 3 dead -> 5 dead" in diff.summary()


def test_inserted_and_deleted_words_are_shown() -> None:
    diff = diff_versions(OLD, NEW)
    assert [(kind, old.strip(), new.strip()) for kind, old, new in changed(diff)] == [
        ("replace", "3", "5"),
        ("insert", "", "on Tuesday"),
        ("insert", "", "Officials denied that warnings came late."),
    ]
    assert diff.words_inserted == 1 + 2 + 6
    assert diff.words_deleted == 1


def test_unchanged_paragraphs_are_one_equal_piece() -> None:
    diff = diff_versions(OLD, NEW)
    equal = [c.old for c in diff.changes if c.kind is OpKind.EQUAL]
    assert any("Rescue teams reached the valley by boat.\nThe mayor" in text for text in equal)


def test_same_text_is_unchanged() -> None:
    diff = diff_versions(OLD, OLD)
    assert diff.unchanged
    assert diff.figures == ()
    assert diff.summary() == "no change in wording"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("The fire burned 40 homes.", "The fire burned 40 homes and a school.", ()),
        (
            "The fund holds $100 million.",
            "The fund holds $120 million.",
            (FigureChange(FigureKind.VALUE, "$100 million", "$120 million"),),
        ),
        (
            "Police arrested people.",
            "Police arrested 12 people.",
            (FigureChange(FigureKind.ONLY_B, "", "12 people"),),
        ),
        (
            "About 2,000 fled.",
            "More than 2,000 fled.",
            (FigureChange(FigureKind.QUALIFIER, "About 2,000 fled", "More than 2,000 fled"),),
        ),
    ],
)
def test_figure_changes(old: str, new: str, expected: tuple[FigureChange, ...]) -> None:
    assert diff_versions(old, new).figures == expected


def test_a_removed_figure_reads_as_removed() -> None:
    diff = diff_versions("Twelve people were hurt.", "People were hurt.")
    assert [f.note for f in diff.figures] == ["Twelve people removed"]


def test_round_trips_through_json_form() -> None:
    diff = diff_versions(OLD, NEW)
    assert VersionDiff.from_dict(diff.to_dict()) == diff


def test_a_huge_rewrite_is_shown_whole_rather_than_diffed_word_by_word() -> None:
    old = " ".join(f"word{n}" for n in range(5_000))
    new = " ".join(f"other{n}" for n in range(5_000))
    diff = diff_versions(old, new)
    assert changed(diff) == [("replace", old, new)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("the cat " * 2_000, "the dog " * 2_000),
        ("\n".join(f"line {n} the cat sat" for n in range(5_000)), "x\n" * 5_000),
        ("1 2 3 " * 20_000, "1 2 4 " * 20_000),
        ("word. " * 10_000, "word! " * 10_000),
    ],
)
def test_hostile_texts_are_compared_without_blowing_up(old: str, new: str) -> None:
    started = time.monotonic()
    diff = diff_versions(old, new)
    assert time.monotonic() - started < 5, "a generous bound that only catches a blow-up"
    assert "".join(c.old for c in diff.changes) == old
    assert "".join(c.new for c in diff.changes) == new


def test_figures_are_flagged_sentence_by_sentence_in_a_long_rewrite() -> None:
    old = " ".join(f"Town {n} reported {n} cases." for n in range(60))
    new = old.replace("Town 7 reported 7 cases.", "Town 7 reported 9 cases.")
    diff = diff_versions(old, new)
    assert [f.note for f in diff.figures] == ["7 cases -> 9 cases"]
