"""Search across stories: story titles, articles and claims, each with its matching words marked.

A query is a few words; a story, an article or a claim matches when it holds every word, in
any order ("shotgun 120 mph"). A story is found by its title or by an article that matches;
under it come the articles that match (their headline, else a piece of their text around the
first word) and the claims that hold the most of the words, each linking to its row side by
side (the claim's article leads, so its column comes first).

Words are matched as typed, ignoring case (`icontains`), so "mph" finds "120 mph" and
"shoot" finds "shooting". The pattern that marks them is a plain alternation of escaped
words: nothing a query types can make it backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from newsdiff.articles.models import Article, Claim, ClaimGroup, Story

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
MAX_STORIES = 20
MAX_ARTICLES = 5  # per story
MAX_CLAIMS = 5  # per story
MAX_CLAIMS_READ = 400
SNIPPET_LENGTH = 220
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text as (text, is a match) parts, cut around the first match."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)


@dataclass(frozen=True, slots=True)
class ArticleHit:
    article: Article
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class ClaimHit:
    claim: Claim
    article: Article
    snippet: Snippet
    href: str
    words: int  # how many of the query's words it holds


@dataclass(slots=True)
class StoryHit:
    story: Story
    title: Snippet
    articles: list[ArticleHit] = field(default_factory=list)
    claims: list[ClaimHit] = field(default_factory=list)


def query_words(query: str) -> tuple[str, ...]:
    """The query's distinct words, lowercased, at most MAX_WORDS of at most MAX_WORD_LENGTH."""
    found: list[str] = []
    for word in WORD.findall(query[: MAX_WORDS * (MAX_WORD_LENGTH + 1)].casefold()):
        word = word[:MAX_WORD_LENGTH]
        if word not in found:
            found.append(word)
    return tuple(found[:MAX_WORDS])


def search(query: str) -> list[StoryHit]:
    words = query_words(query)
    if not words:
        return []
    pattern = _pattern(words)
    articles = list(
        Article.objects.filter(
            _every(words, "text") | _every(words, "title") | _every(words, "outlet__name")
        )
        .select_related("story", "outlet")
        .defer("raw", "blocks")
        .order_by("-story__updated_at", "story_id", "position", "pk")
    )
    titled = Story.objects.filter(_every(words, "title")).order_by("-updated_at")[:MAX_STORIES]
    hits: dict[int, StoryHit] = {}
    for story in titled:
        hits[story.pk] = StoryHit(story, highlight(story.title, pattern))
    for article in articles:
        hit = hits.get(article.story_id)
        if hit is None:
            if len(hits) >= MAX_STORIES:
                continue
            hit = hits[article.story_id] = StoryHit(
                article.story, highlight(article.story.title, pattern)
            )
        if len(hit.articles) < MAX_ARTICLES:
            text = article.title if pattern.search(article.title) else article.text
            hit.articles.append(ArticleHit(article, highlight(text, pattern)))
    _add_claims(hits, [a for a in articles if a.story_id in hits], words, pattern)
    return list(hits.values())


def highlight(text: str, pattern: re.Pattern[str], limit: int = SNIPPET_LENGTH) -> Snippet:
    """`text` cut to about `limit` characters around the first match, matches marked."""
    text = " ".join(text.split())
    first = pattern.search(text)
    start = 0
    if first and len(text) > limit:
        start = max(0, first.start() - limit // 3)
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 else start
    piece = text[start : start + limit]
    if start + limit < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    if start:
        piece = "… " + piece
    parts: list[tuple[str, bool]] = []
    cursor = 0
    for match in pattern.finditer(piece):
        if match.start() > cursor:
            parts.append((piece[cursor : match.start()], False))
        parts.append((match.group(), True))
        cursor = match.end()
    if cursor < len(piece):
        parts.append((piece[cursor:], False))
    return Snippet(tuple(parts))


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in longest_first), re.IGNORECASE)


def _every(words: tuple[str, ...], name: str) -> Q:
    return reduce(and_, (Q(**{f"{name}__icontains": word}) for word in words))


def _any(words: tuple[str, ...], name: str) -> Q:
    return reduce(or_, (Q(**{f"{name}__icontains": word}) for word in words))


def _add_claims(
    hits: dict[int, StoryHit],
    articles: list[Article],
    words: tuple[str, ...],
    pattern: re.Pattern[str],
) -> None:
    """Each story's claims that hold the most of the words (all of them first)."""
    by_pk = {article.pk: article for article in articles}
    claims = list(
        Claim.objects.filter(article__in=articles)
        .filter(_any(words, "text"))
        .only("pk", "article_id", "text", "position")[:MAX_CLAIMS_READ]
    )
    groups = dict(
        ClaimGroup.claims.through.objects.filter(claim_id__in=[c.pk for c in claims]).values_list(
            "claim_id", "claimgroup_id"
        )
    )
    scored = []
    for claim in claims:
        found = {match.group().casefold() for match in pattern.finditer(claim.text)}
        scored.append((len(found), claim))
    scored.sort(key=lambda item: (-item[0], item[1].article_id, item[1].position))
    for count, claim in scored:
        article = by_pk[claim.article_id]
        hit = hits[article.story_id]
        if len(hit.claims) >= MAX_CLAIMS:
            continue
        group = groups.get(claim.pk)
        anchor = f"group-{group}" if group else f"claim-{claim.pk}"
        href = f"{article.story.get_absolute_url()}?lead={article.pk}#{anchor}"
        hit.claims.append(ClaimHit(claim, article, highlight(claim.text, pattern), href, count))
