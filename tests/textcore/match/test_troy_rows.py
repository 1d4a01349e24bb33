"""Rows of the Troy office shooting (ECB+ dev sub-topic 18_ecbplus, eleven outlets): statements
that editors find in several articles share a row, and statements that differ never do.

Reads ../shared/data (or $NEWSDIFF_DATA) and is skipped when it is absent. ECB+ topic 18 is
one of the even topics the matcher is never trained on (training/train_matcher.py).
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

from newsdiff.textcore.match.align import align
from newsdiff.textcore.pipeline import embed_claims, process_article
from newsdiff.textcore.types import Alignment, Claim, ClaimKey

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
DOCS = DATA / "ecbplus_dev" / "docs.jsonl.gz"
SUBTOPIC = "18_ecbplus"

pytestmark = pytest.mark.skipif(not DOCS.exists(), reason=f"{DOCS} is absent")
Story = list[tuple[Claim, ...]]


def detokenize(text: str) -> str:
    """ECB+ stores tokens with spaces around punctuation (as ../shared/tools/ecb_story.py)."""
    text = re.sub(r"\s+([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b", r"\1", text)
    text = re.sub(r"(\d)\s*([,.])\s+(\d)", r"\1\2\3", text)
    return text.replace("`` ", '"').replace(" ''", '"').strip()


def article_text(doc: dict) -> str:
    """Headline and body; the first sentence is the page address, not text."""
    lines = [detokenize(s["text"]) for s in doc["sentences"]]
    if lines and re.match(r"^\s*(https?\s*:|www\s*\.)", lines[0]):
        lines = lines[1:]
    return "\n\n".join(lines)


@pytest.fixture(scope="module")
def troy() -> Story:
    with gzip.open(DOCS, "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    docs = sorted((d for d in docs if d["subtopic"] == SUBTOPIC), key=lambda d: d["doc"])
    return [process_article(article_text(doc)).claims for doc in docs]


@pytest.fixture(scope="module")
def troy_alignment(troy: Story) -> Alignment:
    return align(troy, [embed_claims(claims) for claims in troy])


def keys_with(story: Story, fragment: str) -> list[ClaimKey]:
    return [
        ClaimKey(a, n)
        for a, claims in enumerate(story)
        for n, claim in enumerate(claims)
        if fragment in claim.text
    ]


def row_of(alignment: Alignment, claim: ClaimKey) -> set[ClaimKey]:
    return set(next((g for g in alignment.groups if claim in g), ()))


def one(story: Story, fragment: str) -> ClaimKey:
    found = keys_with(story, fragment)
    assert len(found) == 1, (fragment, found)
    return found[0]
