"""Pages editors work in: the story list, a story side by side, one article, the upload form."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from newsdiff.accounts.access import editor_required
from newsdiff.articles import corrections, jobs, services
from newsdiff.articles.export import story_export
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, Claim, ClaimGroup, Story
from newsdiff.compare.forms import StoryRenameForm, UploadForm
from newsdiff.compare.reading import reading_lines
from newsdiff.compare.rows import build_comparison
from newsdiff.compare.statement import statement_versions

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
    hidden = _hidden_ids(request.GET.get("hide"), comparison.articles, lead)
    context = {
        "story": story,
        "comparison": comparison.without(hidden),
        "total_articles": len(articles),
        "columns": _columns(request, comparison.articles, lead, hidden),
        "hidden": [a for a in comparison.articles if a.pk in hidden],
        "lead": lead,
        "statement": _open_statement(story, request.GET.get("group"), lead),
        **_jobs_context(story),
    }
    if request.htmx:
        return render(request, "compare/story_detail.html#alignment", context)
    return render(request, "compare/story_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def group_detail(request: HttpRequest, slug: str, group_id: int) -> HttpResponse:
    """One statement: how each outlet words it, its figures and who it credits."""
    claims = Claim.objects.select_related("article__outlet").defer("embedding")
    group = get_object_or_404(
        ClaimGroup.objects.select_related("story").prefetch_related(Prefetch("claims", claims)),
        story__slug=slug,
        pk=group_id,
    )
    statement = statement_versions(group, _int_or_none(request.GET.get("ref")))
    context = {"story": group.story, "statement": statement, "lead": request.GET.get("lead", "")}
    if request.htmx:
        return render(request, "compare/group_detail.html#statement", context)
    return render(request, "compare/group_detail.html", context)


@editor_required
def story_rename(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    form = StoryRenameForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Renamed the story to “{story.title}”.")
        return redirect(story)
    return render(request, "compare/story_rename.html", {"story": story, "form": form})


@editor_required
def story_delete(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story.objects.with_counts(), slug=slug)
    if request.method == "POST":
        title = story.title
        story.delete()
        messages.success(request, f"Deleted the story “{title}” and its articles.")
        return redirect("story-list")
    return render(request, "compare/story_delete.html", {"story": story})


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
    return render(request, "compare/article_detail.html", _reading_context(article))


@require_POST
@editor_required
def article_line_correct(request: HttpRequest, slug: str, pk: int, index: int) -> HttpResponse:
    """An editor restores a removed line or removes a missed one; the article is redone."""
    article = get_object_or_404(
        Article.objects.select_related("story", "outlet"), story__slug=slug, pk=pk
    )
    action = request.POST.get("action", "")
    if action not in {"keep", "remove"}:
        return HttpResponseBadRequest("action must be keep or remove")
    try:
        corrections.correction_record(
            article=article, index=index, action=action, editor=request.user
        )
        services.article_reprocess(article=article)
    except (corrections.CorrectionRefused, services.ArticleRejected) as error:
        messages.error(request, str(error))
    else:
        verb = "Restored" if action == "keep" else "Removed"
        messages.success(request, f"{verb} the line; claims and alignment were recomputed.")
    if request.htmx:
        context = _reading_context(article)
        return render(request, "compare/article_detail.html#reading", context)
    return redirect(f"{article.get_absolute_url()}#line-{index}")


def _reading_context(article: Article) -> dict[str, object]:
    claims = list(article.claims.order_by("position").defer("embedding"))
    shared = set(Claim.objects.filter(article=article).shared().values_list("pk", flat=True))
    lines = reading_lines(article, claims, shared)
    return {
        "story": article.story,
        "article": article,
        "lines": lines,
        "removed_count": sum(1 for line in lines if line.role == "removed"),
    }


@editor_required
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


@dataclass(frozen=True, slots=True)
class Column:
    """An article's column header: whether it leads, and the links that change the view."""

    article: Article
    is_lead: bool
    lead_query: str
    hide_query: str
    show_query: str


def _hidden_ids(value: str | None, articles: list[Article], lead: Article | None) -> set[int]:
    wanted = {int(part) for part in (value or "").split(",") if part.strip().isdigit()}
    return {a.pk for a in articles if a.pk in wanted and a != lead}


def _columns(
    request: HttpRequest, articles: list[Article], lead: Article | None, hidden: set[int]
) -> list[Column]:
    def query(**changes: object) -> str:
        params = request.GET.copy()
        params.pop("group", None)
        for key, value in changes.items():
            if value:
                params[key] = str(value)
            else:
                params.pop(key, None)
        return "?" + params.urlencode()

    def hide_list(ids: set[int]) -> str:
        return ",".join(str(pk) for pk in sorted(ids))

    return [
        Column(
            article=article,
            is_lead=article == lead,
            lead_query=query(lead=article.pk, hide=hide_list(hidden - {article.pk})),
            hide_query=query(hide=hide_list(hidden | {article.pk})),
            show_query=query(hide=hide_list(hidden - {article.pk})),
        )
        for article in articles
    ]


def _open_statement(story: Story, group_id: str | None, lead: Article | None) -> object:
    """The statement comparison a shared URL asks to show open, if any."""
    wanted = _int_or_none(group_id)
    if wanted is None:
        return None
    claims = Claim.objects.select_related("article__outlet").defer("embedding")
    group = story.groups.prefetch_related(Prefetch("claims", claims)).filter(pk=wanted).first()
    if group is None:
        return None
    lead_claim = next((c for c in group.claims.all() if lead and c.article_id == lead.pk), None)
    return statement_versions(group, lead_claim.pk if lead_claim else None)


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


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
