"""Join items that are linked in pairs into groups (connected components)."""

from __future__ import annotations

from collections.abc import Iterable


def components(count: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The indices 0..count-1 joined by `links`, each group in index order, the groups in
    the order of their first index."""
    parent = list(range(count))
    for a, b in links:
        parent[_root(parent, a)] = _root(parent, b)
    groups: dict[int, list[int]] = {}
    for index in range(count):
        groups.setdefault(_root(parent, index), []).append(index)
    return list(groups.values())


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index
