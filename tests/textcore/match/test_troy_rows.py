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
from typing import Any

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


def article_text(doc: dict[str, Any]) -> str:
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


# Statements several outlets carry, each in one row (at least these claims).
TROY_ROWS = {
    "not guilty plea": [
        "A not guilty plea was entered on LaCalamita's behalf during Wednesday's hearing.",
        "A not guilty plea was entered on LaCalamita's behalf during the hearing.",
    ],
    "held without bond": [
        "The judge ordered him held without bond pending",
        "The judge ordered him held without bail pending",
    ],
    "shotgun in the car": [
        "three live shells were found in the silver Ford Fusion",
        "When LaCalamita was arrested, police said they found a 12 - gauge",
    ],
    "located on Interstate 75": [
        "Police said they had located Anthony LaCalamita, 38, on the Interstate 75 highway",
        "Police said they had located Anthony LaCalamita, 38, of Troy on Interstate 75",
    ],
    "privacy of the families": [
        'The families of the two wounded men requested "total privacy",',
        "Wolfe said the families of the wounded men requested privacy",
    ],
    "Kafoury shot in the midsection": [
        "When receptionist Madeline Kafoury tried to stop him at Riva's door",
        "Receptionist Madeline Kafoury was standing in the doorway of Riva's office",
    ],
}


@pytest.mark.parametrize("row", TROY_ROWS)
def test_a_statement_several_outlets_carry_forms_one_row(
    troy: Story, troy_alignment: Alignment, row: str
) -> None:
    keys = [key for fragment in TROY_ROWS[row] for key in keys_with(troy, fragment)]
    assert len(keys) >= 2
    assert set(keys) <= row_of(troy_alignment, keys[0])


# Claims that say different things (the rows the issue found mixed): never in one row.
NEVER_TOGETHER = {
    "the ledes and the charges": (
        "A Michigan man shot to death one person and injured two others Monday",
        "He also is charged with two counts of intent to murder",
    ),
    "the lede and the early television report": (
        "An accounting firm employee who was fired last week shot and killed a woman",
        "Local evening news in Michigan originally reported",
    ),
    "another shooting near Los Angeles": (
        "In early March, a gunman shot and wounded three people at a printing facility",
        "A man suspected of shooting three people at an accounting firm where he had worked",
    ),
    "hiding from the gunman and the victims": (
        "Larson joined two female co - workers, barricading the locked door",
        "A female receptionist died and two men",
    ),
    "two deaths": (
        "She fell to the floor and died from her wounds",
        "She said the third victim died on the way to the hospital.",
    ),
    "the charges / the newspaper named the wounded men": (
        "He also is charged with two counts of intent to murder",
        "The Detroit Free Press identified them as Paul Riva",
    ),
    "the ledes / a jury convicted": (
        "A Michigan man shot to death one person and injured two others Monday",
        "A jury on Tuesday convicted a man",
    ),
    "the suspect's name / deliberately seeking them out": (
        "The man accused of shooting his three former co - workers is Anthony LaCalamita III",
        'was "deliberately seeking out these individuals',
    ),
    "the shotgun's buckshot / seized on arrest": (
        "Police said the shotgun was armed with buckshot",
        "Upon arrest, police seized a shotgun and several shells",
    ),
    "held in the county jail / held on charges of fleeing": (
        "LaCalamita is being held in the Genesee County jail",
        "LaCalamita was being held on charges of fleeing and eluding police",
    ),
    # different steps of the case (lexical.stages): charged / found guilty, searched / arrested
    "charged with murder / found guilty of murder": (
        "LaCalamita is charged with first - degree murder in the death of Kafoury, 63, of Warren.",
        "Anthony LaCalamita III was found guilty of first - degree murder",
    ),
    "a gunman shot three, officers searching / the suspect arrested": (
        "A gunman shot three people at a suburban Detroit office building Monday morning",
        "A man suspected of shooting three people, killing one, at a suburban Detroit",
    ),
    "arraigned / bought a shotgun and opened fire": (
        "A fired accountant accused of wounding two former bosses",
        "A fired accountant bought a shotgun the day after he lost his job",
    ),
}


@pytest.mark.parametrize("pair", NEVER_TOGETHER)
def test_claims_that_say_different_things_never_share_a_row(
    troy: Story, troy_alignment: Alignment, pair: str
) -> None:
    first, second = NEVER_TOGETHER[pair]
    a = keys_with(troy, first)[0]
    for b in keys_with(troy, second):
        assert b not in row_of(troy_alignment, a), (first, second)


def test_no_row_holds_two_claims_of_one_article_or_a_source_marker(
    troy: Story, troy_alignment: Alignment
) -> None:
    for row in troy_alignment.groups:
        assert len({k.article for k in row}) == len(row)
    texts = [claim.text for claims in troy for claim in claims]
    assert not [t for t in texts if "News article)" in t or "News Article)" in t]


# Known wrong rows of the shipped matcher (docs/matcher.md): pinned so a change shows.
KNOWN_MIXED = {
    "the suspect's name / arrested after a chase": (
        "The man accused of shooting his three former co - workers is Anthony LaCalamita III",
        "had been arrested following a high - speed chase a few hours after",
    ),
    "fired for poor performance / still listed on the Web site": (
        "LaCalamita was fired from his position as a general accountant last Thursday",
        "LaCalamita was fired last week, Craft said, but still was listed",
    ),
}


@pytest.mark.parametrize("pair", KNOWN_MIXED)
@pytest.mark.xfail(strict=True, reason="known mixed row of the shipped matcher (docs/matcher.md)")
def test_known_mixed_rows_are_apart(troy: Story, troy_alignment: Alignment, pair: str) -> None:
    first, second = KNOWN_MIXED[pair]
    assert one(troy, second) not in row_of(troy_alignment, one(troy, first))
