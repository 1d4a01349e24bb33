"""Ingesting: an input becomes a stored article with its claims, in one transaction.

`ingest_then_align` is the one way a batch of inputs gets in: each is stored (or reported),
then each story that changed is aligned once (`alignment.story_align`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from newsdiff.articles import mapping
from newsdiff.articles.alignment import AlignOutcome, story_align, story_lock
from newsdiff.articles.corrections import CleaningRules, outlet_learn, rules_for
from newsdiff.articles.inputs import ArticleInput, web_url
from newsdiff.articles.limits import MAX_CLAIMS
from newsdiff.articles.models import Article, Claim, Outlet, RemovedSpan, Story, content_hash
from newsdiff.textcore.pipeline import ProcessedArticle, process_article
from newsdiff.textcore.types import Cleaned

EMPTY_AFTER_CLEANING = "nothing is left after cleaning: no article text was found"
NO_CLAIMS = "no sentences were found in the article text"
TOO_MANY_CLAIMS = "{count:,} statements found, more than one article holds (the limit is {limit:,})"
WOULD_DUPLICATE = "after this correction the article would be the same as another in the story"


class ArticleRejected(ValueError):
    """The input cannot become an article; the message says why, for an editor."""


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    article: Article
    created: bool


def ingest_then_align[T](
    inputs: Iterable[T], ingest_one: Callable[[T], Story | None]
) -> list[tuple[Story, AlignOutcome]]:
    """Ingest each input, then align each story that changed, once, in the order first changed.

    `ingest_one` stores one input (or reports why it cannot) and returns the story to align
    because of it, or None. Used by the upload worker and the ingest, load_demo and reprocess
    commands, so a batch never aligns a story more than once.
    """
    changed: dict[int, Story] = {}
    for item in inputs:
        story = ingest_one(item)
        if story is not None:
            changed.setdefault(story.pk, story)
    return [(story, story_align(story=story)) for story in changed.values()]


def story_get_or_create(*, title: str) -> Story:
    title = " ".join(title.split())[:300] or "Untitled story"
    story = Story.objects.filter(title=title).order_by("created_at").first()
    return story or Story.objects.create(title=title)


def _outlet_name(name: str) -> str:
    return " ".join(name.split())[:200]


def outlet_get_or_create(*, name: str) -> Outlet | None:
    name = _outlet_name(name)
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name)
    return outlet


def article_check(item: ArticleInput, rules: CleaningRules | None = None) -> ProcessedArticle:
    """Clean the input and find its claims, or say why it cannot become an article."""
    rules = rules or rules_for(outlet=Outlet.objects.filter(name=_outlet_name(item.outlet)).first())
    processed = process_article(
        item.raw, fmt=item.fmt, extra_boilerplate=rules.remove, keep_lines=rules.keep
    )
    if not processed.cleaned.text.strip():
        raise ArticleRejected(EMPTY_AFTER_CLEANING)
    if not processed.claims:
        raise ArticleRejected(NO_CLAIMS)
    if len(processed.claims) > MAX_CLAIMS:
        raise ArticleRejected(TOO_MANY_CLAIMS.format(count=len(processed.claims), limit=MAX_CLAIMS))
    return processed


def article_ingest(
    *, item: ArticleInput, story: Story | None = None, story_title: str = ""
) -> IngestOutcome:
    """Clean the input, find its claims, and store all of it; the same text twice is stored once.

    The story is `story`, else the one titled `story_title` (created with the article, so a
    rejected input never leaves an empty story behind).
    """
    processed = article_check(item)
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    try:
        with transaction.atomic():
            story = story or story_get_or_create(title=story_title)
            existing = story.articles.filter(content_hash=fingerprint).first()
            if existing:
                return IngestOutcome(existing, created=False)
            article = _article_create(
                story=story, item=item, cleaned=cleaned, fingerprint=fingerprint
            )
            RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
            Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
            Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
            outlet_learn(article=article)
    except IntegrityError:
        existing = Article.objects.filter(story=story, content_hash=fingerprint).first()
        if existing is None:
            raise
        return IngestOutcome(existing, created=False)
    return IngestOutcome(article, created=True)


def _article_create(
    *, story: Story, item: ArticleInput, cleaned: Cleaned, fingerprint: str
) -> Article:
    last = story.articles.aggregate(last=Max("position"))["last"]
    published = item.published
    if published is not None and timezone.is_naive(published):
        published = timezone.make_aware(published, timezone.UTC)
    return Article.objects.create(
        story=story,
        outlet=outlet_get_or_create(name=item.outlet),
        position=0 if last is None else last + 1,
        title=(item.title or cleaned.title)[:500],
        url=web_url(item.url or cleaned.url)[:1000],
        published=published,
        author=cleaned.author[:300],
        external_id=item.external_id[:200],
        source_file=item.source_file[:1000],
        raw=item.raw,
        raw_format=item.fmt,
        text=cleaned.text,
        blocks=mapping.block_rows(cleaned),
        content_hash=fingerprint,
    )


def article_reprocess(*, article: Article) -> Article:
    """Clean the article again with its outlet's rules and corrections; new claims, realigned."""
    article_refresh(article=article)
    story_align(story=article.story)
    return article


def article_refresh(*, article: Article, store: bool = True) -> ProcessedArticle:
    """Clean the article again and find its claims anew, without aligning the story (the
    caller aligns it, e.g. once after refreshing all its articles). With `store=False` only
    checks and returns what would be stored."""
    item = ArticleInput(raw=article.raw, fmt=article.raw_format)
    processed = article_check(item, rules_for(outlet=article.outlet, article=article))
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    if article.story.articles.filter(content_hash=fingerprint).exclude(pk=article.pk).exists():
        raise ArticleRejected(WOULD_DUPLICATE)
    if not store:
        return processed
    with transaction.atomic():
        story_lock(article.story)  # an alignment running now sees all of this change or none
        article.text, article.content_hash = cleaned.text, fingerprint
        article.blocks = mapping.block_rows(cleaned)
        article.save(update_fields=["text", "content_hash", "blocks"])
        article.removed_spans.all().delete()
        article.claims.all().delete()
        RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
        Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
    return processed
