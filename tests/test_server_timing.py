"""Every response carries the application's time in a Server-Timing header."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from newsdiff.server_timing import ServerTimingMiddleware, app_milliseconds


@pytest.mark.django_db
def test_a_page_says_how_long_the_application_took(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    milliseconds = app_milliseconds(response.headers["Server-Timing"])
    assert milliseconds is not None and 0 < milliseconds < 5000  # a blow-up guard, not a figure


def test_a_timing_set_by_the_view_is_kept() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("ok")
        response.headers["Server-Timing"] = "db;dur=2"
        return response

    response = ServerTimingMiddleware(view)(RequestFactory().get("/"))
    db, app = response.headers["Server-Timing"].split(", ")
    assert db == "db;dur=2"
    assert app.startswith("app;dur=")
    assert app_milliseconds(response.headers["Server-Timing"]) == float(app.split("=")[1])


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("app;dur=12.5", 12.5),
        ('db;dur=3, app;desc="newsdiff";dur=7', 7.0),
        ("db;dur=3", None),
        ("app;dur=fast", None),
        ("", None),
    ],
)
def test_the_app_duration_is_read_from_a_header(header: str, expected: float | None) -> None:
    assert app_milliseconds(header) == expected
