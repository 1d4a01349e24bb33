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
from newsdiff.articles.identity import given_name, outlet_for, published_for, source_key
from newsdiff.articles.inputs import ArticleInput, web_url
from newsdiff.articles.limits import MAX_CLAIMS
from newsdiff.articles.models import Article, Claim, Outlet, RemovedSpan, Story, content_hash
from newsdiff.articles.names import visible
from newsdiff.articles.versions import (
    VersionOutcome,
    article_version_update,
    version_first,
    version_latest_sync,
)
from newsdiff.textcore.claims import MAX_SENTENCE_CHARS
from newsdiff.textcore.pipeline import ProcessedArticle, process_article
from newsdiff.textcore.types import Cleaned

EMPTY_AFTER_CLEANING = "nothing is left after cleaning: no article text was found"
NO_CLAIMS = "no sentences were found in the article text"
NO_CLAIMS_TOO_LONG = (
    "no sentences were found in the article text (text running on for more than "
    "{limit:,} characters with no sentence end is not one)"
)
TOO_MANY_CLAIMS = "{count:,} statements found, more than one article holds (the limit is {limit:,})"
WOULD_DUPLICATE = (
    "after this correction the article would be the same as another of the same source in the story"
)
VERSION_DUPLICATE = "its changed text is the same as another article's of its source; not stored"


class ArticleRejected(ValueError):
    """The input cannot become an article; the message says why, for an editor."""


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """The article stored (or found: the same source with the same text), whether it is new,
    and the story's other articles with the same text (wire copy), by label; for the source of
    an article already stored with another text, `version` says whether it made a version."""

    article: Article
    created: bool
    same_text_as: tuple[str, ...] = ()
    version: VersionOutcome | None = None

    @property
    def changed(self) -> bool:
        """Whether the story has a new text to align (a new article or a new version)."""
        return self.created or (self.version is not None and self.version.is_new)


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
    return story_find_or_create(title=title)[0]


def story_find_or_create(*, title: str) -> tuple[Story, bool]:
    """The story with this title, or a new one, and whether it is new. Titles are unique, so
    two requests creating one title at once make one story (the second finds the first's)."""
    title = visible(title, 300) or "Untitled story"
    story = Story.objects.filter(title=title).first()
    if story is not None:
        return story, False
    try:
        with transaction.atomic():
            return Story.objects.create(title=title), True
    except IntegrityError:
        return Story.objects.get(title=title), False


def _outlet_name(name: str) -> str:
    return visible(name, 200)


def outlet_get_or_create(*, name: str) -> Outlet | None:
    name = _outlet_name(name)
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name)
    return outlet


def article_rules(item: ArticleInput) -> CleaningRules:
    """The cleaning rules of the input's outlet (learned lines and editors' corrections)."""
    return rules_for(outlet=Outlet.objects.filter(name=_outlet_name(item.outlet)).first())


def article_check(
    item: ArticleInput, rules: CleaningRules | None = None, *, title_line: str = ""
) -> ProcessedArticle:
    """Clean the input and find its claims, or say why it cannot become an article."""
    rules = rules or article_rules(item)
    processed = process_article(
        item.raw,
        fmt=item.fmt,
        extra_boilerplate=rules.remove,
        keep_lines=rules.keep,
        editor_removed=rules.editor_remove,
        title_line=title_line,
    )
    return article_checked(processed)


def article_checked(processed: ProcessedArticle) -> ProcessedArticle:
    """The processed input, or why it cannot become an article."""
    if not processed.cleaned.text.strip():
        raise ArticleRejected(EMPTY_AFTER_CLEANING)
    if not processed.claims:
        if len(processed.cleaned.text) > MAX_SENTENCE_CHARS:
            raise ArticleRejected(NO_CLAIMS_TOO_LONG.format(limit=MAX_SENTENCE_CHARS))
        raise ArticleRejected(NO_CLAIMS)
    if len(processed.claims) > MAX_CLAIMS:
        raise ArticleRejected(TOO_MANY_CLAIMS.format(count=len(processed.claims), limit=MAX_CLAIMS))
    return processed


def article_ingest(
    *,
    item: ArticleInput,
    story: Story | None = None,
    story_title: str = "",
    processed: ProcessedArticle | None = None,
    version_processed: ProcessedArticle | None = None,
) -> IngestOutcome:
    """Clean the input, find its claims, and store all of it.

    The same source (articles.identity) with the same text is stored once: ingesting it again
    changes nothing. The same source with another text is that article seen again: a new
    version if the text changed (not only in whitespace, punctuation or a timestamp line;
    `versions`). The same text from another source is another article (wire copy), and
    the outcome names the articles it copies. The story is `story`, else the one titled
    `story_title` (created with the article, so a rejected input never leaves an empty story
    behind). `processed` is the input already cleaned and split (checked by
    `article_checked`): the worker computes it first, outside any transaction; only the
    storing is one. `version_processed` is the input cleaned with the rules of the article
    of its source (`source_seen_again`), also computed by the worker beforehand.
    """
    processed = processed or article_check(item)
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    source = _Source.of(item, cleaned)
    try:
        with transaction.atomic():
            story = story or story_get_or_create(title=story_title)
            existing = story.articles.filter(content_hash=fingerprint)
            if source.key:  # text without a source is the article that has that text
                existing = existing.filter(source_key=source.key)
            found = existing.order_by("position").first()
            if found is not None:
                return IngestOutcome(found, created=False)
            known = _same_source(story, source.key)
            if known is not None:  # its source seen again, with another text
                return _version_ingest(known, item, version_processed)
            article = _article_create(
                story=story, item=item, cleaned=cleaned, fingerprint=fingerprint, source=source
            )
            RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
            Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
            Story.objects.filter(pk=story.pk).update(updated_at=timezone.now())
            outlet_learn(article=article)
    except IntegrityError:
        found = Article.objects.filter(
            story=story, source_key=source.key, content_hash=fingerprint
        ).first()
        if found is None:
            raise
        return IngestOutcome(found, created=False)
    return IngestOutcome(article, created=True, same_text_as=same_text_labels(article))


