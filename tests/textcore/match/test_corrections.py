"""Editors' corrections applied to an alignment: split a claim out, join two rows, refusals."""

from __future__ import annotations

from newsdiff.textcore.match.corrections import (
    EDITOR_SIGNAL,
    ONE_ARTICLE,
    SET_APART,
    TWO_OF_ONE_ARTICLE,
    CorrectionKind,
    RowCorrection,
    apply_corrections,
)
from newsdiff.textcore.types import Alignment, ClaimKey, Match, MatchKind

APART, TOGETHER = CorrectionKind.APART, CorrectionKind.TOGETHER


def k(article: int, claim: int) -> ClaimKey:
    return ClaimKey(article, claim)


def same(a: ClaimKey, b: ClaimKey, score: float = 0.8) -> Match:
    return Match(a, b, score, MatchKind.SAME, (("cosine", score),))


def related(a: ClaimKey, b: ClaimKey, score: float = 0.5) -> Match:
    return Match(a, b, score, MatchKind.RELATED, (("cosine", score),))


# Row 0: claim 0 of articles 0, 1, 2. Row 1: claim 1 of articles 0 and 1. Claim (2, 1) alone.
ROW0 = (k(0, 0), k(1, 0), k(2, 0))
ROW1 = (k(0, 1), k(1, 1))
ALIGNMENT = Alignment(
    matches=(
        same(k(0, 0), k(1, 0)),
        same(k(0, 0), k(2, 0)),
        same(k(1, 0), k(2, 0)),
        same(k(0, 1), k(1, 1)),
        related(k(1, 1), k(2, 1)),
    ),
    groups=(ROW0, ROW1),
)


def kinds(alignment: Alignment) -> dict[frozenset[ClaimKey], MatchKind]:
    return {frozenset((m.a, m.b)): m.kind for m in alignment.matches}


def test_no_corrections_leave_the_alignment_as_it_was() -> None:
    corrected = apply_corrections(ALIGNMENT, [])
    assert corrected.alignment == ALIGNMENT
    assert corrected.outcomes == ()


def test_not_the_same_takes_the_claim_out_of_the_row_and_its_matches_become_related() -> None:
    correction = RowCorrection(APART, k(2, 0), k(0, 0))
    corrected = apply_corrections(ALIGNMENT, [correction])
    assert corrected.alignment.groups == ((k(0, 0), k(1, 0)), ROW1)
    found = kinds(corrected.alignment)
    assert found[frozenset((k(0, 0), k(2, 0)))] == MatchKind.RELATED
    assert found[frozenset((k(1, 0), k(2, 0)))] == MatchKind.RELATED
    assert found[frozenset((k(0, 0), k(1, 0)))] == MatchKind.SAME
    assert corrected.outcomes[0].applied


def test_a_row_left_with_one_claim_is_no_row() -> None:
    corrected = apply_corrections(ALIGNMENT, [RowCorrection(APART, k(1, 1), k(0, 1))])
    assert corrected.alignment.groups == (ROW0,)
    assert kinds(corrected.alignment)[frozenset((k(0, 1), k(1, 1)))] == MatchKind.RELATED


def test_not_the_same_of_claims_in_different_rows_changes_nothing_but_holds() -> None:
    corrected = apply_corrections(ALIGNMENT, [RowCorrection(APART, k(0, 1), k(1, 0))])
    assert corrected.alignment.groups == ALIGNMENT.groups
    assert corrected.outcomes[0].applied


def test_same_as_joins_a_lone_claim_to_a_row_and_makes_its_pairs_same() -> None:
    corrected = apply_corrections(ALIGNMENT, [RowCorrection(TOGETHER, k(2, 1), k(0, 1))])
    assert corrected.alignment.groups == (ROW0, (k(0, 1), k(1, 1), k(2, 1)))
    found = kinds(corrected.alignment)
    assert found[frozenset((k(1, 1), k(2, 1)))] == MatchKind.SAME  # was related: upgraded
    assert found[frozenset((k(0, 1), k(2, 1)))] == MatchKind.SAME  # never scored: added
    added = next(m for m in corrected.alignment.matches if {m.a, m.b} == {k(0, 1), k(2, 1)})
    assert added.signals == ((EDITOR_SIGNAL, 1.0),)
    assert corrected.outcomes[0].applied


