"""The upload form: paste text, choose .txt/.html files, or give URLs, into a new or an existing
story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings

from newsdiff.articles.fetch import FetchError, check_url
from newsdiff.articles.inputs import DecodeError, decode_bytes, format_for, shape_problem
from newsdiff.articles.limits import MAX_FILES, UPLOAD_SUFFIXES
from newsdiff.articles.models import Story
from newsdiff.articles.names import visible
from newsdiff.compare.file_details import FileDetails, files_details

NEED_ONE_SOURCE = "Paste the article's text, choose a file, or give its URL."
NOT_BOTH_SOURCES = "Paste text or choose a file, not both."
NEED_STORY = "Choose a story or give a title for a new one."
NOT_BOTH_STORIES = "Choose an existing story or give a new title, not both."
BAD_FILE_TYPE = "Only .txt, .text, .html and .htm files can be uploaded; {name!r} is neither."
FILE_TOO_LARGE = "The file is {size:,} bytes; the limit is {limit:,} bytes."
TEXT_TOO_LARGE = "The pasted text is {size:,} bytes; the limit is {limit:,} bytes."
EMPTY_TITLE = "A story needs a title."
TOO_MANY_FILES = "At most {limit} files at once; {count} were chosen."
EMPTY_FILE = "the file is empty"
EXISTING_STORY = (
    "A story titled “{title}” already exists: the article(s) were added to it. Rename this one "
    "or choose another title to start a new story."
)
TOO_MANY_URLS = "At most {limit} URLs at once; {count} were given."
BAD_URL_LINE = "Line {line}: {reason}."
MAX_URLS = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is validated, and all come back as a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        """The files as chosen; each is checked by the form, so that one bad file is reported
        by its name and the others still load."""
        return list(data) if isinstance(data, (list, tuple)) else [data] if data else []


class UploadForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=Story.objects.order_by("title"),
        required=False,
        empty_label="— a new story —",
        label="Story",
    )
    new_story = forms.CharField(max_length=300, required=False, label="New story title")
    outlet = forms.CharField(
        max_length=200,
        required=False,
        help_text="Who published it. Left empty, it is found in the page (its site name or "
        "address) or the file's name.",
    )
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
    file = MultipleFileField(
        required=False,
        label="Files",
        help_text="One or more .txt or .html files, each up to the size limit.",
    )
    urls = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "https://"}),
        required=False,
        label="URLs",
        help_text="One or more article addresses, one per line: each page is fetched and added.",
    )

    def clean_urls(self) -> list[str]:
        lines = [line.strip() for line in (self.cleaned_data.get("urls") or "").splitlines()]
        numbered = [(n, line) for n, line in enumerate(lines, start=1) if line]
        if len(numbered) > MAX_URLS:
            raise forms.ValidationError(TOO_MANY_URLS.format(limit=MAX_URLS, count=len(numbered)))
        problems, urls = [], []
        for n, line in numbered:
            try:
                urls.append(check_url(line))
            except FetchError as error:
                problems.append(BAD_URL_LINE.format(line=n, reason=error))
        if problems:
            raise forms.ValidationError(problems)
        return list(dict.fromkeys(urls))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.file_problems: list[str] = []
        self.file_details: dict[str, FileDetails] = {}
        self.detail_problems: list[str] = []

    def clean_file(self) -> list[tuple[str, str]]:
        """The readable files; each unreadable one is in `file_problems`, by its name. Only
        when none is readable is the field in error."""
        uploads = self.cleaned_data.get("file") or []
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(TOO_MANY_FILES.format(limit=MAX_FILES, count=len(uploads)))
        readable, self.file_problems = [], []
        for upload in uploads:
            try:
                readable.append(_read_upload(upload))
            except forms.ValidationError as error:
                self.file_problems.extend(error.messages)
        if self.file_problems and not readable:
            raise forms.ValidationError(self.file_problems)
        names = [name for name, _ in readable]
        self.file_details, self.detail_problems = files_details(self.data, names)
        return readable

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text") or ""
        size, limit = len(text.encode("utf-8")), settings.NEWSDIFF_MAX_UPLOAD_BYTES
        if size > limit:  # larger than DATA_UPLOAD_MAX_MEMORY_SIZE: see views.upload
            raise forms.ValidationError(TEXT_TOO_LARGE.format(size=size, limit=limit))
        problem = shape_problem(text, "text")
        if problem:
            raise forms.ValidationError(f"The pasted text: {problem}.")
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_text, has_file = bool(data.get("text", "").strip()), bool(data.get("file"))
        has_urls = bool(data.get("urls"))
        if not self.errors.keys() & {"file", "text", "urls"}:
            if has_text and has_file:
                raise forms.ValidationError(NOT_BOTH_SOURCES)
            if not has_text and not has_file and not has_urls:
                raise forms.ValidationError(NEED_ONE_SOURCE)
        if data.get("story") and data.get("new_story", "").strip():
            raise forms.ValidationError(NOT_BOTH_STORIES)
        if not data.get("story") and not data.get("new_story", "").strip():
            raise forms.ValidationError(NEED_STORY)
        return data

    @property
    def sources(self) -> list[tuple[str, str, str]]:
        """(name, raw text, format) of each file submitted, or of the pasted text (none when
        only URLs were given: they are fetched by the worker)."""
        if self.cleaned_data.get("file"):
            return [(name, raw, format_for(name)) for name, raw in self.cleaned_data["file"]]
        if self.cleaned_data["text"].strip():
            return [("", self.cleaned_data["text"], "text")]
        return []


def _read_upload(upload: Any) -> tuple[str, str]:
    """The file's name and text, or a ValidationError whose message names the file."""
    name, limit = Path(upload.name or "").name, settings.NEWSDIFF_MAX_UPLOAD_BYTES
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise forms.ValidationError(BAD_FILE_TYPE.format(name=name))
    if not upload.size:
        raise forms.ValidationError(f"{name}: {EMPTY_FILE}.")
    if upload.size > limit:
        raise forms.ValidationError(
            f"{name}: " + FILE_TOO_LARGE.format(size=upload.size, limit=limit)
        )
    try:
        raw = decode_bytes(upload.read())
    except DecodeError as error:
        raise forms.ValidationError(f"{name}: {error}.") from error
    problem = shape_problem(raw, format_for(name))
    if problem:
        raise forms.ValidationError(f"{name}: {problem}.")
    return name, raw


class StoryRenameForm(forms.ModelForm[Story]):
    class Meta:
        model = Story
        fields = ["title"]

    def clean_title(self) -> str:
        title = visible(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(EMPTY_TITLE)
        return title
