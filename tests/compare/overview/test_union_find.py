"""Linked pairs joined into groups."""

from __future__ import annotations

from newsdiff.compare.overview.union_find import components


def test_linked_indices_form_groups_in_order_of_their_first_index() -> None:
    assert components(6, [(4, 1), (5, 3), (3, 1)]) == [[0], [1, 3, 4, 5], [2]]


def test_no_links_leave_every_index_alone() -> None:
    assert components(3, []) == [[0], [1], [2]]
