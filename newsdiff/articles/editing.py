"""Editors' changes to an article as a whole: its title, outlet, date and URL, the line that is
its headline, and deleting it. Line by line corrections are in `corrections`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from newsdiff.articles.alignment import story_align, story_lock
from newsdiff.articles.identity import source_key
from newsdiff.articles.ingest import outlet_get_or_create
from newsdiff.articles.inputs import web_url
from newsdiff.articles.jobs import article_redo_queue
from newsdiff.articles.models import Article, Story
from newsdiff.articles.names import visible

SAME_AS_ANOTHER = (
    "Another article of the story has this outlet and URL and the same text: this would make "
    "them one source twice."
)
NOT_A_LINE = "There is no line {index} in this article."
EMPTY_LINE = "An empty line cannot be the headline."


class EditRefused(ValueError):
    """The change cannot be made; the message says why, for an editor."""


def article_update(
    *, article: Article, title: str, outlet: str, published: datetime | None, url: str
) -> Article:
    """Store an editor's title, outlet, date and URL; those changed are the editor's from then
    on (`edited_fields`: a new version keeps them). A new outlet or URL is a new source
    (articles.identity): refused if another article of the story is that source with the
    same text."""
    url = web_url(url)[:1000]
    key = _source_key_after(article, outlet=outlet, url=url)
    twin = article.story.articles.filter(source_key=key, content_hash=article.content_hash)
    if key and twin.exclude(pk=article.pk).exists():
        raise EditRefused(SAME_AS_ANOTHER)
    if published is not None and timezone.is_naive(published):
        published = timezone.make_aware(published, UTC)
    before = _details(article)
    article.title = visible(title, 500)
    article.outlet = outlet_get_or_create(name=outlet)
    article.published = published
    article.url = url
    article.source_key = key
    after = _details(article)
    edited = {field for field in after if after[field] != before[field]}
    article.edited_fields = sorted(set(article.edited_fields) | edited)
    article.save(
        update_fields=["title", "outlet", "published", "url", "source_key", "edited_fields"]
    )
    return article


def _details(article: Article) -> dict[str, object]:
    """The fields an editor sets with Edit details, as stored."""
    return {
        "title": article.title,
        "outlet": article.outlet_id,
        "published": article.published,
        "url": article.url,
    }


def _source_key_after(article: Article, *, outlet: str, url: str) -> str:
    """The article's source once edited: by URL when it has one; else by its id or file,
    which the edit does not change (so a .jsonl line keeps its key)."""
    if url:
        return source_key(outlet=outlet, url=url)
    if article.url:
        return source_key(
            outlet=outlet, url="", external_id=article.external_id, source_file=article.source_file
        )
    return article.source_key


def article_title_line(*, article: Article, index: int) -> Article:
    """Make line `index` of the article its headline (whatever cleaning decided about it);
    the worker cleans the article again and realigns the story (`jobs.article_redo_queue`)."""
    if not 0 <= index < len(article.blocks):
        raise EditRefused(NOT_A_LINE.format(index=index))
    text = " ".join(str(article.blocks[index][0]).split())
    if not text:
        raise EditRefused(EMPTY_LINE)
    article.title_line, article.title = text, visible(text, 500)
    article.save(update_fields=["title_line", "title"])
    article_redo_queue(article=article)
    return article


def article_delete(*, article: Article) -> Story:
    """Delete the article with its claims; the rest of the story is aligned again."""
    story = article.story
    with transaction.atomic():
        story_lock(story)  # an alignment running now sees the article or not at all
        article.delete()
        Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
    if story.articles.exists():
        story_align(story=story)
    return story
