"""Migration 0009: names and titles stored with invisible characters are cleaned, and outlets
that become one are merged (their articles and rules move to the survivor)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from newsdiff.articles.identity import source_key
from newsdiff.articles.models import Article, ArticleVersion, Outlet, OutletRule, Story

BEFORE = [("articles", "0010_ingestjob_redo")]
AFTER = [("articles", "0011_visible_names")]
ZWSP, RLO = "\u200b", "\u202e"


def migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate to `targets`; the historical models there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_0009(transactional_db: None) -> Iterator[Any]:
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_invisible_characters_are_removed_and_lookalike_outlets_merged(before_0009: Any) -> None:
    apps = before_0009
    story_model = apps.get_model("articles", "Story")
    outlet_model = apps.get_model("articles", "Outlet")
    article_model = apps.get_model("articles", "Article")
    version_model = apps.get_model("articles", "ArticleVersion")
    rule_model = apps.get_model("articles", "OutletRule")
    story = story_model.objects.create(title=f"Floods{ZWSP} in the west", slug="floods")
    clean = outlet_model.objects.create(name="Reuters")
    lookalike = outlet_model.objects.create(name=f"Reu{ZWSP}ters")
    reversed_name = outlet_model.objects.create(name=f"{RLO}Daily  Planet")
    for outlet, line in ((clean, "shared footer"), (lookalike, "shared footer")):
        rule_model.objects.create(outlet=outlet, line=line, action="remove", source="learned")
    rule_model.objects.create(outlet=lookalike, line="only the lookalike's", action="keep",
                              source="editor")  # fmt: skip
    url = "https://example.org/floods"

    def article(outlet: Any, position: int, title: str, text: str) -> Any:
        key = source_key(outlet=outlet.name, url=url)
        row = article_model.objects.create(
            story=story, outlet=outlet, position=position, title=title, url=url, raw=text,
            text=text, content_hash=f"hash-{text}", source_key=key,
        )  # fmt: skip
        version_model.objects.create(article=row, number=1, raw=text, title=title, text=text,
                                     content_hash=f"hash-{text}")  # fmt: skip
        return row

    kept = article(clean, 0, "Rivers rise", "one")
    moved = article(lookalike, 1, f"{RLO}Rivers{ZWSP} rise again", "two")
    same = article(lookalike, 2, "Rivers rise", "one")  # the same text as `kept`, once rekeyed
    planet = article(reversed_name, 3, "Storm", "three")

    migrate(AFTER)

    mine = Outlet.objects.filter(pk__in=[clean.pk, lookalike.pk, reversed_name.pk])
    assert sorted(mine.values_list("name", flat=True)) == ["Daily Planet", "Reuters"]
    assert Outlet.objects.get(name="Reuters").pk == clean.pk  # the one already so named
    assert Outlet.objects.get(name="Daily Planet").pk == reversed_name.pk  # renamed in place
    reuters_articles = Article.objects.filter(story_id=story.pk, outlet__name="Reuters")
    assert set(reuters_articles.values_list("pk", flat=True)) == {kept.pk, moved.pk, same.pk}
    rules = OutletRule.objects.filter(outlet_id__in=[clean.pk, lookalike.pk])
    assert set(rules.values_list("outlet_id", "line", "action")) == {
        (clean.pk, "shared footer", "remove"),
        (clean.pk, "only the lookalike's", "keep"),
    }
    by_pk = {row.pk: row for row in Article.objects.filter(story_id=story.pk)}
    assert by_pk[moved.pk].title == "Rivers rise again"
    assert by_pk[moved.pk].source_key == source_key(outlet="Reuters", url=url)  # its new name's
    assert by_pk[same.pk].source_key == same.source_key  # would clash with `kept`: left as it was
    assert by_pk[planet.pk].source_key == source_key(outlet="Daily Planet", url=url)
    assert ArticleVersion.objects.get(article_id=moved.pk).title == "Rivers rise again"
    assert Story.objects.get(pk=story.pk).title == "Floods in the west"
