"""Versions of an article: its source seen again with changed text.

The article row holds the latest version (raw input, cleaned text, claims), so alignment and
every view read the latest; `ArticleVersion` keeps every version seen, numbered from 1, with when
it was seen. A change that is only whitespace, punctuation or a timestamp line (textcore's
`is_boring_change`) makes no version. A new version brings the headline the source now has, and
its date if none was known, but never over what an editor set (`Article.edited_fields`).

Which stored article an input is the source of is `articles.identity`'s (`source_key`):
ingest finds it and calls `article_version_update`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from newsdiff.articles import mapping
from newsdiff.articles.alignment import story_lock
from newsdiff.articles.identity import published_for
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import (
    Article,
    ArticleVersion,
    Claim,
    RemovedSpan,
    Story,
    content_hash,
)
from newsdiff.articles.names import visible
from newsdiff.textcore.differences import diff_versions, is_boring_change
from newsdiff.textcore.pipeline import ProcessedArticle


class Change(StrEnum):
    NEW_VERSION = "new version"
    BORING = "boring change"
    UNCHANGED = "unchanged"


NEW_VERSION = "new version {number}: {summary}"
BORING = "changed only in whitespace, punctuation or a timestamp line: no new version"
UNCHANGED = "unchanged since it was last seen"
NOTHING_NEW = frozenset({BORING, UNCHANGED})


@dataclass(frozen=True, slots=True)
class VersionOutcome:
    """`number`: the article's latest version after this; `summary`: what a new version
    changed ("4 words inserted, 1 deleted; figures: 3 dead -> 5 dead")."""

    article: Article
    change: Change
    number: int
    summary: str = ""

    @property
    def is_new(self) -> bool:
        return self.change is Change.NEW_VERSION

    @property
    def message(self) -> str:
        if self.change is Change.NEW_VERSION:
            return NEW_VERSION.format(number=self.number, summary=self.summary)
        return BORING if self.change is Change.BORING else UNCHANGED


def version_first(*, article: Article) -> ArticleVersion:
    """Version 1 of a newly stored article (called in the transaction that stores it)."""
    return ArticleVersion.objects.create(
        article=article,
        number=1,
        seen=article.created_at or timezone.now(),
        raw=article.raw,
        raw_format=article.raw_format,
        title=article.title,
        text=article.text,
        content_hash=article.content_hash,
    )


def article_version_update(
    *, article: Article, item: ArticleInput, processed: ProcessedArticle
) -> VersionOutcome:
    """The article's source seen again as `item` (`processed`: cleaned with the outlet's rules
    and the article's corrections, and checked, by the caller): a new version if its cleaned
    text changed, not boringly. The article's claims are found anew; the caller aligns."""
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    latest = version_latest_number(article)
    if fingerprint == article.content_hash:
        return VersionOutcome(article, Change.UNCHANGED, latest)
    if is_boring_change(article.text, cleaned.text):
        return VersionOutcome(article, Change.BORING, latest)
    summary = diff_versions(article.text, cleaned.text).summary()
    with transaction.atomic():
        story_lock(article.story)  # an alignment running now sees all of this or none
        number = version_latest_number(article) + 1
        article.raw, article.raw_format = item.raw, item.fmt
        article.text, article.content_hash = cleaned.text, fingerprint
        found_title = visible(item.title or cleaned.title, 500) or article.title
        article.title = _kept(article, item, "title", found_title, found_title)
        found_date = published_for(item, cleaned)
        article.published = _kept(
            article, item, "published", found_date, article.published or found_date
        )
        article.edited_fields = sorted(set(article.edited_fields) | set(item.edited))
        article.blocks = mapping.block_rows(cleaned)
        article.save(
            update_fields=[
                "raw", "raw_format", "text", "content_hash", "title", "published",
                "edited_fields", "blocks",
            ]
        )  # fmt: skip
        article.removed_spans.all().delete()
        article.claims.all().delete()
        RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
        Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
        ArticleVersion.objects.create(
            article=article,
            number=number,
            raw=item.raw,
            raw_format=item.fmt,
            title=found_title,
            text=cleaned.text,
            content_hash=fingerprint,
        )
        Story.objects.filter(pk=article.story_id).update(updated_at=timezone.now())
    return VersionOutcome(article, Change.NEW_VERSION, number, summary)


def _kept[T](article: Article, item: ArticleInput, field: str, given: T, found: T) -> T:
    """A field after a new version: the input's value if an editor gave it now, else the
    article's if an editor set it before (kept), else what is found (`found`)."""
    if field in item.edited:
        return given
    return getattr(article, field) if field in article.edited_fields else found


def version_latest_number(article: Article) -> int:
    found = article.versions.aggregate(last=Max("number"))["last"]
    return found or 1


def version_latest_sync(*, article: Article) -> None:
    """After the latest version was cleaned again (an editor's correction), keep its cleaned
    text the article's, so differences between versions compare like with like."""
    article.versions.filter(number=version_latest_number(article)).update(
        text=article.text, content_hash=article.content_hash, title=article.title
    )
