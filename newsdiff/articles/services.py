"""Writes of several steps: ingesting an article, aligning a story. Each is one transaction."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from newsdiff.articles import mapping
from newsdiff.articles.corrections import CleaningRules, outlet_learn, rules_for
from newsdiff.articles.inputs import ArticleInput, web_url
from newsdiff.articles.models import (
    Article,
    Claim,
    ClaimGroup,
    Match,
    Outlet,
    RemovedSpan,
    Story,
    content_hash,
)
from newsdiff.textcore.differences import compare_claims
from newsdiff.textcore.pipeline import (
    ProcessedArticle,
    align_articles,
    embed_claims,
    process_article,
)
from newsdiff.textcore.types import Alignment, ClaimKey, Cleaned, MatchKind
from newsdiff.textcore.types import Match as CoreMatch

EMPTY_AFTER_CLEANING = "nothing is left after cleaning: no article text was found"
NO_CLAIMS = "no sentences were found in the article text"
TOO_MANY_CLAIMS = "{count:,} statements found, more than one article holds (the limit is {limit:,})"
# Tries at storing an alignment computed outside the lock before computing under it.
ALIGN_ATTEMPTS = 3
# Far beyond a long read (~40,000 words); keeps embedding and alignment of one upload bounded.
MAX_CLAIMS = 2_000
WOULD_DUPLICATE = "after this correction the article would be the same as another in the story"


class ArticleRejected(ValueError):
    """The input cannot become an article; the message says why, for an editor."""


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    article: Article
    created: bool


@dataclass(frozen=True, slots=True)
class AlignOutcome:
    claims: int
    matches: int
    groups: int


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


def article_rules(item: ArticleInput) -> CleaningRules:
    """The cleaning rules of the input's outlet (learned lines and editors' corrections)."""
    return rules_for(outlet=Outlet.objects.filter(name=_outlet_name(item.outlet)).first())


def article_check(item: ArticleInput, rules: CleaningRules | None = None) -> ProcessedArticle:
    """Clean the input and find its claims, or say why it cannot become an article."""
    rules = rules or article_rules(item)
    processed = process_article(
        item.raw, fmt=item.fmt, extra_boilerplate=rules.remove, keep_lines=rules.keep
    )
    return article_checked(processed)


def article_checked(processed: ProcessedArticle) -> ProcessedArticle:
    """The processed input, or why it cannot become an article."""
    if not processed.cleaned.text.strip():
        raise ArticleRejected(EMPTY_AFTER_CLEANING)
    if not processed.claims:
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
) -> IngestOutcome:
    """Clean the input, find its claims, and store all of it; the same text twice is stored once.

    The story is `story`, else the one titled `story_title` (created with the article, so a
    rejected input never leaves an empty story behind). `processed` is the input already
    cleaned and split (checked by `article_checked`): the worker computes it first, outside
    any transaction; only the storing is one.
    """
    processed = processed or article_check(item)
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


def article_refresh(*, article: Article) -> Article:
    """Clean the article again and find its claims anew, without aligning the story (the
    caller aligns it, e.g. once after refreshing all its articles)."""
    item = ArticleInput(raw=article.raw, fmt=article.raw_format)
    processed = article_check(item, rules_for(outlet=article.outlet, article=article))
    cleaned = processed.cleaned
    fingerprint = content_hash(cleaned.text)
    if article.story.articles.filter(content_hash=fingerprint).exclude(pk=article.pk).exists():
        raise ArticleRejected(WOULD_DUPLICATE)
    with transaction.atomic():
        _story_lock(article.story)  # an alignment running now sees all of this change or none
        article.text, article.content_hash = cleaned.text, fingerprint
        article.blocks = mapping.block_rows(cleaned)
        article.save(update_fields=["text", "content_hash", "blocks"])
        article.removed_spans.all().delete()
        article.claims.all().delete()
        RemovedSpan.objects.bulk_create(mapping.removed_rows(article, cleaned))
        Claim.objects.bulk_create(mapping.claim_rows(article, processed.claims))
    return article


def story_align(*, story: Story) -> AlignOutcome:
    """Match the claims of all the story's articles and store the matches and groups anew.

    Computed outside the transaction and stored only if the story's claims are still the ones
    it was computed from: another worker may have stored an article meanwhile. The story's
    row lock (PostgreSQL) or the write lock (SQLite) makes that check and the store one step;
    the last attempt computes under the lock. The claims' vectors are saved in the same
    transaction, so a claim without a vector has never been aligned.
    """
    for _ in range(ALIGN_ATTEMPTS - 1):
        outcome = _align_once(story, locked=False)
        if outcome is not None:
            return outcome
    with transaction.atomic():
        _story_lock(story)
        outcome = _align_once(story, locked=True)
    assert outcome is not None
    return outcome


def _align_once(story: Story, *, locked: bool) -> AlignOutcome | None:
    articles = list(story.articles.ready().order_by("position", "id"))
    rows = [list(article.claims.order_by("position")) for article in articles]
    vectors, embedded = _vectors_for(rows)
    core_rows = [[mapping.core_claim(c) for c in claims] for claims in rows]
    alignment = align_articles(core_rows, vectors)
    with transaction.atomic():
        _story_lock(story)
        if not locked and _claim_ids(story) != sorted(c.pk for claims in rows for c in claims):
            return None  # an article came or went while this was computed: compute again
        Claim.objects.bulk_update(embedded, ["embedding"], batch_size=500)
        story.matches.all().delete()
        story.groups.all().delete()
        _store_alignment(story, rows, alignment)
    return AlignOutcome(
        claims=sum(len(claims) for claims in rows),
        matches=len(alignment.matches),
        groups=len(alignment.groups),
    )


def _story_lock(story: Story) -> None:
    """Hold the story's row until the transaction ends (ingest updates the same row)."""
    Story.objects.select_for_update().filter(pk=story.pk).values_list("pk").first()


