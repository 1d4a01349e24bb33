"""A story as JSON, in the export format (docs/export.md)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from newsdiff.articles.export import story_export
from newsdiff.articles.models import Story


@require_GET
def story_export_json(request: HttpRequest, slug: str) -> JsonResponse:
    story = get_object_or_404(Story, slug=slug)
    return JsonResponse(
        {"stories": [story_export(story)]}, json_dumps_params={"ensure_ascii": False}
    )
