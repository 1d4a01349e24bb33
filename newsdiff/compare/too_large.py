"""A paste over the size limit gets the upload form back with a message, not a bare 400.

Django refuses a request body larger than DATA_UPLOAD_MAX_MEMORY_SIZE when the POST data is
first read (in the CSRF check) with a 400 page. This middleware, placed before the CSRF
middleware, reads it first on the upload pages: an editor who pasted too much sees the form
with the limit. The body is unreadable, so the form comes back empty (the browser's Back
keeps the text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from newsdiff.compare.forms import UploadForm

UPLOAD_VIEWS = frozenset({"upload", "story-upload"})
TOO_LARGE = (
    "What was sent is larger than the upload limit of {limit:,} bytes, so nothing of it was "
    "read or stored. Paste a shorter text (one article), or save it as a file and upload that."
)


class UploadTooLargeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in UPLOAD_VIEWS:
            return None
        if not request.user.is_authenticated:
            return None
        try:
            request.POST  # noqa: B018 (read here, where too large a body can get a page)
        except RequestDataTooBig:
            form = UploadForm()
            form.cleaned_data = {}  # an unbound form keeps errors only once cleaned
            form.add_error(None, TOO_LARGE.format(limit=settings.NEWSDIFF_MAX_UPLOAD_BYTES))
            context = {"form": form, "story": None}
            return render(request, "compare/upload.html", context, status=413)
        return None
