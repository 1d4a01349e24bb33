"""What the pages show of an article's versions: the panel's pair, and claims that came later."""

from __future__ import annotations

import pytest
from django.utils import timezone

from newsdiff.articles.models import Article, ArticleVersion, Story
from newsdiff.compare.versions import (
    LaterClaim,
    claims_added_later,
    version_counts,
    versions_panel,
)

pytestmark = pytest.mark.django_db

V1 = "Floods left 3 dead on Monday.\nRescue teams came by boat."
V2 = "Floods left 5 dead on Monday.\nRescue teams came by boat."
V3 = "Floods left 5 dead on Monday.\nRescue teams came by boat.\nThe mayor resigned."


def article_with(*texts: str) -> Article:
    story = Story.objects.create(title="Versions")
    article = Article.objects.create(story=story, raw=texts[-1], text=texts[-1], content_hash="x")
    for number, text in enumerate(texts, start=1):
        ArticleVersion.objects.create(
            article=article, number=number, raw=text, text=text, content_hash=str(number),
            seen=timezone.now(),
        )  # fmt: skip
    return article


def test_one_version_has_nothing_to_compare() -> None:
    panel = versions_panel(article_with(V1), None, None)
    assert not panel.changed and panel.diff is None and len(panel.versions) == 1


def test_by_default_the_latest_is_compared_with_the_one_before() -> None:
    panel = versions_panel(article_with(V1, V2, V3), None, None)
    assert panel.old is not None and panel.new is not None
    assert (panel.old.number, panel.new.number) == (2, 3)
    assert panel.diff is not None and panel.diff.words_inserted == 3


@pytest.mark.parametrize(
    ("asked", "shown"),
    [((1, 3), (1, 3)), ((3, 1), (3, 1)), ((None, 2), (1, 2)), ((2, 2), (1, 2)), ((9, 9), (2, 3))],
)
def test_any_two_versions_can_be_compared(
    asked: tuple[int | None, int | None], shown: tuple[int, int]
) -> None:
    panel = versions_panel(article_with(V1, V2, V3), *asked)
    assert panel.old is not None and panel.new is not None
    assert (panel.old.number, panel.new.number) == shown


def test_claims_that_came_later_are_added_or_changed() -> None:
    article = article_with(V1, V2, V3)
    claims = [
        article.claims.create(position=n, text=text, start=0, end=len(text))
        for n, text in enumerate(V3.splitlines())
    ]
    later = claims_added_later(article, claims)
    assert later == {
        claims[0].pk: LaterClaim(2, added=False),
        claims[2].pk: LaterClaim(3, added=True),
    }
    assert later[claims[0].pk].label == "changed in version 2"
    assert later[claims[2].pk].label == "added in version 3"
    assert version_counts(article.story) == {article.pk: 3}
