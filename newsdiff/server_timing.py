"""Every response says how long the application took: `Server-Timing: app;dur=12.3`.

Browsers show it in the developer tools' timing tab, and operators can read it from any
client or access log without attaching a profiler. It is the time from the request entering
the middleware stack (this is the first middleware) until the response leaves it: the views,
templates, database queries and other middleware, not the web server's own work nor the
network. `make bench-page` reports it as the pages' server time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

HEADER = "Server-Timing"
METRIC = "app"


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        milliseconds = (time.perf_counter() - started) * 1000
        timing = f"{METRIC};dur={milliseconds:.1f}"
        earlier = response.headers.get(HEADER)
        response.headers[HEADER] = f"{earlier}, {timing}" if earlier else timing
        return response


def app_milliseconds(header: str) -> float | None:
    """The `app` duration in a Server-Timing header value, None if it has none."""
    for metric in header.split(","):
        name, _, params = metric.strip().partition(";")
        if name.strip() != METRIC:
            continue
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "dur":
                try:
                    return float(value)
                except ValueError:
                    return None
    return None
