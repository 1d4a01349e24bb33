"""One story's articles, their claims and its groups, loaded once for a page.

The story page and the overview are built from these plain lists and never query the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.articles.models import Article, Claim, ClaimGroup, Story


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """Articles in column order, each one's claims in order, groups in position order."""

    articles: Sequence[Article]
    claims: dict[int, list[Claim]]
    groups: dict[int, list[Claim]]

    def group_of(self) -> dict[int, int]:
        return {claim.pk: group for group, members in self.groups.items() for claim in members}

    def column_of(self) -> dict[int, int]:
        return {article.pk: column for column, article in enumerate(self.articles)}


def load_story_claims(story: Story) -> StoryClaims:
    """Three queries: the articles, their claims, and which claim is in which group."""
    articles = _ready_articles(story)
    claims = _claims_by_article(articles)
    by_pk = {claim.pk: claim for found in claims.values() for claim in found}
    return StoryClaims(articles, claims, _groups(story, by_pk))


def _ready_articles(story: Story) -> list[Article]:
    articles = list(
        story.articles.all()
        .select_related("outlet")
        .defer("raw", "text")
        .order_by("position", "pk")
    )
    for article in articles:
        article.story = story  # links to the reading page need the slug: no query per article
    return articles


def _claims_by_article(articles: list[Article]) -> dict[int, list[Claim]]:
    claims: dict[int, list[Claim]] = defaultdict(list)
    found = Claim.objects.filter(article__in=articles).order_by("article_id", "position")
    for claim in found.defer("embedding", "names"):
        claims[claim.article_id].append(claim)
    return dict(claims)


def _groups(story: Story, by_pk: dict[int, Claim]) -> dict[int, list[Claim]]:
    through = ClaimGroup.claims.through.objects.filter(claimgroup__story=story)
    links = through.order_by("claimgroup__position", "claimgroup_id")
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim_id, group_id in links.values_list("claim_id", "claimgroup_id"):
        if claim_id in by_pk:
            groups[group_id].append(by_pk[claim_id])
    return dict(groups)
