"""Names: capitalised runs, titles split off, one form per acronym, surnames resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.textcore.claims.names import (
    find_names,
    find_people,
    full_name,
    normal_form,
    person_name,
)

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kirby said the U.S. has confirmed it.", ("Kirby", "US")),
        ("The US and the United States and America.", ("US",)),
        (
            "The U.N. Security Council and the UN and the United Nations.",
            ("UN Security Council", "UN"),
        ),
        (
            "It was reported that Russia’s Wagner Group is in Ukraine.",
            ("Russia", "Wagner Group", "Ukraine"),
        ),
        ("Vladimir Putin‘s super “elite” mercenary force", ("Vladimir Putin",)),
        ("Russian President Vladimir Putin spoke.", ("Russia", "Vladimir Putin")),
        (
            "White House National Security Council Spokesman John Kirby told reporters.",
            ("White House National Security Council", "John Kirby"),
        ),
        ("British Foreign Secretary James Cleverly said so.", ("UK", "James Cleverly")),
        (
            "Earlier this month, Secretary of State Antony Blinken announced it.",
            ("Antony Blinken",),
        ),
        (
            "In a statement, the North Korean Foreign Ministry said no.",
            ("North Korea", "Foreign Ministry"),
        ),
        (
            "Wagner acts independently of the Russian Ministry of Defense.",
            ("Wagner", "Russia", "Ministry of Defense"),
        ),
        (
            "U.S. Ambassador to the United Nations, Linda Thomas-Greenfield, said it.",
            ("US", "UN", "Linda Thomas-Greenfield"),
        ),
        ("Approximately 50,000 Wagner personnel are now deployed on Thursday.", ("Wagner",)),
        ("However, The Embassy said in December that it would.", ("Embassy",)),
        (
            "The British government also condemned Russia for Wagner arm’s purchase.",
            ("UK", "Russia", "Wagner"),
        ),
    ],
)
def test_find_names(text: str, expected: tuple[str, ...]) -> None:
    assert find_names(text) == expected


def test_find_names_resolves_surnames_with_known_full_names() -> None:
    known = ["John Kirby", "Vladimir Putin"]
    assert find_names("Kirby said Putin’s army is tired.", known=known) == (
        "John Kirby",
        "Vladimir Putin",
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("British Foreign Secretary James Cleverly", "James Cleverly"),
        ("Ukraine’s Foreign Minister Dmytro Kuleba", "Dmytro Kuleba"),
        ("White House National Security Council spokesperson John Kirby", "John Kirby"),
        ("Ambassador Linda Thomas-Greenfield", "Linda Thomas-Greenfield"),
        ("Kirby", "Kirby"),
        ("White House", None),
        ("the North Korean Foreign Ministry", None),
        ("North Korea", None),
        ("U.S.", None),
    ],
)
def test_person_name(phrase: str, expected: str | None) -> None:
    assert person_name(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the U.N. Security Council", "UN Security Council"),
        ("the United States", "US"),
        ("the U.K. Defense Ministry", "UK Defense Ministry"),
        ("The White House", "White House"),
    ],
)
def test_normal_form(phrase: str, expected: str) -> None:
    assert normal_form(phrase) == expected


def test_full_name_prefers_the_first_known_match() -> None:
    assert full_name("Prigozhin", ["Evgenii Prigozhin", "Yevgeny Prigozhin"]) == "Evgenii Prigozhin"
    assert full_name("Kuleba", ["John Kirby"]) == "Kuleba"


@pytest.mark.parametrize(
    ("prefix", "people"),
    [
        ("001", ["John Kirby", "Yevgeny Prigozhin", "Vladimir Putin", "James Cleverly"]),
        ("004", ["Evgenii Prigozhin", "Vladimir Putin", "Dmytro Kuleba"]),
    ],
)
def test_find_people_in_seeds(prefix: str, people: list[str]) -> None:
    found = [name.text for name in find_people(seed(prefix))]
    assert [name for name in found if name in people] == people
