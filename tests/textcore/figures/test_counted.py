"""What a figure counts: casualties by fate, nouns without their plural, magnitudes, ages and
whose they are; hyphenated compounds are attributes; the Troy sentences of ECB+ topic 18."""

from __future__ import annotations

import time

import pytest

from newsdiff.textcore.figures import find_figures


def counted(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.counted) for f in find_figures(text) if f.unit not in ("date", "decade")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fates: killed/dead/died/deaths -> dead; wounded/injured/hurt -> injured
        ("24 people were killed.", [("24", "dead")]),
        # ECB+ 20_ecbplus: a total is not a part of a whole
        ("told AFP that a total of 10 people had been killed", [("10", "dead")]),
        ("The blast left 24 dead.", [("24", "dead")]),
        ("Three died on the way.", [("Three", "dead")]),
        ("There were 24 deaths.", [("24", "dead")]),
        ("The death toll rose to 24.", [("24", "dead")]),
        ("The attack claimed 24 lives.", [("24", "dead")]),
        ("The gunman, killing at least 24,", [("at least 24", "dead")]),
        ("At least 50 were injured.", [("At least 50", "injured")]),
        ("50 wounded", [("50", "injured")]),
        ("1 dead, 2 hurt in Mich. office shooting", [("1", "dead"), ("2", "injured")]),
        ("Gunman kills 1, wounds 2 at accounting office", [("1", "dead"), ("2", "injured")]),
        ("shot to death one person and injured two others", [("two", "injured")]),
        ("A gunman shot three people at an office.", [("three", "shot")]),
        ("Three People Shot in Office Shooting", [("Three", "shot")]),
        # things, without their plural
        ("three live shells were found", [("three", "shell")]),
        ("We have four entrances", [("four", "entrance")]),
        ("charged with three counts of possession", [("three", "count")]),
        ("two of the three victims died", [("two", ""), ("three", "victim")]),
        # people, however they are named
        ("Approximately 50,000 Wagner personnel", [("Approximately 50,000", "people")]),
        ("an estimated 50,000 fighters", [("an estimated 50,000", "people")]),
        ("up to 50,000 strong", [("up to 50,000", "people")]),
        ("About 40,000 of the Wagner personnel", [("About 40,000", "people")]),
        ("only 10,000 of them are combatants", [("10,000", "")]),
        # magnitudes and ages
        ("A magnitude 6.1 earthquake", [("6.1", "magnitude")]),
        ("a 6.1-magnitude quake", [("6.1", "magnitude")]),
        ("a quake of a magnitude of 6.1", [("6.1", "magnitude")]),
        ("The suspect, 38-year-old Anthony LaCalamita", [("38-year", "age")]),
        ("a man 38 years old", [("38 years", "age")]),
        (
            "Two men were wounded, aged 47 and 48.",
            [("Two", "injured"), ("47", "age"), ("48", "age")],
        ),
        ("said Jean Larson, 48, a staff accountant", [("48", "age of Larson")]),
        ("Anthony LaCalamita III, 38, of Troy", [("38", "age of LaCalamita")]),
        # a hyphenated compound is an attribute: it counts the joined word, not the noun after
        ("a three-story building", [("three", "story")]),
        ("a 12-gauge pump-action shotgun", [("12", "gauge")]),
        ("a 40- to 50-employee company", [("40", ""), ("50", "people")]),
        # a figure with a unit counts nothing more
        ("chased him for 30 miles", [("30 miles", "")]),
    ],
)
def test_what_a_figure_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert counted(text) == expected


def test_a_year_old_is_an_age_not_a_duration() -> None:
    (age,) = find_figures("a 48-year-old man")
    assert (age.value, age.unit, age.counted) == (48, "", "age")
    (baby,) = find_figures("a six-month-old baby")
    assert (baby.value, baby.unit, baby.counted) == (6, "month", "age")
    (sentence,) = find_figures("a four-year sentence")
    assert (sentence.unit, sentence.counted) == ("year", "")


@pytest.mark.parametrize(
    "text",
    [
        "The quake struck at 0737 GMT.",
        "It struck at 7:37 a.m. on Monday.",
        "It struck at 7.37am.",
        "POSTED: 1052 GMT (1852 HKT), April 10, 2007",
        "gunfire around 10:30 a.m.",
        "He was charged with first-degree murder.",
    ],
)
def test_times_and_ordinals_are_not_counts(text: str) -> None:
    assert counted(text) == []


def test_dates_and_years_are_dates_not_counts() -> None:
    found = find_figures("In April 2007, a jury convicted him on April 29, 2008.")
    assert [(f.text, f.unit, f.counted) for f in found] == [
        ("April 2007", "date", ""),
        ("April 29, 2008", "date", ""),
    ]


def test_reading_what_figures_count_stays_linear_on_hostile_text() -> None:
    text = "Smith, 1, " * 20_000 + "killed " * 20_000 + "1 " + "-year " * 20_000
    started = time.process_time()
    find_figures(text)
    assert time.process_time() - started < 10.0  # takes well under a second
