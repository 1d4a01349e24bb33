"""Article inputs from web addresses: a URL fetched (`fetch.fetch_page`) becomes an
`ArticleInput`, or an `InputProblem` naming the URL and why, as a bad file would.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from newsdiff.articles.fetch import FetchError, FetchLimits, fetch_page
from newsdiff.articles.inputs import WEB_SCHEMES, ArticleInput, InputProblem, shape_problem


def is_web_address(value: str) -> bool:
    """Whether a command-line path or a form line is meant as a web address."""
    return value.strip().lower().startswith(WEB_SCHEMES)


def read_url(
    url: str, *, outlet: str = "", limits: FetchLimits | None = None
) -> ArticleInput | InputProblem:
    """The page at `url` as an article input (its raw page kept as the input), or why not."""
    url = url.strip()
    try:
        page = fetch_page(url, limits=limits)
    except FetchError as error:
        return InputProblem(url, error.reason)
    problem = shape_problem(page.raw, page.fmt)
    if problem:
        return InputProblem(url, problem)
    return ArticleInput(raw=page.raw, fmt=page.fmt, url=url, outlet=outlet)


def url_story_title(url: str) -> str:
    """A story title for articles ingested from `url`: its last path segment, else its host."""
    parts = urlsplit(url.strip())
    segments = [segment for segment in parts.path.split("/") if segment]
    name = unquote(segments[-1]).rsplit(".", 1)[0] if segments else parts.hostname or ""
    return name.replace("_", " ").replace("-", " ").strip() or "Imported articles"
