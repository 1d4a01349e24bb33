"""Claims of whole articles: offsets, kinds, speakers, quotes, splits, and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.textcore.claims.extract import MAX_SENTENCE_CHARS, extract_claims
from newsdiff.textcore.types import Claim, ClaimKind

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def claim_at(claims: tuple[Claim, ...], opening: str) -> Claim:
    (claim,) = [claim for claim in claims if claim.text.startswith(opening)]
    return claim


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, tuple[Claim, ...]]:
    return {prefix: extract_claims(seed(prefix)) for prefix in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_claim_offsets_index_the_text(
    prefix: str, seed_claims: dict[str, tuple[Claim, ...]]
) -> None:
    text = seed(prefix)
    for claim in seed_claims[prefix]:
        assert text[claim.start : claim.end] == claim.text
        for figure in claim.figures:
            assert claim.text[figure.start : figure.end] == figure.text


def test_headings_are_not_claims(seed_claims: dict[str, tuple[Claim, ...]]) -> None:
    texts = {claim.text for claim in seed_claims["000"]}
    assert "Armories of Terror" not in texts
    assert "Sanctions Violations" not in texts


@pytest.mark.parametrize(
    ("prefix", "opening", "kind", "speaker"),
    [
        ("000", "“Wagner is searching around the world", ClaimKind.QUOTE, "John Kirby"),
        ("000", "“In certain instances", ClaimKind.QUOTE, "John Kirby"),
        ("000", "“It’s pretty apparent to us", ClaimKind.QUOTE, "John Kirby"),
        ("000", "Kirby said the U.S. has confirmed", ClaimKind.STATEMENT, "John Kirby"),
        ("000", "Approximately 50,000 Wagner personnel", ClaimKind.NUMBER, None),
        (
            "000",
            "The United States accused Pyongyang",
            ClaimKind.STATEMENT,
            "Linda Thomas-Greenfield",
        ),
        ("001", "“Today we can confirm", ClaimKind.QUOTE, "John Kirby"),
        ("001", "Last month, North Korea delivered", ClaimKind.QUOTE, "John Kirby"),
        ("001", "After the White House said", ClaimKind.QUOTE, "James Cleverly"),
        ("001", "About 40,000 of the Wagner personnel", ClaimKind.NUMBER, "John Kirby"),
        (
            "002",
            "Prigozhin’s influence in Russia",
            ClaimKind.STATEMENT,
            "the senior American insider",
        ),
        (
            "002",
            "“For months, the Russian military",
            ClaimKind.QUOTE,
            "the senior American insider",
        ),
        ("002", "“However, we are concerned", ClaimKind.QUOTE, "Reuters"),
        ("003", "“We can confirm that North Korea", ClaimKind.QUOTE, "John Kirby"),
        (
            "003",
            "In a statement, the North Korean Foreign Ministry",
            ClaimKind.QUOTE,
            "North Korean Foreign Ministry",
        ),
        ("003", "“The fact that President Putin", ClaimKind.QUOTE, "James Cleverly"),
        ("003", "“We will work with our partners", ClaimKind.QUOTE, "James Cleverly"),
        ("004", "Russian state-controlled mercenary Wagner Group", ClaimKind.STATEMENT, "Reuters"),
        ("004", "“Last month, North Korea delivered", ClaimKind.QUOTE, "the unnamed official"),
        ("004", "He confirmed that North Korea", ClaimKind.STATEMENT, "the unnamed official"),
        ("004", "“We must immediately recognize them", ClaimKind.QUOTE, "Dmytro Kuleba"),
        ("004", "The U.S. intelligence assessment", ClaimKind.STATEMENT, None),
    ],
)
def test_seed_claim_kind_and_speaker(
    prefix: str,
    opening: str,
    kind: ClaimKind,
    speaker: str | None,
    seed_claims: dict[str, tuple[Claim, ...]],
) -> None:
    claim = claim_at(seed_claims[prefix], opening)
    assert (claim.kind, claim.speaker) == (kind, speaker)


def test_seed_003_pronoun_after_north_korean_spokesman_is_not_kirby(
    seed_claims: dict[str, tuple[Claim, ...]],
) -> None:
    claim = claim_at(seed_claims["003"], "“I would like to say that the Russian people")
    assert claim.kind == ClaimKind.QUOTE
    assert claim.speaker == "the spokesman"
    assert claim.speaker != "John Kirby"


def test_seed_quote_holds_the_quoted_words(seed_claims: dict[str, tuple[Claim, ...]]) -> None:
    claim = claim_at(seed_claims["004"], "“We must immediately recognize them")
    assert claim.quote == "We must immediately recognize them as a terrorist organization"


def test_scare_quotes_do_not_make_a_quote(seed_claims: dict[str, tuple[Claim, ...]]) -> None:
    claim = claim_at(seed_claims["000"], "It was reported on Thursday")
    assert (claim.kind, claim.quote) == (ClaimKind.STATEMENT, None)


def test_seed_adding_that_splits_into_two_claims(seed_claims: dict[str, tuple[Claim, ...]]) -> None:
    first = claim_at(seed_claims["001"], "His mercenary group now has")
    second = claim_at(seed_claims["001"], "in some cases Russian troops")
    assert first.text.endswith("Kirby said")
    assert (
        second.text
        == "in some cases Russian troops are serving as subordinates to Wagner commanders."
    )
    assert first.speaker == second.speaker == "John Kirby"
    assert first.kind == ClaimKind.QUOTE


def test_seed_adding_a_quote_splits_and_keeps_the_speaker(
    seed_claims: dict[str, tuple[Claim, ...]],
) -> None:
    first = claim_at(seed_claims["003"], "However, Kirby said, “We assess")
    second = claim_at(seed_claims["003"], "“But we’re certainly concerned")
    assert first.text.endswith("in Ukraine,”")
    assert (second.kind, second.speaker) == (ClaimKind.QUOTE, "John Kirby")


def test_seed_claim_figures_and_names(seed_claims: dict[str, tuple[Claim, ...]]) -> None:
    claim = claim_at(seed_claims["003"], "Kirby said the US had assessed")
    assert [(f.value, f.qualifier) for f in claim.figures] == [(50000, "about")]
    assert claim.names == ("John Kirby", "US", "Wagner", "Ukraine")


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seed_figure_broken_down_into_parts_gives_a_claim_per_figure(
    seed_claims: dict[str, tuple[Claim, ...]], prefix: str
) -> None:
    claims = seed_claims[prefix]
    (total,) = [n for n, c in enumerate(claims) if "50,000" in c.text and "personnel" in c.text]
    pieces = claims[total : total + 3]
    assert [[f.value for f in c.figures] for c in pieces] == [[50000], [10000], [40000]]
    assert pieces[1].text.startswith("including 10,000")
    assert pieces[2].text.startswith("and ") and "40,000 convicts" in pieces[2].text
    assert len({c.speaker for c in pieces}) == 1


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "The firm employs 5,000 people, including 300 engineers and 200 designers.",
            ["The firm employs 5,000 people", "including 300 engineers", "and 200 designers."],
        ),
        (
            "Some 300 people died, including 20 children.",
            ["Some 300 people died", "including 20 children."],
        ),
        # "and managers" states no figure, so "200 designers and managers" stays one piece
        (
            "It employs 5,000 people, including 300 engineers, and 200 designers and managers.",
            [
                "It employs 5,000 people",
                "including 300 engineers",
                "and 200 designers and managers.",
            ],
        ),
        # no figure in the parts, a date is not a figure here, a breakdown inside a quote
        ("The ministry sent aid, including food and water, to 20 towns.", None),
        ("Sales rose 5% in 2023, including in Asia.", None),
        ("“We have 5,000 staff, including 300 engineers and 200 designers,” she said.", None),
    ],
)
def test_a_figure_and_its_parts_are_split(text: str, pieces: list[str] | None) -> None:
    assert [c.text for c in extract_claims(text)] == (pieces or [text])


def test_a_date_alone_does_not_make_a_number_claim() -> None:
    (claim,) = extract_claims("The assessment will be released publicly on Dec. 22.")
    assert claim.kind == ClaimKind.STATEMENT
    assert [f.unit for f in claim.figures] == ["date"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "He confirmed that North Korea delivered arms and that Wagner paid for it in cash.",
            [
                "He confirmed that North Korea delivered arms",
                "Wagner paid for it in cash.",
            ],
        ),
        # "it paid for the equipment" leans on the statement before it
        ("He confirmed that North Korea delivered arms and that it paid for the equipment.", None),
        (
            "The US said the shipment broke UN rules and that it would impose new sanctions.",
            [
                "The US said the shipment broke UN rules",
                "it would impose new sanctions.",
            ],
        ),
        # no speech verb nor "that" before it: not a second reported statement
        ("Cats and dogs and that old horse of ours live together on the farm.", None),
        # inside a quote
        ("“We know that they paid and that they will pay again,” Kirby said on Friday.", None),
    ],
)
def test_a_second_reported_statement_is_its_own_claim(text: str, pieces: list[str] | None) -> None:
    claims = extract_claims(text)
    assert [c.text for c in claims] == (pieces or [text])
    assert len({c.speaker for c in claims}) == 1


def test_short_parts_are_not_split() -> None:
    claims = extract_claims("He left early, adding that it was late.")
    assert [claim.text for claim in claims] == ["He left early, adding that it was late."]


def test_claims_in_a_small_article() -> None:
    text = (
        "Sanctions Violations\n\n"
        "White House spokesperson John Kirby said the shipment arrived.\n\n"
        "“It was paid for,” he said. “More may come.”\n\n"
        "About 1,000 fighters died, according to Reuters."
    )
    claims = extract_claims(text)
    assert [(c.kind, c.speaker) for c in claims] == [
        (ClaimKind.STATEMENT, "John Kirby"),
        (ClaimKind.QUOTE, "John Kirby"),
        (ClaimKind.QUOTE, "John Kirby"),
        (ClaimKind.NUMBER, "Reuters"),
    ]
    assert [text[c.start : c.end] for c in claims] == [c.text for c in claims]


PIECES = st.sampled_from(
    ["Kirby", "said", "the", "U.S.", "Dec. 22", "“Yes,”", "”", "“", "he", "the spokesman", ".",
     "!", ";", ",", "\n", "\n\n", "\u00a0", "Mr.", "’s", "\"", "50,000", "$100 million a month",
     "adding that", "adding,", "according to", "Reuters", "John Kirby", "’90s", "Image:",
     "TROY, Mich. (AP) —", "-", "—", "LONDON"]
)  # fmt: skip


@given(st.lists(PIECES, max_size=40).map(" ".join))
def test_claim_offsets_hold_for_any_text(text: str) -> None:
    for claim in extract_claims(text):
        assert claim.text and text[claim.start : claim.end] == claim.text == claim.text.strip()
        assert all(claim.text[f.start : f.end] == f.text for f in claim.figures)


@pytest.mark.parametrize(
    "marker",
    ['" (Yahoo! News article)', "(CNN News Article)", '"', "” ’", "’...", "DETROIT (Reuters) -"],
)
def test_source_markers_stray_quote_marks_and_datelines_are_not_claims(marker: str) -> None:
    text = f"The gunman fired four shots at the office.\n\n{marker}\n\nPolice arrested him later."
    assert [c.text for c in extract_claims(text)] == [
        "The gunman fired four shots at the office.",
        "Police arrested him later.",
    ]


@pytest.mark.parametrize(
    ("paragraph", "first"),
    [
        ("TROY, Mich. (AP) — A man fired last week shot three people.", "A man fired"),
        ("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.", "The Senate"),
        ("LONDON, July 21 (Reuters) - Britain said on Monday it would act.", "Britain said"),
        ("Mannheim, Germany (Sports Network) - Wladimir Klitschko retained his titles.",
         "Wladimir Klitschko"),
        ("ALASKA - Shortly after 3:30 Tuesday morning someone called 911.", "Shortly after"),
        ("(AP)—A man was shot outside the bank on Friday.", "A man was shot"),
        ('BAGHDAD (AFP) - "We will act," the minister said.', '"We will act,"'),
    ],
)  # fmt: skip
def test_a_dateline_that_opens_a_paragraph_is_no_part_of_its_first_claim(
    paragraph: str, first: str
) -> None:
    # the sentence splitter had cut "TROY, Mich." off as a claim, then "(AP) — A man ..."
    text = f"{paragraph} Police arrested him later.\n\nThe office stayed closed."
    claims = extract_claims(text)
    assert claims[0].text.startswith(first)
    assert text[claims[0].start : claims[0].end] == claims[0].text
    assert [c.text for c in claims[1:]] == [
        "Police arrested him later.",
        "The office stayed closed.",
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "NASA - the space agency - said it would launch in May.",
        "The plan - backed by (most) officials - failed on Tuesday.",
        "A 57-year-old woman was indicted by a federal grand jury.",
        "Obama (D) - The senator said it would pass.",
        "He said - and we quote (AP) - that it was over.",
        "A FIRE - BOMB attack on a bank in Athens left three people dead.",
        "SKY - TV reports that the bank employees died in the fire.",
    ],
)
def test_a_dash_in_an_opening_sentence_is_no_dateline(paragraph: str) -> None:
    claims = extract_claims(paragraph)
    assert claims[0].start == 0
    assert "".join(c.text for c in claims).replace(" ", "") == paragraph.replace(" ", "")


@pytest.mark.parametrize(
    "run",
    ["1 " * 2_000, "Ab " * 1_000 + "x said on Monday", "W" * 5_000, '"' * 3_000],
    ids=["numbers", "capitalised words", "one word", "quotes"],
)
def test_text_longer_than_a_sentence_can_be_is_no_claim(run: str) -> None:
    opening = "The council met on Tuesday, officials said."
    text = f"{opening}\n\nThe minister said {run}.\n\nA vote follows."
    claims = extract_claims(text)
    assert [claim.text for claim in claims] == [
        "The council met on Tuesday, officials said.",
        "A vote follows.",
    ]
    assert all(len(claim.text) <= MAX_SENTENCE_CHARS for claim in claims)


def test_a_long_sentence_of_an_article_is_still_a_claim() -> None:
    clauses = ", ".join(f"the council of town number {n} voted on its budget" for n in range(30))
    sentence = f"Officials said that {clauses}."
    assert 1_500 < len(sentence) <= MAX_SENTENCE_CHARS
    (claim,) = extract_claims(sentence)
    assert claim.text == sentence
