"""Building aligned rows: groups anchor rows, each column's own claims fill the gaps in order."""

from __future__ import annotations

from newsdiff.articles.models import Article, Claim
from newsdiff.compare.rows import (
    SHARED_ALL,
    SHARED_SEVERAL,
    UNIQUE,
    Comparison,
    build_comparison,
)


def article(pk: int) -> Article:
    """An unsaved article: the rows only read its primary key."""
    return Article(pk=pk)


def claims_of(*pks: int) -> list[Claim]:
    return [Claim(pk=pk) for pk in pks]


def grid(comparison: Comparison) -> list[list[list[int]]]:
    return [[[c.pk for c in cell] for cell in row.columns] for row in comparison.rows]


def test_groups_anchor_rows_and_own_claims_sit_side_by_side_between_them() -> None:
    a, b, c = article(1), article(2), article(3)
    claims = {1: claims_of(10, 11, 12), 2: claims_of(20, 21, 24, 22, 23), 3: claims_of(29, 30)}
    group_of = {10: 100, 20: 100, 30: 100, 12: 101, 22: 101}
    comparison = build_comparison([a, b, c], claims, group_of)
    assert grid(comparison) == [
        [[], [], [29]],
        [[10], [20], [30]],
        [[11], [21, 24], []],
        [[12], [22], []],
        [[], [23], []],
    ]
    assert [row.status for row in comparison.rows] == [
        UNIQUE,
        SHARED_ALL,
        UNIQUE,
        SHARED_SEVERAL,
        UNIQUE,
    ]
    assert comparison.counts == {SHARED_ALL: 1, SHARED_SEVERAL: 1, UNIQUE: 5}


def test_another_lead_reorders_rows() -> None:
    a, b = article(1), article(2)
    claims = {1: claims_of(10, 11), 2: claims_of(20, 21)}
    group_of = {10: 100, 21: 100}
    assert grid(build_comparison([b, a], claims, group_of)) == [
        [[20], []],
        [[21], [10]],
        [[], [11]],
    ]


def test_groups_the_lead_lacks_follow_their_articles_previous_group() -> None:
    a, b, c = article(1), article(2), article(3)
    claims = {1: claims_of(10, 11), 2: claims_of(20, 21, 22), 3: claims_of(31, 32)}
    group_of = {10: 100, 20: 100, 21: 102, 31: 102, 11: 101, 22: 101, 32: 101}
    rows = build_comparison([a, b, c], claims, group_of).rows
    assert [row.group_id for row in rows] == [100, 102, 101]


def test_two_claims_of_one_article_in_a_group_share_the_row() -> None:
    a, b = article(1), article(2)
    comparison = build_comparison(
        [a, b], {1: claims_of(10, 11), 2: claims_of(20)}, {10: 5, 11: 5, 20: 5}
    )
    assert grid(comparison) == [[[10, 11], [20]]]
    assert comparison.rows[0].outlet_count == 2


def test_no_articles_no_rows() -> None:
    assert build_comparison([], {}, {}).rows == []
