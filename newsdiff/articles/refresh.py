"""Checking URL articles for changes: fetch each again; a changed text is a new version.

`article_check_for_changes` fetches one article's URL and stores a new version if its text
changed (not boringly); `stories_check_for_changes` does it for every URL article of some
stories (all when none named) and aligns each story that got a new version, once. Used by the
worker ("Check for changes" in the app) and by `manage.py refresh` (cron).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsdiff.articles.alignment import story_align
from newsdiff.articles.corrections import rules_for
from newsdiff.articles.fetch import FetchLimits
from newsdiff.articles.ingest import ArticleRejected, article_check
from newsdiff.articles.inputs import ArticleInput, InputProblem
from newsdiff.articles.models import Article, Story
from newsdiff.articles.versions import Change, VersionOutcome, article_version_update
from newsdiff.articles.web_inputs import read_url


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """One article checked: its outcome, or the problem that stopped the check."""

    article: Article
    outcome: VersionOutcome | None
    problem: str = ""

    @property
    def changed(self) -> bool:
        return self.outcome is not None and self.outcome.change is Change.NEW_VERSION


def article_check_for_changes(
    *, article: Article, page: ArticleInput | None = None, limits: FetchLimits | None = None
) -> RefreshResult:
    """Fetch the article's URL (unless `page` was fetched already) and store a new version if
    its text changed. The caller aligns the story when `changed`."""
    item = page or read_url(article.url, outlet=_outlet(article), limits=limits)
    if isinstance(item, InputProblem):
        return RefreshResult(article, None, item.reason)
    try:
        rules = rules_for(outlet=article.outlet, article=article)
        processed = article_check(item, rules, title_line=article.title_line)
    except ArticleRejected as error:
        return RefreshResult(article, None, str(error))
    outcome = article_version_update(article=article, item=item, processed=processed)
    return RefreshResult(article, outcome)


def url_articles(stories: Iterable[Story] | None = None) -> Iterator[Article]:
    """Every article with a URL, of the given stories or of all, story by story."""
    articles = Article.objects.exclude(url="").select_related("story", "outlet")
    if stories is not None:
        articles = articles.filter(story__in=list(stories))
    yield from articles.order_by("story__title", "story_id", "position", "pk")


def stories_check_for_changes(
    stories: Iterable[Story] | None = None, *, limits: FetchLimits | None = None
) -> Iterator[RefreshResult]:
    """Check every URL article (see `url_articles`), yielding each result as it comes; each
    story with a new version is aligned once, after its articles are checked."""
    changed: dict[int, Story] = {}
    for article in url_articles(stories):
        result = article_check_for_changes(article=article, limits=limits)
        if result.changed:
            changed.setdefault(article.story_id, article.story)
        yield result
    for story in changed.values():
        story_align(story=story)


def _outlet(article: Article) -> str:
    return article.outlet.name if article.outlet_id else ""  # type: ignore[union-attr]
