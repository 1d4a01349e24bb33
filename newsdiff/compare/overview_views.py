"""The story overview: coverage matrix, what only one outlet has, figures and quotes tables."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from newsdiff.articles.models import Claim, ClaimGroup, Story
from newsdiff.compare import matrix_svg
from newsdiff.compare.overview import HAS, LACKS, PARAPHRASES, StoryClaims, build_overview


@require_GET
def story_overview(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    overview = build_overview(_story_claims(story), story.get_absolute_url())
    shared = len(overview.coverage.rows)
    context = {
        "story": story,
        "overview": overview,
        "matrix": matrix_svg.coverage_matrix(overview.coverage, title=story.title),
        "outlet_bars": [
            (outlet, matrix_svg.outlet_bar(outlet, shared)) for outlet in overview.outlets
        ],
        "glyphs": {state: matrix_svg.legend_glyph(state) for state in (HAS, PARAPHRASES, LACKS)},
    }
    return render(request, "compare/story_overview.html", context)


def _story_claims(story: Story) -> StoryClaims:
    """Three queries: the ready articles, their claims, and which claim is in which group."""
    articles = list(
        story.articles.ready()
        .select_related("outlet")
        .defer("raw", "text")
        .order_by("position", "pk")
    )
    for article in articles:
        article.story = story  # links to the reading page need the slug: no query per article
    claims: dict[int, list[Claim]] = defaultdict(list)
    by_pk: dict[int, Claim] = {}
    for claim in (
        Claim.objects.filter(article__in=articles)
        .order_by("article_id", "position")
        .defer("embedding")
    ):
        claims[claim.article_id].append(claim)
        by_pk[claim.pk] = claim
    through = ClaimGroup.claims.through.objects.filter(claimgroup__story=story)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim_id, group_id in through.order_by("claimgroup__position", "claimgroup_id").values_list(
        "claim_id", "claimgroup_id"
    ):
        if claim_id in by_pk:
            groups[group_id].append(by_pk[claim_id])
    return StoryClaims(articles, dict(claims), dict(groups))
