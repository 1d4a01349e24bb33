"""A story side by side: one column per article, shared statements on one row; and the
uploads-in-progress component that polls itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseStopPolling

from newsdiff.accounts.access import can_edit
from newsdiff.articles.identity import copies_of
from newsdiff.articles.models import Article, Claim, Story
from newsdiff.compare.grid import view_mode
from newsdiff.compare.htmx import HtmxHttpRequest
from newsdiff.compare.overview.coverage import opening_words
from newsdiff.compare.row_corrections import (
    corrected_rows,
    lone_panel,
    row_panel,
    with_correction_counts,
)
from newsdiff.compare.rows import build_comparison
from newsdiff.compare.statement import Statement, statement_versions
from newsdiff.compare.story_claims import load_story_claims
from newsdiff.compare.versions import mark_later_claims, version_counts
from newsdiff.compare.views.params import ids_in, int_or_none

JOBS_SHOWN_FOR = timedelta(hours=24)


@require_GET
@vary_on_headers("HX-Request")
def story_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(with_correction_counts(Story.objects.all()), slug=slug)
    correction_count: int = getattr(story, "correction_count", 0)
    loaded = load_story_claims(story)
    articles = list(loaded.articles)
    versions = version_counts(story)
    mark_later_claims(articles, loaded.claims, versions)
    lead = _lead_article(articles, request.GET.get("lead"))
    ordered = [lead, *[a for a in articles if a != lead]] if lead else articles
    comparison = build_comparison(ordered, loaded.claims, loaded.group_of())
    copies = copies_of(articles)
    hide_copies = request.GET.get("copies") == "hide"
    statement = _open_statement(story, request.GET.get("group"), lead)
    lone = None if statement else _open_lone(story, request.GET.get("claim"))
    hidden = _hidden_ids(request.GET.get("hide"), comparison.articles, lead)
    if hide_copies:
        hidden |= _later_copies(comparison.articles, copies, lead)
    context = {
        "story": story,
        "comparison": comparison.without(hidden),
        "total_articles": len(articles),
        "columns": _columns(
            request, comparison.articles, lead, hidden, copies, versions, loaded.claims
        ),
        "copy_count": sum(1 for article in articles if copies[article.pk]),
        "hide_copies": hide_copies,
        "copies_query": _query(request, copies="" if hide_copies else "hide"),
        "has_url_articles": any(article.url for article in articles),
        "hidden": [a for a in comparison.articles if a.pk in hidden],
        "lead": lead,
        "grid_view": view_mode(request.GET.get("view")),
        "statement": statement,
        "row_panel": row_panel(statement, editing=can_edit(request.user)) if statement else None,
        "lone": lone,
        "lone_panel": lone_panel(lone, editing=can_edit(request.user)) if lone else None,
        "in_story": True,
        "corrected_rows": corrected_rows(story, loaded.group_of()) if correction_count else {},
        "correction_count": correction_count,
        **_jobs_context(story),
    }
    if request.htmx:
        return render(request, "compare/story_detail.html#alignment", context)
    return render(request, "compare/story_detail.html", context)


@require_GET
def story_jobs(request: HttpRequest, slug: str) -> HttpResponse:
    """The uploads-in-progress component; it polls itself until every job is finished."""
    story = get_object_or_404(with_correction_counts(Story.objects.all()), slug=slug)
    context = {"story": story, **_jobs_context(story)}
    html = render_to_string("compare/story_detail.html#jobs", context, request)
    if context["jobs_running"] or context["corrections_pending"]:
        return HttpResponse(html)
    response = HttpResponseStopPolling(html)  # every job is finished: htmx stops polling
    response["HX-Trigger"] = "alignment-changed"
    return response


def _jobs_context(story: Story) -> dict[str, object]:
    recent = timezone.now() - JOBS_SHOWN_FOR
    shown = list(story.jobs.visible().filter(created_at__gte=recent).defer("raw"))
    pending = getattr(story, "corrections_pending", 0)
    return {
        "jobs": shown,
        "jobs_running": sum(1 for job in shown if not job.is_finished),
        "corrections_pending": pending,  # the worker has not yet redone the rows for them
    }


@dataclass(frozen=True, slots=True)
class Column:
    """An article's column header: whether it leads, the articles with its very text (wire
    copy), and the links that change the view."""

    article: Article
    is_lead: bool
    lead_query: str
    hide_query: str
    show_query: str
    same_text_as: tuple[Article, ...] = ()
    versions: int = 1  # how many versions of the article were seen (more: it changed)
    # An article without a headline (a pasted text that starts with its lede) is named by
    # its opening words instead of "(untitled)".
    opening: str = ""


def _later_copies(
    articles: list[Article], copies: dict[int, list[int]], lead: Article | None
) -> set[int]:
    """The copies to hide: every article whose text an earlier column (or the lead) shows."""
    shown: set[str] = {lead.content_hash} if lead else set()
    hidden: set[int] = set()
    for article in articles:
        if article.content_hash in shown and article != lead and copies[article.pk]:
            hidden.add(article.pk)
        shown.add(article.content_hash)
    return hidden


def _query(request: HttpRequest, **changes: object) -> str:
    """This page's query with `changes` (an empty value drops the key), without `group`."""
    params = request.GET.copy()
    params.pop("group", None)
    for key, value in changes.items():
        if value:
            params[key] = str(value)
        else:
            params.pop(key, None)
    return "?" + params.urlencode()


