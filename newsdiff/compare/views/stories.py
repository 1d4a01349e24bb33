"""The story list, and a search across stories, articles and claims (`compare.search`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from newsdiff.articles.models import Story
from newsdiff.compare.search import search


@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    context: dict[str, object]
    if query:
        context = {"query": query, "results": search(query)}
    else:
        context = {"query": "", "stories": Story.objects.with_counts()}
    return render(request, "compare/story_list.html", context)
