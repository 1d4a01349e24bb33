"""The figures table: one row per quantity; differing values and qualifiers marked."""

from __future__ import annotations

from newsdiff.compare.overview.figures_table import build_figures
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
