"""A story as a download: JSON in the export format (docs/export.md), or its rows as CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from newsdiff.articles.export import story_export
from newsdiff.articles.models import Story
from newsdiff.compare.rows import build_comparison
from newsdiff.compare.rows_csv import rows_csv
from newsdiff.compare.story_claims import load_story_claims


@require_GET
def story_export_json(request: HttpRequest, slug: str) -> JsonResponse:
    story = get_object_or_404(Story, slug=slug)
    response = JsonResponse(
        {"stories": [story_export(story)]}, json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'attachment; filename="{story.slug}.json"'
    return response


@require_GET
def story_export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The story page's rows, one column per outlet (the first article leads)."""
    story = get_object_or_404(Story, slug=slug)
    loaded = load_story_claims(story)
    comparison = build_comparison(list(loaded.articles), loaded.claims, loaded.group_of())
    response = HttpResponse(rows_csv(comparison), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{story.slug}-rows.csv"'
    return response
