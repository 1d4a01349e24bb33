"""One statement: how each outlet words it, its figures and who it credits; or, for a
statement found in one article only, the statements of other outlets most alike to it."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from newsdiff.accounts.access import can_edit
from newsdiff.articles.models import Claim, ClaimGroup
from newsdiff.compare.htmx import HtmxHttpRequest
from newsdiff.compare.row_corrections import lone_panel, row_panel
from newsdiff.compare.statement import statement_versions
from newsdiff.compare.views.params import int_or_none


@require_GET
@vary_on_headers("HX-Request")
def group_detail(request: HtmxHttpRequest, slug: str, group_id: int) -> HttpResponse:
    """One statement: how each outlet words it, its figures and who it credits."""
    claims = Claim.objects.select_related("article__outlet").defer("embedding")
    group = get_object_or_404(
        ClaimGroup.objects.select_related("story").prefetch_related(Prefetch("claims", claims)),
        story__slug=slug,
        pk=group_id,
    )
    statement = statement_versions(group, int_or_none(request.GET.get("ref")))
    context = {
        "story": group.story,
        "statement": statement,
        "lead": request.GET.get("lead", ""),
        "row_panel": row_panel(statement, editing=can_edit(request.user)),
        "in_story": bool(request.htmx),  # the panel is in the story page: corrections redo it
    }
    if request.htmx:
        return render(request, "compare/group_detail.html#statement", context)
    return render(request, "compare/group_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def claim_detail(request: HtmxHttpRequest, slug: str, claim_id: int) -> HttpResponse:
    """A statement found in one article only: the statements of other outlets most alike to it
    and, for editors, "Same as…" to put it in one row with one of them. A statement that is in
    a row (the grid was older than the alignment) opens its row's panel instead."""
    claim = get_object_or_404(
        Claim.objects.select_related("article__outlet", "article__story").defer("embedding"),
        article__story__slug=slug,
        pk=claim_id,
    )
    group = claim.groups.first()
    if group is not None:
        url = reverse("group-detail", args=[slug, group.pk])
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    context = {
        "story": claim.article.story,
        "lone": claim,
        "lead": int_or_none(request.GET.get("lead")) or "",
        "lone_panel": lone_panel(claim, editing=can_edit(request.user)),
        "in_story": bool(request.htmx),
    }
    if request.htmx:
        return render(request, "compare/claim_detail.html#statement", context)
    return render(request, "compare/claim_detail.html", context)
