"""The story grid: own statements fold into the shared row they follow; disagreements on
figures and credits are found and named by outlet."""

from __future__ import annotations

from newsdiff.compare.grid import CREDIT, FIGURE, HEDGE, grid_rows, view_mode
from newsdiff.compare.rows import build_comparison
from tests.compare.plain_story import article, claim


def test_own_statements_fold_into_the_shared_row_before_them() -> None:
    a, b = article(1), article(2)
    claims = {
        1: [
            claim(10, a, "Before anything shared."),
            claim(11, a, "Shared one."),
            claim(12, a, "A's own."),
        ],
        2: [claim(20, b, "Shared one, in B."), claim(21, b, "B's own."), claim(22, b, "B's too.")],
    }
    comparison = build_comparison([a, b], claims, {11: 100, 20: 100})
    rows = grid_rows(comparison.articles, comparison.rows)
    assert [row.group_id for row in rows] == [None, 100]  # only the lead-in keeps a row
    assert [c.pk for c in rows[0].cells[0].claims] == [10]
    shared = rows[1]
    assert [[c.pk for c in cell.claims] for cell in shared.cells] == [[11], [20]]
    assert [[c.pk for c in cell.own] for cell in shared.cells] == [[12], [21, 22]]
    assert shared.own_count == 3
    assert [cell.outlet for cell in shared.cells] == ["outlet-1", "outlet-2"]


def test_a_figure_two_outlets_give_differently_is_a_disagreement_with_their_names() -> None:
    a, b, c = article(1), article(2), article(3)
    claims = {
        1: [claim(10, a, "The chase reached 120 mph on the interstate.")],
        2: [claim(20, b, "The chase reached more than 100 mph on the interstate.")],
        3: [claim(30, c, "The chase on the interstate reached 120 mph.")],
    }
    comparison = build_comparison([a, b, c], claims, {10: 1, 20: 1, 30: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    (found,) = row.disagreements
    assert found.kind == HEDGE  # 120 is "more than 100": the same figure, hedged differently
    assert found.text == "120 vs more than 100 mph"  # the unit they share, once
    assert [v.text for v in found.versions] == ["120 mph", "more than 100 mph"]
    assert [v.outlets for v in found.versions] == [
        ("outlet-1", "outlet-3"),
        ("outlet-2",),
    ]
    assert [cell.differs for cell in row.cells] == [
        ("120 mph",),
        ("more than 100 mph",),
        ("120 mph",),
    ]


def test_agreeing_figures_and_one_sided_figures_are_no_disagreement() -> None:
    a, b = article(1), article(2)
    claims = {
        1: [claim(10, a, "Two men, 47 and 48, were wounded.")],
        2: [claim(20, b, "Two men were wounded, aged 47 and 48, and 12 people fled.")],
    }
    comparison = build_comparison([a, b], claims, {10: 1, 20: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    assert row.disagreements == ()


def test_the_same_number_hedged_differently_is_named_so_not_as_a_differing_figure() -> None:
    # ECB+ 8_ecbplus: "Three people died" / "at least three people dead"
    a, b, c = article(1), article(2), article(3)
    claims = {
        1: [claim(10, a, "Three people died in a burning bank in Athens.")],
        2: [claim(20, b, "A fire-bomb attack on a bank left at least three people dead.")],
        3: [claim(30, c, "Four people died in a burning bank in Athens.")],
    }
    comparison = build_comparison([a, b], claims, {10: 1, 20: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    (found,) = row.disagreements
    assert (found.kind, found.label) == (HEDGE, "Hedged differently")
    assert found.text == "Three vs at least three dead"
    comparison = build_comparison([a, b, c], claims, {10: 1, 20: 1, 30: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    (found,) = row.disagreements
    assert (found.kind, found.label) == (FIGURE, "Figures differ")


def test_a_figure_reads_with_what_it_counts_and_only_figures_of_one_quantity_disagree() -> None:
    a, b = article(1), article(2)
    claims = {
        1: [claim(10, a, "Gunman kills 1, wounds 2 at accounting office.")],
        2: [claim(20, b, "2 dead, 2 hurt in office shooting; three shells found.")],
    }
    comparison = build_comparison([a, b], claims, {10: 1, 20: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    (found,) = row.disagreements
    assert found.text == "1 vs 2 dead"
    assert [cell.differs for cell in row.cells] == [("1 dead",), ("2 dead",)]


def test_dead_and_injured_and_figures_in_other_units_are_no_disagreement() -> None:
    a, b = article(1), article(2)
    claims = {
        1: [claim(10, a, "24 were killed; police chased him 30 miles at up to 120 mph.")],
        2: [claim(20, b, "At least 50 were injured; the chase ran 48 km at up to 193 km/h.")],
    }
    comparison = build_comparison([a, b], claims, {10: 1, 20: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    assert row.disagreements == ()


def test_credits_to_different_people_disagree_but_variants_of_one_name_do_not() -> None:
    a, b, c, d = article(1), article(2), article(3), article(4)
    said = "The gunman walked past the receptionist."
    claims = {
        1: [claim(10, a, said, speaker="Undersheriff James Gage")],
        2: [claim(20, b, said, speaker="Genesee County Undersheriff James Gage")],
        3: [claim(30, c, said, speaker="police")],
        4: [claim(40, d, said, speaker="Charles Craft")],
    }
    comparison = build_comparison([a, b, c, d], claims, {10: 1, 20: 1, 30: 1, 40: 1})
    (row,) = grid_rows(comparison.articles, comparison.rows)
    (found,) = row.disagreements
    assert found.kind == CREDIT
    assert found.text == "Undersheriff James Gage vs Charles Craft"
    assert [v.columns for v in found.versions] == [(0, 1), (3,)]
    assert row.cells[2].differs == ()  # "police" names no one to disagree with


def test_view_mode_defaults_to_compact() -> None:
    assert view_mode("expanded") == "expanded"
    assert view_mode("shared") == "shared"
    assert view_mode(None) == view_mode("anything") == "compact"
