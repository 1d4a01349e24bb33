""" "Check for changes": an article's URL, or every URL article of a story, fetched again by the
worker; a changed text becomes a new version. The story page shows the checks' progress."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from newsdiff.accounts.access import editor_required
from newsdiff.articles import jobs
from newsdiff.articles.models import Article, Story

CHECK_QUEUED = "Checking {n} article(s) for changes: a changed text becomes a new version."
NO_URL = "{label} was not added by URL: there is no page to check."
NO_URL_ARTICLES = "No article of this story was added by URL: there is nothing to check."


@require_POST
@editor_required
def article_check(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    if not article.url:
        messages.error(request, NO_URL.format(label=article.label))
        return redirect(article)
    jobs.batch_queue(story=article.story, checks=[article])
    messages.info(request, CHECK_QUEUED.format(n=1))
    return redirect(article.story)


@require_POST
@editor_required
def story_check(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    articles = list(story.articles.exclude(url="").select_related("outlet").order_by("position"))
    if not articles:
        messages.error(request, NO_URL_ARTICLES)
        return redirect(story)
    jobs.batch_queue(story=story, checks=articles)
    messages.info(request, CHECK_QUEUED.format(n=len(articles)))
    return redirect(story)
