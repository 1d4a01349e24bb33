"""One article as read: its lines, what cleaning removed, and an editor's line corrections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from newsdiff.accounts.access import editor_required
from newsdiff.articles import corrections
from newsdiff.articles.ingest import ArticleRejected, article_reprocess
from newsdiff.articles.models import Article, Claim
from newsdiff.compare.htmx import HtmxHttpRequest
from newsdiff.compare.reading import reading_lines
from newsdiff.textcore.types import Reason


@require_GET
def article_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    return render(request, "compare/article_detail.html", _reading_context(article))


@require_POST
@editor_required
def article_line_correct(request: HtmxHttpRequest, slug: str, pk: int, index: int) -> HttpResponse:
    """An editor restores a removed line or removes a missed one; the article is redone."""
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
        article_reprocess(article=article)
    except (corrections.CorrectionRefused, ArticleRejected) as error:
        messages.error(request, str(error))
    else:
        verb = "Restored" if action == "keep" else "Removed"
        messages.success(request, f"{verb} the line; claims and alignment were recomputed.")
    if request.htmx:
        context = _reading_context(article)
        return render(request, "compare/article_detail.html#reading", context)
    return redirect(f"{article.get_absolute_url()}#line-{index}")


def _editor(request: HttpRequest) -> User | None:
    return request.user if request.user.is_authenticated else None


def _reading_context(article: Article) -> dict[str, object]:
    claims = list(article.claims.order_by("position").defer("embedding"))
    shared = set(Claim.objects.filter(article=article).shared().values_list("pk", flat=True))
    lines = reading_lines(article, claims, shared)
    return {
        "story": article.story,
        "article": article,
        "lines": lines,
        "removed_count": sum(
            1 for line in lines if line.role == "removed" and line.reason != Reason.DATELINE
        ),
    }
