"""Building aligned rows from groups: order, placement of other columns' claims, status."""

from __future__ import annotations

from types import SimpleNamespace

from newsdiff.compare.rows import SHARED_ALL, SHARED_SEVERAL, UNIQUE, build_comparison


def article(pk: int) -> SimpleNamespace:
    return SimpleNamespace(pk=pk)


def claim(pk: int) -> SimpleNamespace:
    return SimpleNamespace(pk=pk)


def texts(comparison) -> list[list[list[int]]]:  # type: ignore[no-untyped-def]
    return [[[c.pk for c in cell] for cell in row.columns] for row in comparison.rows]


def test_rows_follow_the_lead_and_place_other_claims_after_their_predecessor() -> None:
    a, b, c = article(1), article(2), article(3)
    claims = {1: [claim(10), claim(11), claim(12)], 2: [claim(20), claim(21), claim(22)], 3: [claim(30)]}
    group_of = {10: 100, 20: 100, 30: 100, 12: 101, 22: 101}
    comparison = build_comparison([a, b, c], claims, group_of)
    assert texts(comparison) == [
        [[10], [20], [30]],
        [[], [21], []],
        [[11], [], []],
        [[12], [22], []],
    ]
    assert [row.status for row in comparison.rows] == [SHARED_ALL, UNIQUE, UNIQUE, SHARED_SEVERAL]
    assert comparison.counts == {SHARED_ALL: 1, SHARED_SEVERAL: 1, UNIQUE: 2}


def test_another_lead_reorders_rows() -> None:
    a, b = article(1), article(2)
    claims = {1: [claim(10), claim(11)], 2: [claim(20), claim(21)]}
    group_of = {10: 100, 21: 100}
    comparison = build_comparison([b, a], claims, group_of)
    assert texts(comparison) == [[[20], []], [[21], [10]], [[], [11]]]


def test_two_claims_of_one_article_in_a_group_share_the_row() -> None:
    a, b = article(1), article(2)
    claims = {1: [claim(10), claim(11)], 2: [claim(20)]}
    comparison = build_comparison([a, b], claims, {10: 5, 11: 5, 20: 5})
    assert texts(comparison) == [[[10, 11], [20]]]
    assert comparison.rows[0].outlet_count == 2


def test_no_articles_no_rows() -> None:
    assert build_comparison([], {}, {}).rows == []
