"""The story list, with a search over titles, outlets and article text."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from newsdiff.articles.models import Story


@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    stories = Story.objects.with_counts()
    if query:
        stories = stories.filter(
            Q(title__icontains=query)
            | Q(articles__outlet__name__icontains=query)
            | Q(articles__text__icontains=query)
        ).distinct()
    return render(request, "compare/story_list.html", {"stories": stories, "query": query})
