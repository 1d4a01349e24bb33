"""Aligning the claims of several articles: matches, groups, and the seeds story."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsdiff.textcore.claims.extract import extract_claims
from newsdiff.textcore.clean.text import clean_text
from newsdiff.textcore.match import blocking
from newsdiff.textcore.match.align import align, build_story, same_distinctive_figure
from newsdiff.textcore.match.embed import get_embedder
from newsdiff.textcore.types import Alignment, Claim, ClaimKey, MatchKind

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
# Right rows the shipped matcher misses (its probability stays under its cuts): kept failing on
# purpose, so that a better model shows here (docs/matcher.md).
MODEL_MISS = pytest.mark.xfail(strict=True, reason="a miss of the shipped matcher")
Story = list[tuple[Claim, ...]]


def article_claims(raw: str) -> tuple[Claim, ...]:
    """The claims of one raw seed article (the real cleaning and claims steps)."""
    return extract_claims(clean_text(raw).text)


def sentence_claims(*sentences: str) -> tuple[Claim, ...]:
    return tuple(extract_claims(" ".join(sentences)))


def embed(story: Sequence[Sequence[Claim]]) -> list[np.ndarray]:
    return [get_embedder().encode([c.text for c in article]) for article in story]


def run(story: Sequence[Sequence[Claim]]) -> Alignment:
    return align(story, embed(story))


@pytest.fixture(scope="module")
def seeds() -> Story:
    return [article_claims(path.read_text()) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seed_alignment(seeds: Story) -> Alignment:
    return run(seeds)


def key(story: Story, article: int, fragment: str) -> ClaimKey:
    """The one claim of the article whose text contains the fragment."""
    found = [n for n, c in enumerate(story[article]) if fragment in c.text]
    assert len(found) == 1, f"{fragment!r} in article {article}: {found}"
    return ClaimKey(article, found[0])


def group_of(alignment: Alignment, claim: ClaimKey) -> tuple[ClaimKey, ...]:
    return next((g for g in alignment.groups if claim in g), ())


def same_pairs(alignment: Alignment) -> set[frozenset[ClaimKey]]:
    return {frozenset((m.a, m.b)) for m in alignment.matches if m.kind is MatchKind.SAME}


FIFTY_THOUSAND = [
    (0, "Approximately 50,000 Wagner personnel"),
    (1, "estimated 50,000 fighters"),
    (2, "up to 50,000 strong"),
    (3, "some 50,000 personnel"),
]


def test_the_50000_personnel_statements_of_four_outlets_form_one_row(
    seeds: Story, seed_alignment: Alignment
) -> None:
    keys = [key(seeds, a, text) for a, text in FIFTY_THOUSAND]
    assert set(keys) <= set(group_of(seed_alignment, keys[0]))


@MODEL_MISS
def test_the_arms_suppliers_quote_and_its_paraphrase_are_the_same(
    seeds: Story, seed_alignment: Alignment
) -> None:
    quote_000 = key(seeds, 0, "Wagner is searching around the world")
    quote_003 = key(seeds, 3, "Wagner is searching around the world")
    paraphrase = key(seeds, 1, "Wagner is reaching out around the world")
    assert quote_003 in group_of(seed_alignment, quote_000)
    same = same_pairs(seed_alignment)
    assert {paraphrase, quote_000} in same or {paraphrase, quote_003} in same


# Statements a reader finds in several seed articles: each forms one row, exactly these
# claims where `exact`, at least these otherwise.
SEED_ROWS = {
    "$100 million a month": (
        False,
        [(1, "$100 million"), (2, "$100 million"), (3, "$100 million")],
    ),
    "10,000 contractors": (
        True,
        [(0, "10,000 actual"), (2, "only 10,000"), (3, "10,000 contractors")],
    ),
    "40,000 convicts": (
        True,
        [
            (0, "40,000 convicts"),
            (1, "About 40,000"),
            (2, "40,000 recruits"),
            (3, "40,000 convicts"),
        ],
    ),
    "no comment": (
        True,
        [
            (0, "have not commented"),
            (2, "Statements from Russia and North Korea are not available"),
        ],
    ),
    "breach of Security Council resolutions": (
        False,
        [
            (1, "clear breach of U.N. Security Council resolutions"),
            (3, "The White House said the shipment violated"),
            (4, "as a violation of UN Security Council resolutions"),
        ],
    ),
}


MISSED_SEED_ROWS = {"breach of Security Council resolutions"}


@pytest.mark.parametrize(
    "row",
    [pytest.param(row, marks=MODEL_MISS) if row in MISSED_SEED_ROWS else row for row in SEED_ROWS],
)
def test_a_seed_statement_shared_by_several_outlets_forms_one_row(
    seeds: Story, seed_alignment: Alignment, row: str
) -> None:
    exact, fragments = SEED_ROWS[row]
    keys = {key(seeds, article, fragment) for article, fragment in fragments}
    found = set(group_of(seed_alignment, next(iter(keys))))
    assert found == keys if exact else keys <= found


def test_no_50000_statement_is_the_same_as_a_40000_statement(
    seeds: Story, seed_alignment: Alignment
) -> None:
    fifty = [key(seeds, a, text) for a, text in FIFTY_THOUSAND]
    forty = [key(seeds, 1, "About 40,000 of the Wagner"), key(seeds, 2, "40,000 recruits")]
    same = same_pairs(seed_alignment)
    assert not [(f, g) for f in fifty for g in forty if {f, g} in same]


def test_the_us_confirmation_is_never_the_same_as_north_koreas_denial(
    seeds: Story, seed_alignment: Alignment
) -> None:
    denial = key(seeds, 3, "flatly denied")
    confirmations = [
        key(seeds, 1, "we can confirm that North Korea"),
        key(seeds, 3, "We can confirm that North Korea"),
        key(seeds, 4, "He confirmed that North Korea"),
    ]
    assert not [c for c in confirmations if {c, denial} in same_pairs(seed_alignment)]
    assert denial not in group_of(seed_alignment, confirmations[0])


def test_matches_link_different_articles_in_order_with_scores_in_range(
    seed_alignment: Alignment,
) -> None:
    assert seed_alignment.matches
    for m in seed_alignment.matches:
        assert m.a.article < m.b.article
        assert 0.0 <= m.score <= 1.0
        assert dict(m.signals).keys() >= {"cosine", "jaccard", "figures_clash", "negation"}
    pairs = [(m.a, m.b) for m in seed_alignment.matches]
    assert pairs == sorted(pairs, key=lambda p: (p[0].article, p[0].claim, p[1].article))


def test_groups_hold_one_claim_per_article_and_agree_with_same_matches(
    seed_alignment: Alignment,
) -> None:
    same = same_pairs(seed_alignment)
    for group in seed_alignment.groups:
        assert list(group) == sorted(group, key=lambda k: (k.article, k.claim))
        assert len({k.article for k in group}) == len(group) >= 2
        assert all({a, b} in same for a in group for b in group if a != b)
    grouped = {k for g in seed_alignment.groups for k in g}
    assert all(pair <= grouped for pair in same)


def test_alignment_is_deterministic(seeds: Story, seed_alignment: Alignment) -> None:
    assert run(seeds) == seed_alignment


def test_claims_on_one_topic_that_state_different_things_form_no_row() -> None:
    story = [
        sentence_claims(
            "The city council approved a budget of $2 million for road repairs on Monday.",
            "Mayor Ann Lee said the repairs will start in May.",
            "Residents have complained about potholes for years.",
        ),
        sentence_claims(
            "Council members debated parking fees for three hours.",
            "The council will vote on a new bike lane plan next month.",
            "Local shop owners oppose higher parking fees.",
        ),
        sentence_claims(
            "The city council meeting drew a crowd of 200 people.",
            "A councillor proposed renaming the central square.",
        ),
    ]
    alignment = run(story)
    assert alignment.groups == ()
    assert not same_pairs(alignment)


def test_silences_of_one_party_share_a_row_and_of_different_parties_do_not() -> None:
    story = [
        sentence_claims(
            "Apple unveiled a folding phone on Tuesday.",
            "Samsung has not commented on the launch.",
            "A spokesman for Google declined to comment.",
        ),
        sentence_claims(
            "The folding phone Apple showed on Tuesday costs $1,999.",
            "Samsung did not respond to requests for comment.",
        ),
        sentence_claims("Google could not be reached on Tuesday."),
    ]
    alignment = run(story)
    samsung, google = ClaimKey(0, 1), ClaimKey(0, 2)
    assert {samsung, ClaimKey(1, 1)} in same_pairs(alignment)
    assert {google, ClaimKey(2, 0)} not in same_pairs(alignment)
    assert ClaimKey(1, 1) not in group_of(alignment, google)


def test_outlets_that_describe_a_person_differently_state_one_thing_about_her() -> None:
    # ECB+ 4_ecbplus (held out); the model gives the first two 0.53
    story = [
        sentence_claims(
            "Esther Williams, the swimming champion turned actress who starred in glittering and"
            " aquatic Technicolor musicals of the 1940s and 1950s, has died.",
            "She was 91.",
        ),
        sentence_claims(
            "Esther Williams, swimming champion, actress, and pin - up icon, has died.",
            "She was 91.",
        ),
        sentence_claims("Esther Williams, 91, has died in Los Angeles."),
        sentence_claims("Esther Williams, 92, has died in Los Angeles."),
    ]
    alignment = run(story)
    row = group_of(alignment, ClaimKey(0, 0))
    assert {ClaimKey(0, 0), ClaimKey(1, 0)} <= set(row)
    assert not {ClaimKey(2, 0), ClaimKey(3, 0)} <= set(row)


def test_a_paraphrase_in_other_words_is_matched() -> None:
    story = [
        sentence_claims(
            "The city council approved a $2 million budget for road repairs on Monday.",
            "The mayor's office has not commented on the decision.",
            "Residents have complained about potholes for years.",
        ),
        sentence_claims(
            "Council members voted for $2 million of road repairs.",
            "City hall did not respond to requests for comment.",
            "Local shop owners oppose higher parking fees.",
        ),
    ]
    alignment = run(story)
    no_comment = next(m for m in alignment.matches if m.a == ClaimKey(0, 1))
    assert no_comment.b == ClaimKey(1, 1)
    assert no_comment.kind is MatchKind.SAME
    assert dict(no_comment.signals)["model"] == no_comment.score
    assert alignment.groups == (
        (ClaimKey(0, 0), ClaimKey(1, 0)),
        (ClaimKey(0, 1), ClaimKey(1, 1)),
    )


def test_a_row_whose_counterpart_sits_in_another_row_takes_no_runner_up(
    seeds: Story, seed_alignment: Alignment
) -> None:
    # 001 says "emerging as a rival power center" inside its 50,000 claim, in another row;
    # its next best claim, another Kirby quote, must not fill the place.
    rival = key(seeds, 0, "rival power center")
    row = group_of(seed_alignment, rival)
    assert key(seeds, 2, "rival center of power") in row
    assert key(seeds, 1, "Wagner is on the ground") not in row


def test_a_denial_in_an_aside_does_not_keep_a_claim_from_its_row(
    seeds: Story, seed_alignment: Alignment
) -> None:
    supplied = key(seeds, 3, "North Korea had supplied missiles")
    assert len(group_of(seed_alignment, supplied)) >= 3


@MODEL_MISS
def test_an_article_that_says_a_thing_twice_puts_one_of_them_in_the_row() -> None:
    story = [
        sentence_claims(
            "The company will cut 500 jobs, its chief executive said.",
            "The company is to cut 500 jobs by the end of the year.",
        ),
        sentence_claims("The firm announced it would eliminate 500 jobs."),
        sentence_claims("The carmaker plans to cut 500 jobs this year."),
    ]
    [row] = run(story).groups
    assert row[1:] == (ClaimKey(1, 0), ClaimKey(2, 0))
    assert row[0] in (ClaimKey(0, 0), ClaimKey(0, 1))


def test_a_claim_and_its_negation_are_related_not_same() -> None:
    story = [
        sentence_claims("The arms delivery will change the battlefield dynamics in Ukraine."),
        sentence_claims("The arms delivery will not change the battlefield dynamics in Ukraine."),
    ]
    alignment = run(story)
    assert [m.kind for m in alignment.matches] == [MatchKind.RELATED]
    assert alignment.groups == ()


def test_empty_articles_and_an_empty_story_are_fine() -> None:
    assert align([], []) == grouping_free()
    story = [(), sentence_claims("Wagner has 50,000 fighters."), ()]
    assert run(story) == grouping_free()


def grouping_free() -> Alignment:
    return Alignment(matches=(), groups=())


def test_vectors_must_match_the_claims() -> None:
    claims = [sentence_claims("One claim here."), sentence_claims("Another claim there.")]
    with pytest.raises(ValueError, match="one row per claim"):
        align(claims, [np.zeros((2, 384)), np.zeros((1, 384))])
    with pytest.raises(ValueError, match="one entry per article"):
        align(claims, [np.zeros((1, 384))])


def test_a_big_story_scores_only_candidate_pairs_and_still_finds_its_rows(seeds: Story) -> None:
    story = [seeds[n % 5][n % 3 :] for n in range(50)]
    vectors = [v[n % 3 :] for n, v in enumerate(embed(seeds) * 10)]
    articles = np.repeat(np.arange(50), [len(a) for a in story])
    assert blocking.cross_pair_count(articles) > blocking.MAX_EXHAUSTIVE_PAIRS
    alignment = align(story, vectors)  # its time is measured by `make bench-match`
    texts = [[story[k.article][k.claim].text for k in group] for group in alignment.groups]
    assert max(sum("50,000" in t for t in group) for group in texts) >= 35
    assert all(len({k.article for k in g}) == len(g) for g in alignment.groups)


def test_the_model_vetoes_a_strong_rule_link_it_calls_different() -> None:
    story = [
        sentence_claims("The council approved the budget for road repairs on Monday."),
        sentence_claims("The council approved the budget for road repairs on Monday."),
    ]
    vectors = embed(story)
    asked: list[tuple[str, str]] = []

    def judge(logit: float):
        def logits(pairs):
            asked.extend(pairs)
            return np.full(len(pairs), logit, dtype=np.float32)

        return logits

    assert align(story, vectors, judge(-30.0)).groups == ()
    assert asked  # the strong rule link was read, and vetoed
    assert align(story, vectors, judge(0.0)).groups == ((ClaimKey(0, 0), ClaimKey(1, 0)),)


def test_the_model_reads_only_mutual_best_pairs_above_the_related_threshold() -> None:
    story = [
        sentence_claims(
            "The city council approved a $2 million budget for road repairs on Monday.",
            "Residents have complained about potholes for years.",
        ),
        sentence_claims(
            "Council members voted for $2 million of road repairs.",
            "Local shop owners oppose higher parking fees.",
        ),
    ]
    asked: list[tuple[str, str]] = []

    def logits(pairs):
        asked.extend(pairs)
        return np.zeros(len(pairs), dtype=np.float32)

    align(story, embed(story), logits)
    assert (story[0][0].text, story[1][0].text) in asked
    assert all(a != story[0][1].text for a, _ in asked)


def test_a_shared_decade_or_a_large_count_decides_only_when_it_is_a_count() -> None:
    story = [
        sentence_claims(
            "Esther Williams, who starred in musicals of the 1940s and 1950s, has died.",
            "Wagner is spending more than $100 million per month on the war.",
        ),
        sentence_claims(
            "Williams, a box-office star of the 1940s and 1950s, had been in declining health.",
            "He spends more than $100 million per month to finance the mission.",
        ),
    ]
    built = build_story(story, embed(story))
    decades, money = (0, 2), (1, 3)
    assert not same_distinctive_figure(built, *decades)
    assert same_distinctive_figure(built, *money)


@pytest.mark.parametrize(
    ("a", "b", "decides"),
    [
        # ECB+ 16_ecbplus (held out): "911" is a phone number, "12000 block" an address
        (
            "A witness called 911 after Ortiz knocked on the residence's door.",
            "They tried to aid the deputy and dialed 911.",
            False,
        ),
        (
            "Deputy Ortiz was shot outside an apartment in the 12000 block of East 223rd Street.",
            "Ortiz followed Orozco to an apartment in the 12000 block of East 223rd Street.",
            False,
        ),
        # ECB+ 6_ecb (held out): a figure granted on the way to what the claim states
        (
            "Days after Catherine Hardwicke was ousted, despite having directed the vampire"
            " romance to $140 million worth of business, Chris Weitz is close to signing on.",
            "To date the film has grossed over $142 million domestically.",
            False,
        ),
        (
            "Although 50,000 people marched in Athens, the government held firm.",
            "About 50,000 people marched in Athens on Wednesday.",
            False,
        ),
        # ECB+ 12_ecb (held out): two statements about one ship share only its tonnage
        (
            "The Mysore, a 6,900-tonne destroyer, replaced the Tabar on patrol.",
            "The action began when the 6,900-tonne destroyer INS Mysore received a distress call.",
            False,
        ),
        (
            "About 50,000 Wagner personnel are deployed in Ukraine.",
            "Wagner has some 50,000 personnel in Ukraine.",
            True,
        ),
    ],
)
def test_a_figure_decides_only_when_it_is_what_both_claims_count(
    a: str, b: str, decides: bool
) -> None:
    # a number that names (a phone number, an address), a figure in a concession, and a
    # measure that describes a noun are not what a claim states
    story = [sentence_claims(a), sentence_claims(b)]
    assert same_distinctive_figure(build_story(story, embed(story)), 0, 1) is decides


def test_a_victim_in_critical_condition_is_not_the_same_as_one_recovering() -> None:
    # ECB+ 22_ecbplus (held out): two reports of one victim's condition, weeks apart
    story = [
        sentence_claims("Bryant Dalton, 39, was shot in the neck and is hospitalized in critical"
                        " condition."),
        sentence_claims("The third victim, Bryant Dalton, 39, spent two weeks in the hospital and"
                        " is recovering from gunshots to the neck and shoulder, prosecutors said."),
    ]  # fmt: skip
    built = build_story(story, embed(story))
    assert built.contradicts(0, 1)
    assert not run(story).groups


def test_a_question_is_never_the_same_as_a_statement() -> None:
    # ECB+ 10_ecbplus (held out): a columnist's question joined a report of the player's demand
    story = [
        sentence_claims("Teixeira is seeking a contract for at least $25 million a season."),
        sentence_claims("Should the Yankees go higher than $25 million a season for Teixeira?"),
    ]
    built = build_story(story, embed(story))
    assert built.contradicts(0, 1)
    assert not run(story).groups