@dataclass(frozen=True, slots=True)
class _Source:
    """Who published the input and where it came from, as stored (articles.identity)."""

    outlet: str
    url: str
    source_file: str
    key: str

    @classmethod
    def of(cls, item: ArticleInput, cleaned: Cleaned) -> _Source:
        outlet = _outlet_name(outlet_for(item, cleaned))
        url = web_url(item.url or cleaned.url)[:1000]
        source_file = given_name(item.source_file)[:1000]
        key = source_key(
            outlet=outlet,
            url=url,
            external_id=item.external_id[:200],
            source_file=source_file,
            line=item.line,
        )
        return cls(outlet, url, source_file, key)


def same_text_labels(article: Article) -> tuple[str, ...]:
    """How the story's other articles with this article's text are named."""
    others = article.story.articles.filter(content_hash=article.content_hash).exclude(pk=article.pk)
    return tuple(other.label for other in others.select_related("outlet").order_by("position"))


def _same_source(story: Story, key: str) -> Article | None:
    """The story's article of this source (none for text without a source)."""
    if not key:
        return None
    return story.articles.filter(source_key=key).order_by("position").first()


def source_seen_again(
    *, item: ArticleInput, story: Story, processed: ProcessedArticle
) -> Article | None:
    """The story's article of the input's source when the input's text is not stored yet:
    `article_ingest` makes the input a version of it, cleaned with that article's own rules
    (`rules_for` the article). None for a new source, or the same source with the same text."""
    fingerprint = content_hash(processed.cleaned.text)
    key = _Source.of(item, processed.cleaned).key
    if not key or story.articles.filter(source_key=key, content_hash=fingerprint).exists():
        return None
    return _same_source(story, key)


def _version_ingest(
    article: Article, item: ArticleInput, processed: ProcessedArticle | None = None
) -> IngestOutcome:
    """The input as the article's source seen again (cleaned with the article's own rules,
    corrections and headline line, unless `processed` so already): a new version, or nothing
    if the change is boring."""
    if processed is None:
        rules = rules_for(outlet=article.outlet, article=article)
        processed = article_check(item, rules, title_line=article.title_line)
    try:
        version = article_version_update(article=article, item=item, processed=processed)
    except IntegrityError as error:  # one text per story: another article has the new text
        raise ArticleRejected(VERSION_DUPLICATE) from error
    return IngestOutcome(article, created=False, version=version)


def _article_create(
    *, story: Story, item: ArticleInput, cleaned: Cleaned, fingerprint: str, source: _Source
) -> Article:
    """The article row and its version 1."""
    last = story.articles.aggregate(last=Max("position"))["last"]
    article = Article.objects.create(
        story=story,
        outlet=outlet_get_or_create(name=source.outlet),
        position=0 if last is None else last + 1,
        title=visible(item.title or cleaned.title, 500),
        url=source.url,
        published=published_for(item, cleaned),
        author=cleaned.author[:300],
        external_id=item.external_id[:200],
        source_file=source.source_file,
        source_key=source.key,
        edited_fields=sorted(set(item.edited)),
        raw=item.raw,
        raw_format=item.fmt,
        text=cleaned.text,
        blocks=mapping.block_rows(cleaned),
        content_hash=fingerprint,
    )
    version_first(article=article)
    return article


def article_refresh(*, article: Article, store: bool = True) -> ProcessedArticle:
    """Clean the article again and find its claims anew, without aligning the story (the
    caller aligns it, e.g. once after refreshing all its articles). With `store=False` only
    checks and returns what would be stored."""
    item = ArticleInput(raw=article.raw, fmt=article.raw_format)
    rules = rules_for(outlet=article.outlet, article=article)
    processed = article_check(item, rules, title_line=article.title_line)
    if not store:
        _refuse_duplicate(article, content_hash(processed.cleaned.text))
        return processed
    return article_refreshed_store(article=article, processed=processed)


def article_refreshed_store(*, article: Article, processed: ProcessedArticle) -> ProcessedArticle:
    """Store the article's text cleaned again (checked by `article_checked`) and its new
    claims, in one short transaction; the caller aligns the story. The worker computes
    `processed` in its time-limited child (an editor's correction)."""
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    _refuse_duplicate(article, fingerprint)
    with transaction.atomic():
        story_lock(article.story)  # an alignment running now sees all of this change or none
        article.text, article.content_hash = cleaned.text, fingerprint
        article.blocks = mapping.block_rows(cleaned)
        article.save(update_fields=["text", "content_hash", "blocks"])
        version_latest_sync(article=article)
        article.removed_spans.all().delete()
        article.claims.all().delete()
        RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
        Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
    return processed


def _refuse_duplicate(article: Article, fingerprint: str) -> None:
    same = article.story.articles.filter(source_key=article.source_key, content_hash=fingerprint)
    if same.exclude(pk=article.pk).exists():
        raise ArticleRejected(WOULD_DUPLICATE)
