"""Rows from `same` links: one claim per article, and a claim joins only the row it states."""

from __future__ import annotations

import numpy as np

from newsdiff.textcore.match import grouping

SAME = 0.5


def table(values: dict[tuple[int, int], float]) -> grouping.Score:
    return lambda i, j: values.get((min(i, j), max(i, j)), 0.0)


def rows(links, articles, values) -> list[list[int]]:
    probability = table(values)
    agree = lambda i, j: probability(i, j) >= SAME  # noqa: E731
    statement = grouping.Statement(probability, agree, lambda pairs: None)
    return grouping.build_groups(links, np.array(articles), probability, statement=statement)


def test_a_row_never_grows_through_one_link_to_one_member() -> None:
    values = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.05}
    assert rows([(0, 1), (1, 2)], [0, 1, 2], values) == [[0, 1]]


def test_a_row_grows_when_the_claim_states_the_central_claim_and_most_members() -> None:
    values = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.6}
    assert rows([(0, 1), (1, 2)], [0, 1, 2], values) == [[0, 1, 2]]


def test_a_claim_close_to_one_member_but_not_to_the_central_claim_stays_out() -> None:
    # 0, 1, 2 state one thing (1 is the central claim); 3 matches 2 only
    values = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.7, (2, 3): 0.8, (1, 3): 0.3, (0, 3): 0.6}
    links = [(0, 1), (1, 2), (2, 3)]
    assert rows(links, [0, 1, 2, 3], values) == [[0, 1, 2]]


def test_a_claim_agreeing_with_half_a_row_joins_only_at_the_mean_probability() -> None:
    # a row of two (0 is its central claim); 2 agrees with 0 only
    probability = table({(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.3})
    agree = lambda i, j: probability(i, j) >= SAME  # noqa: E731
    assert not grouping.states_row(2, [0, 1], probability, agree)
    assert grouping.states_row(2, [0, 1], probability, agree, tie_mean=0.5)
    assert not grouping.states_row(2, [0, 1], probability, agree, tie_mean=0.65)
    # agreeing with the other member only, not the central claim, is never enough
    other = table({(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.3})
    agree_other = lambda i, j: other(i, j) >= SAME  # noqa: E731
    assert grouping.central([0, 1], other) == 0
    assert not grouping.states_row(2, [0, 1], other, agree_other, tie_mean=0.1)


def test_a_row_never_holds_two_claims_of_one_article() -> None:
    values = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.95}
    assert rows([(0, 1), (1, 2)], [0, 1, 0], values) == [[0, 1]]


def test_a_claim_that_states_a_row_better_takes_the_place_of_its_articles_claim() -> None:
    # ECB+ 26_ecbplus: claim 0 shares an opening clause with 1 (the rule score links them
    # first), claim 2 of the same article states what 1 states; the row takes 2, 0 goes
    score = table({(0, 1): 0.9, (1, 2): 0.7})
    probability = table({(0, 1): 0.64, (1, 2): 0.8, (0, 2): 0.1})
    agree = lambda i, j: probability(i, j) >= SAME  # noqa: E731
    statement = grouping.Statement(probability, agree, lambda pairs: None)
    links = [(0, 1), (1, 2)]
    built = grouping.build_groups(links, np.array([0, 1, 0]), score, statement=statement)
    assert built == [[1, 2]]
    # a claim no better than its article's claim in the row does not take its place
    weaker = table({(0, 1): 0.8, (1, 2): 0.7, (0, 2): 0.1})
    agree = lambda i, j: weaker(i, j) >= SAME  # noqa: E731
    statement = grouping.Statement(weaker, agree, lambda pairs: None)
    built = grouping.build_groups(links, np.array([0, 1, 0]), score, statement=statement)
    assert built == [[0, 1]]


def test_the_central_claim_is_the_member_most_probable_against_the_others() -> None:
    values = {(0, 1): 0.6, (1, 2): 0.9, (0, 2): 0.7}
    assert grouping.central([0, 1, 2], table(values)) == 2
    assert grouping.central([4], table(values)) == 4


def test_without_the_statement_check_groups_still_need_an_average_link() -> None:
    values = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.05}
    assert grouping.build_groups([(0, 1), (1, 2)], np.array([0, 1, 2]), table(values)) == [[0, 1]]


def test_read_is_asked_for_the_cross_pairs_of_a_merge_before_they_are_judged() -> None:
    asked: list[list[tuple[int, int]]] = []
    values = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.6}
    probability = table(values)
    agree = lambda i, j: probability(i, j) >= SAME  # noqa: E731
    statement = grouping.Statement(probability, agree, asked.append)
    grouping.build_groups([(0, 1), (1, 2)], np.array([0, 1, 2]), probability, statement=statement)
    assert asked == [[(0, 1)], [(0, 2), (1, 2)]]
