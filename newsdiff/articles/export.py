"""The export format (docs/export.md): stories with their articles, claims, matches, groups, and
the editors' corrections of the rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from newsdiff.articles.identity import copies_of
from newsdiff.articles.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimGroup,
    Match,
    RowCorrection,
    Story,
)


def export_stories(stories: QuerySet[Story]) -> dict[str, Any]:
    return {"stories": [story_export(story) for story in stories.order_by("created_at", "pk")]}


def story_export(story: Story) -> dict[str, Any]:
    articles = list(
        story.articles.order_by("position", "pk")
        .select_related("outlet")
        .prefetch_related("removed_spans", "claims", _earlier_versions())
    )
    copies = copies_of(articles)
    corrections = list(story.row_corrections.select_related("editor"))
    corrected = _corrected_claims(corrections)
    return {
        "slug": story.slug,
        "title": story.title,
        "articles": [_article(article, copies[article.pk]) for article in articles],
        "claims": [_claim(claim) for article in articles for claim in article.claims.all()],
        "matches": [_match(match) for match in story.matches.order_by("a_id", "b_id")],
        "groups": [_group(group, corrected) for group in _groups(story)],
        "corrections": [_correction(correction) for correction in corrections],
    }


def _earlier_versions() -> Prefetch[str]:
    versions = ArticleVersion.objects.order_by("number").only(
        "article_id", "number", "seen", "text"
    )
    return Prefetch("versions", queryset=versions)


def _groups(story: Story) -> QuerySet[ClaimGroup]:
    ordered = Prefetch("claims", queryset=Claim.objects.order_by("pk"))
    return story.groups.order_by("position").prefetch_related(ordered)


def _article(article: Article, same_text_as: list[int]) -> dict[str, Any]:
    return {
        "id": article.pk,
        "external_id": article.external_id or None,
        "source_file": article.source_file or None,
        "title": article.title,
        "outlet": article.outlet.name if article.outlet else None,
        "url": article.url or None,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "removed": [{"text": s.text, "reason": s.reason} for s in article.removed_spans.all()],
        "same_text_as": same_text_as,
        "versions": _versions(article),
    }


def _versions(article: Article) -> list[dict[str, Any]]:
    """The article's earlier versions, oldest first; the latest is the article's own `text`."""
    earlier = list(article.versions.all())[:-1]
    return [{"seen": v.seen.isoformat(), "text": v.text} for v in earlier]


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.pk,
        "article": claim.article_id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "speaker": claim.speaker or None,
        "quote": claim.quote or None,
        "figures": claim.figures,
        "names": claim.names,
    }


def _match(match: Match) -> dict[str, Any]:
    return {
        "a": match.a_id,
        "b": match.b_id,
        "score": match.score,
        "kind": match.kind,
        "signals": match.signals,
        "difference": match.difference or None,
        "summary": match.summary or None,
    }


def _group(group: ClaimGroup, corrected: set[int]) -> dict[str, Any]:
    claims = [claim.pk for claim in group.claims.all()]
    return {"id": group.pk, "claims": claims, "corrected": not corrected.isdisjoint(claims)}


def _corrected_claims(corrections: list[RowCorrection]) -> set[int]:
    """The claims an applied correction concerns: their rows are marked `corrected`."""
    applied = [c for c in corrections if c.status == RowCorrection.Status.APPLIED]
    return {pk for c in applied for pk in (c.claim_a_id, c.claim_b_id) if pk is not None}


def _correction(correction: RowCorrection) -> dict[str, Any]:
    return {
        "id": correction.pk,
        "kind": correction.kind,
        "a": correction.claim_a_id,
        "b": correction.claim_b_id,
        "a_article": correction.article_a_id,
        "b_article": correction.article_b_id,
        "a_text": correction.text_a,
        "b_text": correction.text_b,
        "editor": correction.editor.get_username() if correction.editor else None,
        "created": correction.created_at.isoformat(),
        "note": correction.note or None,
        "status": correction.status,
        "reason": correction.reason or None,
    }
