"""The upload form: files, pasted text or URLs become jobs for the background worker.

The request only checks what is cheap and bounded (size, type, decoding and the shape limits,
in the form; a URL's form) and queues: fetching, cleaning and finding claims happen in the
worker, under time limits, and an input that holds no article, or a page that cannot be
fetched, fails there with its reason on the story page.
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from newsdiff.accounts.access import editor_required
from newsdiff.articles import jobs
from newsdiff.articles.ingest import story_find_or_create
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Story
from newsdiff.compare.file_details import FileDetails
from newsdiff.compare.forms import EXISTING_STORY, UploadForm


@editor_required
def upload(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Queue the good files (or the pasted text) and say, file by file, what was refused.

    A batch with bad files stores the good ones: each refused file gets a message naming it,
    on the story page. Only when nothing can be stored does the form come back, with every
    file's problem (the browser cannot keep the files chosen: they are chosen again).
    """
    initial_story = get_object_or_404(Story, slug=slug) if slug else None
    form = UploadForm(request.POST or None, request.FILES or None, initial={"story": initial_story})
    if request.method == "POST" and form.is_valid():
        items, urls = _upload_items(form), form.cleaned_data["urls"]
        if items or urls:
            story = form.cleaned_data["story"] or _new_story(request, form)
            outlet = form.cleaned_data["outlet"]
            jobs.batch_queue(story=story, items=items, urls=urls, outlet=outlet)
            for problem in form.file_problems:
                messages.error(request, f"{problem} It was not stored; the other file(s) were.")
            for problem in form.detail_problems:
                messages.warning(request, f"{problem}.")
            return redirect(story)
        for problem in form.file_problems:
            form.add_error(None, f"{problem} Nothing was stored.")
    return render(request, "compare/upload.html", {"form": form, "story": initial_story})


def _new_story(request: HttpRequest, form: UploadForm) -> Story:
    story, created = story_find_or_create(title=form.cleaned_data["new_story"])
    if not created:
        messages.warning(request, EXISTING_STORY.format(title=story.title))
    return story


def _upload_items(form: UploadForm) -> list[ArticleInput]:
    """One input per file (or the pasted text): the file's own outlet, URL and date where the
    editor gave them (`file_details`), else the form's outlet (and, for one file, its title
    and URL); what is given is the editor's, the rest is found by the worker."""
    sources = form.sources
    single = len(sources) == 1
    outlet = form.cleaned_data["outlet"]
    title = form.cleaned_data["title"] if single else ""
    url = form.cleaned_data["url"] if single else ""
    items = []
    for name, raw, fmt in sources:
        details = form.file_details.get(name, FileDetails()) if name else FileDetails()
        item = ArticleInput(
            raw,
            fmt,
            source_file=name,
            title=title,
            url=details.url or url,
            outlet=details.outlet or outlet,
            published=details.published,
        )
        given = {"title": item.title, "outlet": item.outlet, "url": item.url}
        edited = [field for field, value in given.items() if value] + list(details.edited)
        items.append(replace(item, edited=tuple(sorted(set(edited)))))
    return items