def test_same_as_joins_two_lone_claims_into_a_new_row() -> None:
    alignment = Alignment(matches=(), groups=())
    corrected = apply_corrections(alignment, [RowCorrection(TOGETHER, k(0, 3), k(1, 4))])
    assert corrected.alignment.groups == ((k(0, 3), k(1, 4)),)
    assert [m.kind for m in corrected.alignment.matches] == [MatchKind.SAME]


def test_same_as_that_would_put_two_claims_of_one_article_in_a_row_is_refused() -> None:
    correction = RowCorrection(TOGETHER, k(0, 1), k(2, 0))  # rows 1 and 0 share articles 0, 1
    corrected = apply_corrections(ALIGNMENT, [correction])
    assert corrected.alignment == ALIGNMENT
    assert not corrected.outcomes[0].applied
    assert corrected.outcomes[0].reason == TWO_OF_ONE_ARTICLE


def test_same_as_of_two_claims_of_one_article_is_refused() -> None:
    corrected = apply_corrections(ALIGNMENT, [RowCorrection(TOGETHER, k(2, 0), k(2, 1))])
    assert corrected.outcomes[0].reason == ONE_ARTICLE
    assert corrected.alignment == ALIGNMENT


def test_claims_set_apart_never_join_again_even_through_another_claim() -> None:
    corrections = [
        RowCorrection(APART, k(2, 0), k(0, 0)),
        RowCorrection(TOGETHER, k(2, 0), k(1, 0)),  # would bring (2, 0) back next to (0, 0)
    ]
    corrected = apply_corrections(ALIGNMENT, corrections)
    assert corrected.alignment.groups == ((k(0, 0), k(1, 0)), ROW1)
    assert corrected.outcomes[0].applied
    assert not corrected.outcomes[1].applied
    assert corrected.outcomes[1].reason == SET_APART


def test_split_then_join_elsewhere() -> None:
    corrections = [
        RowCorrection(APART, k(2, 0), k(0, 0)),
        RowCorrection(TOGETHER, k(2, 0), k(0, 1)),
    ]
    corrected = apply_corrections(ALIGNMENT, corrections)
    assert set(map(frozenset, corrected.alignment.groups)) == {
        frozenset((k(0, 0), k(1, 0))),
        frozenset((k(0, 1), k(1, 1), k(2, 0))),
    }
    assert all(outcome.applied for outcome in corrected.outcomes)
    groups = corrected.alignment.groups
    same_pairs = {frozenset((m.a, m.b)) for m in corrected.alignment.matches if m.kind == "same"}
    in_rows = {
        frozenset((x, y))
        for group in groups
        for x in group
        for y in group
        if x != y and x.article != y.article
    }
    assert same_pairs == in_rows  # `same` matches and rows never disagree


def test_a_correction_of_a_claim_with_itself_is_refused() -> None:
    corrected = apply_corrections(ALIGNMENT, [RowCorrection(APART, k(0, 0), k(0, 0))])
    assert not corrected.outcomes[0].applied
    assert corrected.alignment == ALIGNMENT


def test_not_the_same_takes_the_claims_copies_out_with_it_as_a_row_of_their_own() -> None:
    row = (k(0, 0), k(1, 0), k(2, 0), k(3, 0))  # articles 2 and 3: one text (wire copy)
    matches = tuple(same(x, y) for i, x in enumerate(row) for y in row[i + 1 :])
    alignment = Alignment(matches=matches, groups=(row,))
    correction = RowCorrection(APART, k(2, 0), k(0, 0), a_copies=(k(2, 0), k(3, 0)))
    corrected = apply_corrections(alignment, [correction])
    assert corrected.alignment.groups == ((k(0, 0), k(1, 0)), (k(2, 0), k(3, 0)))
    found = kinds(corrected.alignment)
    assert found[frozenset((k(2, 0), k(3, 0)))] == MatchKind.SAME
    assert found[frozenset((k(1, 0), k(3, 0)))] == MatchKind.RELATED
