"""Stories built from unsaved articles and claims, for the overview's tables (no database)."""

from __future__ import annotations

from dataclasses import asdict

from newsdiff.articles.models import Article, Claim
from newsdiff.compare.story_claims import StoryClaims
from newsdiff.textcore.figures import find_figures


def article(pk: int) -> Article:
    return Article(pk=pk, position=pk, source_file=f"outlet-{pk}.txt")


def claim(pk: int, of: Article, text: str, **fields: object) -> Claim:
    figures = [asdict(figure) for figure in find_figures(text)]
    return Claim(pk=pk, article=of, position=pk, text=text, figures=figures, **fields)


def story_of(*claims: Claim, groups: dict[int, list[Claim]] | None = None) -> StoryClaims:
    articles = sorted({c.article_id: c.article for c in claims}.values(), key=lambda a: a.pk)
    by_article: dict[int, list[Claim]] = {}
    for item in claims:
        by_article.setdefault(item.article_id, []).append(item)
    return StoryClaims(articles, by_article, groups or {})
