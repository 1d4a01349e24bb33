"""The Troy office shooting (ECB+ dev sub-topic 18_ecbplus, eleven outlets) as the product reads
it, and its rows as a reader judged them.

Issue 11 found about 14 of Troy's 54 shared rows joining different statements. The pairs read
here are those rows' claims and the rows read since (docs/matcher.md): statements several
outlets carry (`SAME_ROWS`), claims that say different things (`DIFFERENT`), the known mixed
rows of the shipped matcher (`KNOWN_MIXED`) and pairs a reader could call either way
(`BORDERLINE`). `judged_rows` counts them on an alignment; `bench_match` prints the counts
and tests/textcore/match/test_troy_rows.py pins them. ECB+ topic 18 is an even topic, never
trained on (training/train_matcher.py).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsdiff.textcore.pipeline import embed_claims, process_article
from newsdiff.textcore.types import Alignment, Claim, ClaimKey

Story = list[tuple[Claim, ...]]
SUBTOPIC = "18_ecbplus"

# Statements a reader finds in several articles: each forms one row.
SAME_ROWS = {
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

# Claims that say different things (the rows the issue found mixed): never in one row.
DIFFERENT = {
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

# Different statements the shipped matcher still puts in one row (docs/matcher.md).
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

# Pairs a reader could call the same statement or not: counted, not pinned.
BORDERLINE = {
    "the shooting lede / the arrest lede": (
        "A Michigan man shot to death one person and injured two others Monday",
        "A man suspected of shooting three people at an accounting firm where he had worked",
    ),
    "walked into his old office / bought a shotgun, then opened fire": (
        "A man fired four days earlier from his job as an accountant walked into his old office",
        "A fired accountant bought a shotgun the day after he lost his job",
    ),
    "fired for poor performance / fired and bought a shotgun": (
        "LaCalamita was fired from his position as a general accountant last Thursday",
        "LaCalamita had been fired last Thursday as a general accountant at the firm",
    ),
    "held in the county jail / brought to Genesee County": (
        "LaCalamita is being held in the Genesee County jail",
        "He said LaCalamita was being brought to Genesee County",
    ),
}


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


def load_story(docs_file: Path, subtopic: str = SUBTOPIC) -> Story:
    """An ECB+ sub-topic's articles (Troy's unless told) in document order, each cleaned and
    split into claims as ingest does."""
    with gzip.open(docs_file, "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    docs = sorted((d for d in docs if d["subtopic"] == subtopic), key=lambda d: d["doc"])
    return [process_article(article_text(doc)).claims for doc in docs]


def embed_story(story: Story) -> list[Any]:
    return [embed_claims(claims) for claims in story]


def keys_with(story: Story, fragment: str) -> list[ClaimKey]:
    return [
        ClaimKey(a, n)
        for a, claims in enumerate(story)
        for n, claim in enumerate(claims)
        if fragment in claim.text
    ]


def row_of(alignment: Alignment, claim: ClaimKey) -> set[ClaimKey]:
    return set(next((g for g in alignment.groups if claim in g), ()))


def in_one_row(story: Story, alignment: Alignment, first: str, second: str) -> bool:
    """Whether a claim with `first` shares a row with a claim with `second`."""
    return any(
        b in row_of(alignment, a) for a in keys_with(story, first) for b in keys_with(story, second)
    )


def whole_row(story: Story, alignment: Alignment, fragments: Sequence[str]) -> bool:
    """Whether all the claims with these fragments sit in one row."""
    keys = [key for fragment in fragments for key in keys_with(story, fragment)]
    return len(keys) >= 2 and set(keys) <= row_of(alignment, keys[0])


def judged_rows(story: Story, alignment: Alignment) -> list[tuple[str, str]]:
    """The judged pairs counted on an alignment of the story, as (measure, value) rows."""
    shared = [g for g in alignment.groups if len(g) > 1]
    found = [
        name for name, fragments in SAME_ROWS.items() if whole_row(story, alignment, fragments)
    ]

    def together(pairs: dict[str, tuple[str, str]]) -> list[str]:
        return [name for name, (a, b) in pairs.items() if in_one_row(story, alignment, a, b)]

    def listed(names: list[str]) -> str:
        return f" ({'; '.join(names)})" if names else ""

    different, mixed, borderline = together(DIFFERENT), together(KNOWN_MIXED), together(BORDERLINE)
    return [
        ("Troy (ECB+ 18_ecbplus, 11 articles, claims as ingest finds them): shared rows",
         f"{len(shared)}"),
        ("  statements read as shared by several outlets, in one row",
         f"{len(found)} of {len(SAME_ROWS)}"),
        ("  pairs read as different statements, in one row",
         f"{len(different)} of {len(DIFFERENT)}{listed(different)}"),
        ("  known mixed pairs (docs/matcher.md), in one row",
         f"{len(mixed)} of {len(KNOWN_MIXED)}{listed(mixed)}"),
        ("  borderline pairs, in one row", f"{len(borderline)} of {len(BORDERLINE)}"),
    ]  # fmt: skip
