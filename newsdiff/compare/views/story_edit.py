"""An editor renames or deletes a story."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from newsdiff.accounts.access import editor_required
from newsdiff.articles.models import IngestJob, Story
from newsdiff.compare.forms import StoryRenameForm


@editor_required
def story_rename(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    form = StoryRenameForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Renamed the story to “{story.title}”.")
        return redirect(story)
    return render(request, "compare/story_rename.html", {"story": story, "form": form})


UPLOADS_RUNNING = (
    "This story has {n} upload(s) still being processed: it can be deleted when they are done."
)


@editor_required
def story_delete(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story.objects.with_counts(), slug=slug)
    running = IngestJob.objects.filter(story=story).unfinished().count()
    if running:
        messages.error(request, UPLOADS_RUNNING.format(n=running))
        return redirect(story)
    if request.method == "POST":
        title = story.title
        story.delete()
        messages.success(request, f"Deleted the story “{title}” and its articles.")
        return redirect("story-list")
    return render(request, "compare/story_delete.html", {"story": story})
