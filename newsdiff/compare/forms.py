"""The upload form: paste text or choose a .txt/.html file, into a new or an existing story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings

from newsdiff.articles.inputs import DecodeError, decode_bytes, format_for
from newsdiff.articles.models import Story

NEED_ONE_SOURCE = "Paste the article's text or choose a file (one of the two)."
NOT_BOTH_SOURCES = "Paste text or choose a file, not both."
NEED_STORY = "Choose a story or give a title for a new one."
NOT_BOTH_STORIES = "Choose an existing story or give a new title, not both."
BAD_FILE_TYPE = "Only .txt, .text, .html and .htm files can be uploaded; {name!r} is neither."
FILE_TOO_LARGE = "The file is {size:,} bytes; the limit is {limit:,} bytes."
TEXT_TOO_LARGE = "The pasted text is {size:,} bytes; the limit is {limit:,} bytes."
UPLOAD_SUFFIXES = (".txt", ".text", ".html", ".htm")


class UploadForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=Story.objects.order_by("title"),
        required=False,
        empty_label="— a new story —",
        label="Story",
    )
    new_story = forms.CharField(max_length=300, required=False, label="New story title")
    outlet = forms.CharField(max_length=200, required=False, help_text="Who published it.")
    title = forms.CharField(
        max_length=500, required=False, help_text="Leave empty to use the article's headline."
    )
    url = forms.URLField(max_length=1000, required=False, assume_scheme="https", label="URL")
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        strip=False,
        label="Article text",
        help_text="Paste the whole page text: ads, menus and comment forms are removed.",
    )
    file = forms.FileField(required=False, help_text=".txt or .html, up to the size limit.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError(BAD_FILE_TYPE.format(name=Path(upload.name).name))
        if upload.size > limit:
            raise forms.ValidationError(FILE_TOO_LARGE.format(size=upload.size, limit=limit))
        try:
            return (Path(upload.name).name, decode_bytes(upload.read()))
        except DecodeError as error:
            raise forms.ValidationError(f"{Path(upload.name).name}: {error}.") from error

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text") or ""
        size, limit = len(text.encode("utf-8")), settings.NEWSDIFF_MAX_UPLOAD_BYTES
        if size > limit:
            raise forms.ValidationError(TEXT_TOO_LARGE.format(size=size, limit=limit))
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_text, has_file = bool(data.get("text", "").strip()), bool(data.get("file"))
        if "file" not in self.errors and "text" not in self.errors:
            if has_text and has_file:
                raise forms.ValidationError(NOT_BOTH_SOURCES)
            if not has_text and not has_file:
                raise forms.ValidationError(NEED_ONE_SOURCE)
        if data.get("story") and data.get("new_story", "").strip():
            raise forms.ValidationError(NOT_BOTH_STORIES)
        if not data.get("story") and not data.get("new_story", "").strip():
            raise forms.ValidationError(NEED_STORY)
        return data

    @property
    def source(self) -> tuple[str, str, str]:
        """(name, raw text, format) of what was submitted."""
        if self.cleaned_data.get("file"):
            name, raw = self.cleaned_data["file"]
            return name, raw, format_for(name)
        return "", self.cleaned_data["text"], "text"
