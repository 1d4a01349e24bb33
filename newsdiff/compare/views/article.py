"""One article as read: its lines, what cleaning removed, its versions and how they differ,
and an editor's line corrections."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseStopPolling

from newsdiff.accounts.access import editor_required
from newsdiff.articles import corrections, jobs
from newsdiff.articles.models import Article, Claim, IngestJob
from newsdiff.compare.htmx import HtmxHttpRequest
from newsdiff.compare.reading import reading_lines
from newsdiff.compare.versions import versions_panel
from newsdiff.compare.views.params import int_or_none
from newsdiff.textcore.types import Reason

REDO_SHOWN_FOR = timedelta(hours=1)


CORRECTION_QUEUED = (
    "{verb} the line; the article is being cleaned again (its claims and the alignment follow)."
)


@require_GET
@vary_on_headers("HX-Request")
def article_detail(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    wanted = int_or_none(request.GET.get("from")), int_or_none(request.GET.get("to"))
    context = {**_reading_context(article), "panel": versions_panel(article, *wanted)}
    if request.htmx:  # another pair of versions chosen
        return render(request, "compare/article_detail.html#versions", context)
    return render(request, "compare/article_detail.html", context)


@require_POST
@editor_required
def article_line_correct(request: HtmxHttpRequest, slug: str, pk: int, index: int) -> HttpResponse:
    """An editor restores a removed line or removes a missed one. The decision is stored and
    the article queued to be cleaned again by the worker (never in the request)."""
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    action = request.POST.get("action", "")
    if action not in {"keep", "remove"}:
        return HttpResponseBadRequest("action must be keep or remove")
    try:
        corrections.correction_record(
            article=article, index=index, action=action, editor=_editor(request)
        )
    except corrections.CorrectionRefused as error:
        messages.error(request, str(error))
    else:
        jobs.article_redo_queue(article=article)
        verb = "Restored" if action == "keep" else "Removed"
        messages.success(request, CORRECTION_QUEUED.format(verb=verb))
    if request.htmx:
        article.refresh_from_db()  # as stored now (a worker may have done it already)
        context = _reading_context(article)
        return render(request, "compare/article_detail.html#reading", context)
    return redirect(f"{article.get_absolute_url()}#line-{index}")


def _editor(request: HttpRequest) -> User | None:
    return request.user if request.user.is_authenticated else None


@require_GET
def article_reading(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The reading component; it polls itself while the article is being cleaned again."""
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    context = _reading_context(article)
    html = render_to_string("compare/article_detail.html#reading", context, request)
    redo = context["redo"]
    if isinstance(redo, IngestJob) and not redo.is_finished:
        return HttpResponse(html)
    return HttpResponseStopPolling(html)


def _reading_context(article: Article) -> dict[str, object]:
    claims = list(article.claims.order_by("position").defer("embedding"))
    shared = set(Claim.objects.filter(article=article).shared().values_list("pk", flat=True))
    lines = reading_lines(article, claims, shared)
    return {
        "story": article.story,
        "article": article,
        "redo": _latest_redo(article),
        "lines": lines,
        "removed_count": sum(
            1 for line in lines if line.role == "removed" and line.reason != Reason.DATELINE
        ),
    }


def _latest_redo(article: Article) -> IngestJob | None:
    """The article's latest cleaning after a correction, while it runs or when it failed
    (shown above the text), else None."""
    recent = timezone.now() - REDO_SHOWN_FOR
    job = (
        IngestJob.objects.filter(article=article, redo=True, created_at__gte=recent)
        .defer("raw")
        .order_by("-created_at", "-pk")
        .first()
    )
    if job is None or job.status == IngestJob.Status.DONE:
        return None
    return job