def _claim_ids(story: Story) -> list[int]:
    claims = Claim.objects.filter(article__story=story, article__status=Article.Status.READY)
    return list(claims.order_by("pk").values_list("pk", flat=True))


def story_needs_alignment(story: Story) -> bool:
    """Whether a ready article's claims were stored but never aligned (e.g. a killed run)."""
    claims = Claim.objects.filter(article__story=story, article__status=Article.Status.READY)
    return claims.filter(embedding__isnull=True).exists()


def _vectors_for(rows: list[list[Claim]]) -> tuple[list[np.ndarray], list[Claim]]:
    """Each article's claim vectors (stored ones reused, the missing ones embedded in one
    call), and the claims given a new vector, to be saved with the alignment."""
    missing = [claim for claims in rows for claim in claims if claim.embedding is None]
    if missing:
        vectors = embed_claims([mapping.core_claim(claim) for claim in missing])
        for claim, vector in zip(missing, vectors, strict=True):
            claim.embedding = mapping.vector_bytes(vector)
    return [_stacked(claims) for claims in rows], missing


def _stacked(claims: list[Claim]) -> np.ndarray:
    if not claims:
        return np.zeros((0, mapping.EMBEDDING_SIZE), dtype=mapping.EMBEDDING_DTYPE)
    return np.vstack([mapping.vector_from_bytes(claim.embedding) for claim in claims])


def _match_row(story: Story, a: Claim, b: Claim, match: CoreMatch) -> Match:
    """A match as stored; a `same` match also keeps how the two wordings differ."""
    difference = None
    if match.kind == MatchKind.SAME:
        difference = compare_claims(mapping.core_claim(a), mapping.core_claim(b))
    return Match(
        story=story,
        a=a,
        b=b,
        score=round(match.score, 4),
        kind=str(match.kind),
        signals={name: round(value, 4) for name, value in match.signals},
        difference=difference.to_dict() if difference else {},
        summary=difference.summary()[:500] if difference else "",
    )


def _store_alignment(story: Story, rows: list[list[Claim]], alignment: Alignment) -> None:
    def row(key: ClaimKey) -> Claim:
        return rows[key.article][key.claim]

    Match.objects.bulk_create(_match_row(story, row(m.a), row(m.b), m) for m in alignment.matches)
    groups = ClaimGroup.objects.bulk_create(
        ClaimGroup(story=story, position=n) for n in range(len(alignment.groups))
    )
    through = ClaimGroup.claims.through
    through.objects.bulk_create(
        through(claimgroup_id=group.pk, claim_id=row(key).pk)
        for group, keys in zip(groups, alignment.groups, strict=True)
        for key in keys
    )
