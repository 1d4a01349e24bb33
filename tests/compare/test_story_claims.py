"""Loading a story's articles, claims and groups for the overview: three queries."""

from __future__ import annotations

from pytest_django import DjangoAssertNumQueries

from newsdiff.articles.models import Story
from newsdiff.compare.story_claims import load_story_claims


def test_loads_the_story_in_three_queries(
    django_assert_num_queries: DjangoAssertNumQueries, seed_story: Story
) -> None:
    with django_assert_num_queries(3):
        story = load_story_claims(seed_story)
        labels = [article.label for article in story.articles]  # outlets come along
    assert len(labels) == 5
    assert [a.position for a in story.articles] == sorted(a.position for a in story.articles)
    column_of, group_of = story.column_of(), story.group_of()
    assert all(c.article_id in column_of for claims in story.claims.values() for c in claims)
    assert all(group_of[c.pk] == group for group, cs in story.groups.items() for c in cs)


def test_claims_are_in_article_order(seed_story: Story) -> None:
    story = load_story_claims(seed_story)
    for claims in story.claims.values():
        assert [c.position for c in claims] == sorted(c.position for c in claims)