def _hidden_ids(value: str | None, articles: list[Article], lead: Article | None) -> set[int]:
    wanted = ids_in(value)
    return {a.pk for a in articles if a.pk in wanted and a != lead}


def _columns(
    request: HttpRequest,
    articles: list[Article],
    lead: Article | None,
    hidden: set[int],
    copies: dict[int, list[int]],
    versions: dict[int, int],
    claims: dict[int, list[Claim]],
) -> list[Column]:
    by_id = {article.pk: article for article in articles}

    def query(**changes: object) -> str:
        return _query(request, **changes)

    def hide_list(ids: set[int]) -> str:
        return ",".join(str(pk) for pk in sorted(ids))

    return [
        Column(
            article=article,
            is_lead=article == lead,
            lead_query=query(lead=article.pk, hide=hide_list(hidden - {article.pk})),
            hide_query=query(hide=hide_list(hidden | {article.pk})),
            show_query=query(hide=hide_list(hidden - {article.pk})),
            same_text_as=tuple(by_id[pk] for pk in copies[article.pk] if pk in by_id),
            versions=versions.get(article.pk, 1),
            opening=opening_words(article, claims.get(article.pk, [])),
        )
        for article in articles
    ]


def _open_statement(story: Story, group_id: str | None, lead: Article | None) -> Statement | None:
    """The statement comparison a shared URL asks to show open, if any."""
    wanted = int_or_none(group_id)
    if wanted is None:
        return None
    claims = Claim.objects.select_related("article__outlet").defer("embedding")
    group = story.groups.prefetch_related(Prefetch("claims", claims)).filter(pk=wanted).first()
    if group is None:
        return None
    lead_claim = next((c for c in group.claims.all() if lead and c.article_id == lead.pk), None)
    return statement_versions(group, lead_claim.pk if lead_claim else None)


def _open_lone(story: Story, claim_id: str | None) -> Claim | None:
    """The statement found in one article only that a shared URL asks to show open, if any
    (one that is in a row now opens nothing: its row is in the grid)."""
    wanted = int_or_none(claim_id)
    if wanted is None:
        return None
    claims = Claim.objects.select_related("article__outlet", "article__story").defer("embedding")
    return claims.filter(article__story=story, pk=wanted, groups=None).first()


def _lead_article(articles: list[Article], wanted: str | None) -> Article | None:
    by_id = {article.pk: article for article in articles}
    wanted_id = int_or_none(wanted)
    chosen = by_id.get(wanted_id) if wanted_id is not None else None
    return chosen or (articles[0] if articles else None)
