"""Rows of the Troy office shooting (ECB+ dev sub-topic 18_ecbplus, eleven outlets): statements
that editors find in several articles share a row, and statements that differ never do.

The pairs as a reader judged them live in bench/troy_rows.py, which `make bench-match` counts
too. Reads ../shared/data (or $NEWSDIFF_DATA) and is skipped when it is absent. ECB+ topic 18
is one of the even topics the matcher is never trained on (training/train_matcher.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.troy_rows import (
    BORDERLINE,
    DIFFERENT,
    KNOWN_MIXED,
    SAME_ROWS,
    Story,
    embed_story,
    in_one_row,
    judged_rows,
    keys_with,
    load_story,
    row_of,
    whole_row,
)
from newsdiff.textcore.match.align import align
from newsdiff.textcore.types import Alignment, ClaimKey

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
DOCS = DATA / "ecbplus_dev" / "docs.jsonl.gz"

pytestmark = pytest.mark.skipif(not DOCS.exists(), reason=f"{DOCS} is absent")


@pytest.fixture(scope="module")
def troy() -> Story:
    return load_story(DOCS)


@pytest.fixture(scope="module")
def troy_alignment(troy: Story) -> Alignment:
    return align(troy, embed_story(troy))


def one(story: Story, fragment: str) -> ClaimKey:
    found = keys_with(story, fragment)
    assert len(found) == 1, (fragment, found)
    return found[0]


@pytest.mark.parametrize("row", SAME_ROWS)
def test_a_statement_several_outlets_carry_forms_one_row(
    troy: Story, troy_alignment: Alignment, row: str
) -> None:
    assert whole_row(troy, troy_alignment, SAME_ROWS[row])


@pytest.mark.parametrize("pair", DIFFERENT)
def test_claims_that_say_different_things_never_share_a_row(
    troy: Story, troy_alignment: Alignment, pair: str
) -> None:
    assert keys_with(troy, DIFFERENT[pair][0]) and keys_with(troy, DIFFERENT[pair][1])
    assert not in_one_row(troy, troy_alignment, *DIFFERENT[pair])


def test_no_row_holds_two_claims_of_one_article_or_a_source_marker(
    troy: Story, troy_alignment: Alignment
) -> None:
    for row in troy_alignment.groups:
        assert len({k.article for k in row}) == len(row)
    texts = [claim.text for claims in troy for claim in claims]
    assert not [t for t in texts if "News article)" in t or "News Article)" in t]


@pytest.mark.parametrize("pair", KNOWN_MIXED)
@pytest.mark.xfail(strict=True, reason="known mixed row of the shipped matcher (docs/matcher.md)")
def test_known_mixed_rows_are_apart(troy: Story, troy_alignment: Alignment, pair: str) -> None:
    first, second = KNOWN_MIXED[pair]
    assert one(troy, second) not in row_of(troy_alignment, one(troy, first))


def test_the_benchmark_counts_the_judged_pairs_as_the_tests_find_them(
    troy: Story, troy_alignment: Alignment
) -> None:
    counts = dict(judged_rows(troy, troy_alignment))
    assert counts["  statements read as shared by several outlets, in one row"] == "6 of 6"
    assert counts["  pairs read as different statements, in one row"] == f"0 of {len(DIFFERENT)}"
    mixed = counts["  known mixed pairs (docs/matcher.md), in one row"]
    assert mixed.startswith(f"{len(KNOWN_MIXED)} of {len(KNOWN_MIXED)} (")
    for first, second in BORDERLINE.values():
        assert keys_with(troy, first) and keys_with(troy, second)
