"""The request type of views that answer htmx: django-htmx's middleware sets `request.htmx`."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through `django_htmx.middleware.HtmxMiddleware` (for type checks)."""

    htmx: HtmxDetails
