"""The figures table: one row per quantity; differing values and qualifiers marked."""

from __future__ import annotations

from newsdiff.compare.overview.figures_table import build_figures
from newsdiff.compare.story_claims import StoryClaims
from tests.compare.plain_story import article, claim, story_of


def test_figures_that_agree_are_one_row_and_a_different_qualifier_is_marked() -> None:
    a, b, c = article(1), article(2), article(3)
    story = story_of(
        claim(1, a, "Approximately 50,000 Wagner personnel are deployed."),
        claim(2, b, "The group has an estimated 50,000 fighters."),
        claim(3, c, "The army is said to be up to 50,000 strong."),
    )
    (row,) = build_figures(story)
    assert row.quantity == "50,000"
    assert row.outlet_count == 3
    assert row.status == "qualifier"
    assert [cell.odd for cell in row.cells] == ["", "", "qualifier"]
    assert dict(row.qualifiers) == {"about": 2, "up to": 1}


def test_different_numbers_for_the_same_statement_are_one_row_marked_as_differing() -> None:
    a, b, c = article(1), article(2), article(3)
    fifty = claim(1, a, "Wagner has 50,000 fighters in Ukraine.")
    forty = claim(2, b, "Wagner has 40,000 fighters in Ukraine.")
    also_fifty = claim(3, c, "Wagner has 50,000 fighters there.")
    story = story_of(fifty, forty, also_fifty, groups={1: [fifty, forty, also_fifty]})
    (row,) = build_figures(story)
    assert row.status == "value"
    assert row.quantity == "50,000 vs 40,000"
    assert [cell.odd for cell in row.cells] == ["", "value", ""]


def test_the_same_numbers_in_unrelated_statements_are_not_a_disagreement() -> None:
    a, b = article(1), article(2)
    story = story_of(
        claim(1, a, "Wagner has 50,000 fighters in Ukraine."),
        claim(2, b, "Wagner has 40,000 fighters in Ukraine."),
    )
    assert [row.status for row in build_figures(story)] == ["single", "single"]


def test_a_year_and_a_day_of_a_month_are_different_dates() -> None:
    a, b = article(1), article(2)
    story = story_of(
        claim(1, a, "Wagner has fought in Ukraine since 2014."),
        claim(2, b, "The shipment arrived on Dec. 22."),
    )
    rows = build_figures(story)
    assert [(row.quantity, row.status) for row in rows] == [
        ("2014", "single"),
        ("22 December", "single"),
    ]


def test_mentions_show_the_words_around_the_figure() -> None:
    text = "In a statement on Thursday the White House said that Wagner has 50,000 fighters"
    text += " deployed in eastern Ukraine, most of them recruited from Russian prisons."
    (row,) = build_figures(story_of(claim(1, article(1), text)))
    (mention,) = row.cells[0].mentions
    assert mention.before == "…White House said that Wagner has "
    assert mention.after == " fighters deployed in eastern…"


def rows_of(story: StoryClaims) -> list[tuple[str, str, int]]:
    return [(row.quantity, row.status, row.outlet_count) for row in build_figures(story)]


def test_the_same_number_of_different_things_is_not_one_row() -> None:
    a, b, c, d = article(1), article(2), article(3), article(4)
    story = story_of(
        claim(1, a, "Officers found three live shells in the vehicle."),
        claim(2, b, "We have four entrances - three entrances to our offices."),
        claim(3, c, "He is charged with three counts of possession of a firearm."),
        claim(4, d, "He walked into a three-story building."),
    )
    assert sorted(rows_of(story)) == [
        ("3 counts", "single", 1),
        ("3 entrances", "single", 1),
        ("3 shells", "single", 1),
        ("3 stories", "single", 1),
        ("4 entrances", "single", 1),
    ]


def test_ages_of_two_named_people_are_two_rows_and_an_unnamed_age_joins_one() -> None:
    a, b, c = article(1), article(2), article(3)
    story = story_of(
        claim(1, a, "“We heard pop, pop, pop,” said Jean Larson, 48, a staff accountant."),
        claim(2, b, "Riva, 47, of Sterling Heights and Steinberg, 48, of Bruce Township."),
        claim(3, c, "Police identified the other victims as a 47-year-old man."),
    )
    assert rows_of(story) == [
        ("age 47 (Riva)", "agree", 2),
        ("age 48 (Larson)", "single", 1),
        ("age 48 (Steinberg)", "single", 1),
    ]


def test_a_magnitude_is_not_compared_with_a_time() -> None:
    a, b = article(1), article(2)
    quake = claim(1, a, "A magnitude 6.1 earthquake struck at 0737 GMT on Sunday.")
    also = claim(2, b, "The 6.1-magnitude quake hit at 7:37 a.m. local time.")
    story = story_of(quake, also, groups={1: [quake, also]})
    assert rows_of(story) == [("magnitude 6.1", "agree", 2)]


def test_dead_and_injured_in_one_statement_are_not_a_disagreement() -> None:
    a, b = article(1), article(2)
    dead = claim(1, a, "The blast killed 24 people, police said.")
    injured = claim(2, b, "At least 50 people were injured in the blast, police said.")
    story = story_of(dead, injured, groups={1: [dead, injured]})
    assert rows_of(story) == [("24 dead", "single", 1), ("50 injured", "single", 1)]


def test_a_different_death_toll_in_one_statement_is_a_disagreement() -> None:
    a, b = article(1), article(2)
    one = claim(1, a, "Gunman kills 1, wounds 2 at accounting office.")
    two = claim(2, b, "Office shooting leaves 2 dead, 2 injured.")
    story = story_of(one, two, groups={1: [one, two]})
    assert rows_of(story) == [("1 dead vs 2 dead", "value", 2), ("2 injured", "agree", 2)]


def test_figures_in_other_units_that_convert_are_one_row() -> None:
    a, b = article(1), article(2)
    story = story_of(
        claim(1, a, "Deputies chased him for 30 miles at speeds up to 120 mph."),
        claim(2, b, "Deputies chased him for 48km at speeds up to 193km/h."),
    )
    assert rows_of(story) == [("30 miles", "agree", 2), ("120 miles per hour", "agree", 2)]
