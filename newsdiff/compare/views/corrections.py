"""Editors correct the rows: "Not the same" takes a statement out of a row, "Same as…" joins
two; every signed-in user sees the corrections. The request stores the correction and queues
the re-alignment (`articles.row_editing`); it does no text processing.

A plain form POST redirects to the story with the row open; an htmx POST is answered with
`HX-Location`, so htmx loads the story's alignment again into the page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseLocation

from newsdiff.accounts.access import editor_required, editor_required_for_writes
from newsdiff.articles.models import ClaimGroup, RowCorrection, Story
from newsdiff.articles.row_editing import (
    RowCorrectionRefused,
    row_correction_record,
    row_correction_undo,
)
from newsdiff.compare.htmx import HtmxHttpRequest
from newsdiff.compare.views.params import int_or_none

SAVED = {
    RowCorrection.Kind.APART: "Taken out of the row: “{a}”.",
    RowCorrection.Kind.TOGETHER: "Joined: “{a}” and “{b}” are in one row.",
}
WAITING = " The rows are being redone: reload in a moment if the grid has not changed."
REFUSED = "Not applied: {reason}."
UNDONE = "Correction undone; the rows were redone without it."
BAD_FORM = "That correction could not be read: choose the statements again."
QUOTE_LENGTH = 90


class RowCorrectionForm(forms.Form):
    kind = forms.ChoiceField(choices=RowCorrection.Kind.choices)
    claim = forms.IntegerField(min_value=1)
    other = forms.IntegerField(min_value=1)
    note = forms.CharField(max_length=500, required=False)
    lead = forms.IntegerField(min_value=1, required=False)


@require_http_methods(["GET", "POST"])
@editor_required_for_writes
def row_corrections(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """GET: the story's corrections, with whether each applies. POST: an editor's correction."""
    story = get_object_or_404(Story, slug=slug)
    if request.method == "GET":
        corrections = story.row_corrections.select_related(
            "editor", "article_a__outlet", "article_b__outlet"
        )
        return render(
            request, "compare/row_corrections.html", {"story": story, "corrections": corrections}
        )
    form = RowCorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, BAD_FORM)
        return _back_to_story(request, story, None, None)
    data = form.cleaned_data
    try:
        correction = row_correction_record(
            story=story,
            kind=data["kind"],
            claim_id=data["claim"],
            other_id=data["other"],
            editor=request.user,  # type: ignore[arg-type]
            note=data["note"],
        )
    except RowCorrectionRefused as error:
        messages.error(request, str(error))
        return _back_to_story(request, story, data["other"], data["lead"])
    _say_outcome(request, correction)
    shown = data["claim"] if data["kind"] == RowCorrection.Kind.TOGETHER else data["other"]
    return _back_to_story(request, story, shown, data["lead"])


@require_POST
@editor_required
def row_correction_remove(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Undo a correction: it is deleted and the story aligned again without it."""
    correction = get_object_or_404(RowCorrection, story__slug=slug, pk=pk)
    story, claim = correction.story, correction.claim_b_id
    row_correction_undo(correction=correction)
    messages.success(request, UNDONE)
    if request.POST.get("next") == "list":
        return redirect("row-corrections", slug=story.slug)
    return _back_to_story(request, story, claim, int_or_none(request.POST.get("lead")))


def _say_outcome(request: HtmxHttpRequest, correction: RowCorrection) -> None:
    correction.refresh_from_db()
    if correction.status == RowCorrection.Status.REFUSED:
        messages.error(request, REFUSED.format(reason=correction.reason))
        return
    text = SAVED[RowCorrection.Kind(correction.kind)].format(
        a=correction.text_a[:QUOTE_LENGTH], b=correction.text_b[:QUOTE_LENGTH]
    )
    if correction.status == RowCorrection.Status.PENDING:
        text += WAITING
    messages.success(request, text)


def _back_to_story(
    request: HtmxHttpRequest, story: Story, claim_id: int | None, lead: int | None
) -> HttpResponse:
    """The story page with the row of `claim_id` open, if it is in one."""
    group = (
        ClaimGroup.objects.filter(story=story, claims__pk=claim_id).first() if claim_id else None
    )
    params = {"lead": lead, "group": group.pk if group else None}
    query = urlencode({key: value for key, value in params.items() if value})
    url = story.get_absolute_url() + (f"?{query}" if query else "")
    if request.htmx:
        return HttpResponseLocation(url, target="#alignment", swap="outerHTML")
    return redirect(url + ("#statement" if group else "#alignment"))
