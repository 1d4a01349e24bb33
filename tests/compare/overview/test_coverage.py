"""Coverage: which outlet has, paraphrases or lacks each shared statement; only-in lists."""

from __future__ import annotations

from newsdiff.compare.overview.coverage import (
    HAS,
    LACKS,
    PARAPHRASES,
    build_coverage,
    build_outlets,
)
from tests.compare.plain_story import article, claim, story_of


def test_coverage_cells_say_has_paraphrases_or_lacks() -> None:
    a, b, c, d = article(1), article(2), article(3), article(4)
    wire = claim(1, a, "North Korea has delivered rockets and missiles to the Wagner Group.")
    copy = claim(
        2, b, "North Korea has delivered rockets and missiles to the Wagner Group, he said."
    )
    own = claim(3, c, "Pyongyang shipped arms to the Russian mercenaries.")
    other = claim(4, d, "An unrelated sentence.")
    story = story_of(wire, copy, own, other, groups={7: [wire, copy, own]})
    coverage = build_coverage(story, "/stories/s/")
    (row,) = coverage.rows
    assert [cell.state for cell in row.cells] == [HAS, HAS, PARAPHRASES, LACKS]
    assert row.cells[0].like == ("outlet-2",)  # a file without outlet: its name
    assert row.href == "/stories/s/#group-7"
    assert row.text == wire.text  # the central wording labels the row, not a fragment
    assert row.outlet_count == 3


def test_coverage_puts_the_most_widely_carried_first_and_skips_one_outlet_groups() -> None:
    a, b, c = article(1), article(2), article(3)
    x = [claim(n, art, f"Statement x{n}.") for n, art in ((1, a), (2, b))]
    y = [claim(n, art, f"Statement y{n}.") for n, art in ((3, a), (4, b), (5, c))]
    alone = claim(6, a, "Alone.")
    story = story_of(*x, *y, alone, groups={1: x, 2: y, 3: [alone]})
    assert [row.group_id for row in build_coverage(story, "/").rows] == [2, 1]


def test_outlets_count_what_they_carry_and_list_what_only_they_say() -> None:
    a, b = article(1), article(2)
    wire = claim(1, a, "North Korea has delivered rockets and missiles to the Wagner Group.")
    copy = claim(2, b, "North Korea has delivered rockets and missiles to the Wagner Group.")
    alone = claim(3, a, "Only this outlet says so.")
    story = story_of(wire, copy, alone, groups={1: [wire, copy], 2: [alone]})
    first, second = build_outlets(story, build_coverage(story, "/"))
    assert (first.claims, first.has, first.paraphrases, first.shared) == (2, 1, 0, 1)
    assert first.only_here == (alone,)
    assert second.only_here == ()


def test_the_row_is_named_by_its_central_claim_not_its_shortest_fragment() -> None:
    a, b, c = article(1), article(2), article(3)
    fragment = claim(1, a, '"')
    long = claim(2, b, "Police said the gunman fired a shotgun at two managers in the office.")
    near = claim(3, c, "The gunman fired a shotgun at two managers, police said.")
    story = story_of(fragment, long, near, groups={5: [fragment, long, near]})
    (row,) = build_coverage(story, "/").rows
    assert row.text == near.text
