"""The hand-judged ECB+ stories of bench/judged: every fragment still names the claims it was
written for (claim splitting changes would silently empty the benchmark's counts), and the
counts add up. Skipped when ../shared/data is absent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bench import judged_stories
from bench.troy_rows import keys_with, load_story
from newsdiff.textcore.match.align import align
from newsdiff.textcore.pipeline import embed_claims

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
DOCS = DATA / "ecbplus_dev" / "docs.jsonl.gz"

pytestmark = pytest.mark.skipif(not DOCS.exists(), reason=f"{DOCS} is absent")
JUDGED = {judged["topic"]: judged for judged in judged_stories.judgments()}


@pytest.mark.parametrize("topic", sorted(JUDGED))
def test_every_judged_fragment_names_its_claims(topic: str) -> None:
    judged: dict[str, Any] = JUDGED[topic]
    story = load_story(DOCS, topic)
    assert int(topic.split("_")[0]) % 2 == 0  # an even topic: the matcher never trained on it
    for statement in judged["same"]:
        keys = [k for fragment in statement["claims"] for k in keys_with(story, fragment)]
        assert len(keys) >= len(statement["claims"]) >= 2, statement
    for pair in judged["different"]:
        (a,), (b,) = (keys_with(story, fragment) for fragment in pair["claims"])
        assert a.article != b.article, pair


def test_the_counts_of_one_story_add_up() -> None:
    judged = JUDGED["4_ecbplus"]
    story = load_story(DOCS, "4_ecbplus")
    counts = judged_stories.count(judged, story, align(story, [embed_claims(c) for c in story]))
    assert counts.statements == len(judged["same"]) and counts.different == len(judged["different"])
    assert 0 < counts.same_found <= counts.same_pairs and counts.whole <= counts.statements
    assert counts.different_joined == 0
    total = counts + counts
    assert total.values() == tuple(2 * v for v in counts.values())
