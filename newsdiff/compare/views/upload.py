"""The upload form: files or pasted text become jobs for the background worker."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from newsdiff.accounts.access import editor_required
from newsdiff.articles import jobs
from newsdiff.articles.ingest import ArticleRejected, article_check, story_get_or_create
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Story
from newsdiff.compare.forms import UploadForm

QUEUED_MESSAGE = "Processing {n} article(s): they appear in the story when ready."


@editor_required
def upload(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    initial_story = get_object_or_404(Story, slug=slug) if slug else None
    form = UploadForm(request.POST or None, request.FILES or None, initial={"story": initial_story})
    if request.method == "POST" and form.is_valid():
        items = _upload_items(form)
        rejected = _rejections(items)
        accepted = [item for item in items if item not in rejected]
        if accepted:
            story = form.cleaned_data["story"] or story_get_or_create(
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
    """Why each input would be refused, found before anything is queued.

    This cleans each input and finds its claims here, in the request, and the worker then
    does the same work again when it stores the article: cleaning runs twice, on purpose for
    now. It lets the editor see at once, on the form, that a file holds no article text (or
    too many statements) instead of finding a failed job later, and it keeps such inputs out
    of the queue. The shape limits in `inputs` (checked by the form) bound what this costs.
    """
    rejected = {}
    for item in items:
        try:
            article_check(item)
        except ArticleRejected as error:
            rejected[item] = str(error)
    return rejected
