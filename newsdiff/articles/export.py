"""The export format (docs/export.md): stories with their articles, claims, matches, groups."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from newsdiff.articles.identity import copies_of
from newsdiff.articles.models import Article, Claim, ClaimGroup, Match, Story


def export_stories(stories: QuerySet[Story]) -> dict[str, Any]:
    return {"stories": [story_export(story) for story in stories.order_by("created_at", "pk")]}


def story_export(story: Story) -> dict[str, Any]:
    articles = list(
        story.articles.order_by("position", "pk")
        .select_related("outlet")
        .prefetch_related("removed_spans", "claims")
    )
    copies = copies_of(articles)
    return {
        "slug": story.slug,
        "title": story.title,
        "articles": [_article(article, copies[article.pk]) for article in articles],
        "claims": [_claim(claim) for article in articles for claim in article.claims.all()],
        "matches": [_match(match) for match in story.matches.order_by("a_id", "b_id")],
        "groups": [_group(group) for group in _groups(story)],
    }


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
    }


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


def _group(group: ClaimGroup) -> dict[str, Any]:
    return {"id": group.pk, "claims": [claim.pk for claim in group.claims.all()]}
