"""Pages editors work in: the story list, a story side by side, one article, the upload form."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from newsdiff.articles import jobs, services
from newsdiff.articles.export import story_export
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, Claim, ClaimGroup, Story
from newsdiff.compare.forms import UploadForm
from newsdiff.compare.rows import build_comparison

QUEUED_MESSAGE = "Processing {n} article(s): they appear in the story when ready."
JOBS_SHOWN_FOR = timedelta(hours=24)


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


@require_GET
@vary_on_headers("HX-Request")
def story_detail(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    articles = list(story.articles.ready().select_related("outlet").order_by("position", "pk"))
    lead = _lead_article(articles, request.GET.get("lead"))
    ordered = [lead, *[a for a in articles if a != lead]] if lead else articles
    comparison = build_comparison(ordered, _claims_by_article(articles), _group_of(story))
    context = {"story": story, "comparison": comparison, "lead": lead, **_jobs_context(story)}
    if request.htmx:
        return render(request, "compare/story_detail.html#alignment", context)
    return render(request, "compare/story_detail.html", context)


@require_GET
def story_export_json(request: HttpRequest, slug: str) -> JsonResponse:
    story = get_object_or_404(Story, slug=slug)
    return JsonResponse(
        {"stories": [story_export(story)]}, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def article_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    shared = set(Claim.objects.filter(article=article).shared().values_list("pk", flat=True))
    claims = [(claim, claim.pk in shared) for claim in article.claims.order_by("position")]
    context = {
        "story": article.story,
        "article": article,
        "claims": claims,
        "removed": article.removed_spans.all(),
    }
    return render(request, "compare/article_detail.html", context)


def upload(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    initial_story = get_object_or_404(Story, slug=slug) if slug else None
    form = UploadForm(request.POST or None, request.FILES or None, initial={"story": initial_story})
    if request.method == "POST" and form.is_valid():
        items = _upload_items(form)
        rejected = _rejections(items)
        accepted = [item for item in items if item not in rejected]
        if accepted:
            story = form.cleaned_data["story"] or services.story_get_or_create(
                title=form.cleaned_data["new_story"]
            )
            jobs.batch_queue(story=story, items=accepted)
            for item, reason in rejected.items():
                messages.error(request, f"{item.source_file or 'The pasted text'}: {reason}.")
            messages.info(request, QUEUED_MESSAGE.format(n=len(accepted)))
            return redirect(story)
        for item, reason in rejected.items():
            form.add_error(None, f"{item.source_file or 'The pasted text'}: {reason}.")
    return render(request, "compare/upload.html", {"form": form, "story": initial_story})


@require_GET
def story_jobs(request: HttpRequest, slug: str) -> HttpResponse:
    """The uploads-in-progress component; it polls itself until every job is finished."""
    story = get_object_or_404(Story, slug=slug)
    context = {"story": story, **_jobs_context(story)}
    response = render(request, "compare/story_detail.html#jobs", context)
    if not context["jobs_running"]:
        response.status_code = 286  # htmx: stop polling
        response["HX-Trigger"] = "alignment-changed"
    return response


def _upload_items(form: UploadForm) -> list[ArticleInput]:
    sources = form.sources
    single = len(sources) == 1
    return [
        ArticleInput(
            raw=raw,
            fmt=fmt,
            source_file=name,
            title=form.cleaned_data["title"] if single else "",
            url=form.cleaned_data["url"] if single else "",
            outlet=form.cleaned_data["outlet"],
        )
        for name, raw, fmt in sources
    ]


def _rejections(items: list[ArticleInput]) -> dict[ArticleInput, str]:
    rejected = {}
    for item in items:
        try:
            services.article_check(item)
        except services.ArticleRejected as error:
            rejected[item] = str(error)
    return rejected


def _jobs_context(story: Story) -> dict[str, object]:
    recent = timezone.now() - JOBS_SHOWN_FOR
    shown = list(story.jobs.visible().filter(created_at__gte=recent).defer("raw"))
    return {"jobs": shown, "jobs_running": any(not job.is_finished for job in shown)}


def _lead_article(articles: list[Article], wanted: str | None) -> Article | None:
    by_id = {str(article.pk): article for article in articles}
    return by_id.get(wanted or "") or (articles[0] if articles else None)


def _claims_by_article(articles: list[Article]) -> dict[int, list[Claim]]:
    claims: dict[int, list[Claim]] = defaultdict(list)
    rows = Claim.objects.filter(article__in=articles).order_by("article_id", "position")
    for claim in rows.defer("embedding"):
        claims[claim.article_id].append(claim)
    return claims


def _group_of(story: Story) -> dict[int, int]:
    through = ClaimGroup.claims.through.objects.filter(claimgroup__story=story)
    return dict(through.order_by("claimgroup__position").values_list("claim_id", "claimgroup_id"))
