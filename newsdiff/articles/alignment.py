"""Aligning a story: match the claims of all its articles, store the matches and groups anew.

Copies of one text (wire copy) are aligned once and the result spread to each (`copies`).

Editors' corrections of the rows are applied to every alignment (`row_corrections`), so they
survive re-alignment and reprocessing. One transaction per store; rows are built in `mapping`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db import transaction

from newsdiff.articles import mapping, row_corrections
from newsdiff.articles.copies import align_copies_once
from newsdiff.articles.models import Claim, ClaimGroup, Match, RowCorrection, Story
from newsdiff.textcore.pipeline import align_articles, embed_claims
from newsdiff.textcore.types import Alignment

# Tries at storing an alignment computed outside the lock before computing under it.
ALIGN_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class AlignOutcome:
    claims: int
    matches: int
    groups: int


def story_align(*, story: Story) -> AlignOutcome:
    """Match the claims of all the story's articles and store the matches and groups anew.

    Computed outside the transaction and stored only if the story's claims are still the ones
    it was computed from: another worker may have stored an article meanwhile. The story's
    row lock (PostgreSQL) or the write lock (SQLite) makes that check and the store one step;
    the last attempt computes under the lock. The claims' vectors are saved in the same
    transaction, so a claim without a vector has never been aligned.
    """
    for _ in range(ALIGN_ATTEMPTS - 1):
        outcome = _align_once(story, locked=False)
        if outcome is not None:
            return outcome
    with transaction.atomic():
        story_lock(story)
        outcome = _align_once(story, locked=True)
    assert outcome is not None
    return outcome


def _align_once(story: Story, *, locked: bool) -> AlignOutcome | None:
    articles = list(story.articles.order_by("position", "id"))
    rows = [list(article.claims.order_by("position")) for article in articles]
    vectors, embedded = _vectors_for(rows)
    core_rows = [[mapping.core_claim(c) for c in claims] for claims in rows]
    alignment = align_copies_once(
        [article.content_hash for article in articles],
        [len(claims) for claims in rows],
        lambda reps: align_articles([core_rows[i] for i in reps], [vectors[i] for i in reps]),
    )
    corrected = row_corrections.corrections_apply(
        list(story.row_corrections.select_related("article_a__outlet", "article_b__outlet")),
        articles,
        rows,
        alignment,
    )
    alignment = corrected.alignment
    with transaction.atomic():
        story_lock(story)
        if not locked and _claim_ids(story) != sorted(c.pk for claims in rows for c in claims):
            return None  # an article came or went while this was computed: compute again
        Claim.objects.bulk_update(embedded, ["embedding"], batch_size=500)
        story.matches.all().delete()
        story.groups.all().delete()
        _store_alignment(story, rows, alignment)
        _store_corrections(story, corrected.corrections)
    return AlignOutcome(
        claims=sum(len(claims) for claims in rows),
        matches=len(alignment.matches),
        groups=len(alignment.groups),
    )


def story_lock(story: Story) -> None:
    """Hold the story's row until the transaction ends (ingest updates the same row)."""
    Story.objects.select_for_update().filter(pk=story.pk).values_list("pk").first()


def _claim_ids(story: Story) -> list[int]:
    claims = Claim.objects.filter(article__story=story)
    return list(claims.order_by("pk").values_list("pk", flat=True))


def story_needs_alignment(story: Story) -> bool:
    """Whether an article's claims were stored but never aligned (e.g. a killed run)."""
    claims = Claim.objects.filter(article__story=story)
    return claims.filter(embedding__isnull=True).exists()


def _vectors_for(rows: list[list[Claim]]) -> tuple[list[np.ndarray], list[Claim]]:
    """Each article's claim vectors (stored ones reused, the missing ones embedded in one
    call), and the claims given a new vector, to be saved with the alignment."""
    missing = [claim for claims in rows for claim in claims if claim.embedding is None]
    if missing:
        vectors = embed_claims([mapping.core_claim(claim) for claim in missing])
        for claim, vector in zip(missing, vectors, strict=True):
            claim.embedding = mapping.vector_bytes(vector)
    return [_stacked(claims) for claims in rows], missing


def _stacked(claims: list[Claim]) -> np.ndarray:
    if not claims:
        return np.zeros((0, mapping.EMBEDDING_SIZE), dtype=mapping.EMBEDDING_DTYPE)
    return np.vstack([mapping.vector_from_bytes(claim.embedding) for claim in claims])


def _store_alignment(story: Story, rows: list[list[Claim]], alignment: Alignment) -> None:
    Match.objects.bulk_create(mapping.match_rows(story, rows, alignment))
    groups = ClaimGroup.objects.bulk_create(mapping.group_rows(story, alignment))
    through = ClaimGroup.claims.through
    through.objects.bulk_create(mapping.group_member_rows(groups, rows, alignment))


def _store_corrections(story: Story, corrections: list[RowCorrection]) -> None:
    """Save what each correction applies to now; one an editor undid meanwhile stays undone."""
    existing = set(story.row_corrections.values_list("pk", flat=True))
    kept = [correction for correction in corrections if correction.pk in existing]
    RowCorrection.objects.bulk_update(kept, row_corrections.STATUS_FIELDS)
