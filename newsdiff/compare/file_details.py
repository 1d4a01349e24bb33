"""Each uploaded file's own outlet, URL and date: the rows the upload page adds, one per file
chosen (static/js/upload.js, prefilled from what the file says), checked here.

A row is the fields `file_name`, `file_outlet`, `file_url` and `file_published`, repeated once
per file in the order chosen. What a row gives is the editor's: it wins over what the worker
finds in the file, and a new version of the source keeps it; an empty value means "find it".
A value that is not usable (a URL that is not http(s), a date that is not ISO 8601) is left
out with a message naming the file: the file is still stored, with what is found instead.
Without JavaScript there are no rows, and the form's single Outlet field applies to every file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsdiff.articles.inputs import parse_published, web_url
from newsdiff.articles.limits import MAX_FILES
from newsdiff.articles.names import visible

FILE_NAME = "file_name"
FILE_OUTLET = "file_outlet"
FILE_URL = "file_url"
FILE_PUBLISHED = "file_published"
MAX_OUTLET_CHARS = 200
MAX_URL_CHARS = 1000
MAX_DATE_CHARS = 40
STORED_WITHOUT = "the file was stored without it (set it with Edit details once it is processed)"
BAD_URL = "{name}: the URL “{value}” is not an http:// or https:// address: " + STORED_WITHOUT
LONG_URL = "{name}: the URL is longer than {limit:,} characters: " + STORED_WITHOUT
BAD_DATE = (
    "{name}: the date “{value}” is not a date such as 2023-01-20 or 2023-01-20T14:30: "
    + STORED_WITHOUT
)
LONG_OUTLET = "{name}: the outlet's name is longer than {limit} characters: it was cut short"


@dataclass(frozen=True, slots=True)
class FileDetails:
    """The outlet, URL and date an editor gave for one file ("" and None: find it)."""

    outlet: str = ""
    url: str = ""
    published: datetime | None = None

    @property
    def edited(self) -> tuple[str, ...]:
        """The fields given, as `ArticleInput.edited` names them."""
        given = {"outlet": self.outlet, "url": self.url, "published": self.published}
        return tuple(field for field, value in given.items() if value)


def files_details(data: Any, names: list[str]) -> tuple[dict[str, FileDetails], list[str]]:
    """Each uploaded file's row, by file name, and a message for each value left out.

    `data` is the form's data (a QueryDict); `names` the files uploaded. Rows of files not
    uploaded are ignored, and so is any row after the first MAX_FILES."""
    if not hasattr(data, "getlist"):
        return {}, []
    rows = zip(
        data.getlist(FILE_NAME),
        data.getlist(FILE_OUTLET),
        data.getlist(FILE_URL),
        data.getlist(FILE_PUBLISHED),
        strict=False,
    )
    uploaded = set(names)
    found: dict[str, FileDetails] = {}
    problems: list[str] = []
    for name, outlet, url, published in list(rows)[:MAX_FILES]:
        if name in uploaded and name not in found:
            found[name] = _details(name, outlet, url, published, problems)
    return found, problems


def _details(name: str, outlet: str, url: str, published: str, problems: list[str]) -> FileDetails:
    outlet = visible(outlet)
    if len(outlet) > MAX_OUTLET_CHARS:
        problems.append(LONG_OUTLET.format(name=name, limit=MAX_OUTLET_CHARS))
        outlet = outlet[:MAX_OUTLET_CHARS]
    return FileDetails(
        outlet=outlet,
        url=_url(name, url.strip(), problems),
        published=_date(name, published.strip(), problems),
    )


def _url(name: str, url: str, problems: list[str]) -> str:
    if not url:
        return ""
    if len(url) > MAX_URL_CHARS:
        problems.append(LONG_URL.format(name=name, limit=MAX_URL_CHARS))
        return ""
    if not web_url(url) or any(char.isspace() for char in url):
        problems.append(BAD_URL.format(name=name, value=visible(url, 80)))
        return ""
    return url


def _date(name: str, value: str, problems: list[str]) -> datetime | None:
    if not value:
        return None
    parsed = parse_published(value) if len(value) <= MAX_DATE_CHARS else None
    if parsed is None:
        problems.append(BAD_DATE.format(name=name, value=visible(value, MAX_DATE_CHARS)))
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
