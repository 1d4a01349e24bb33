"""Fixtures for the security tests: a reader, hostile articles, and every page of the site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pytest_django import Settings

from newsdiff.accounts.roles import READERS, role_assign
from newsdiff.articles.models import Article, Claim, ClaimGroup, Story

READER_PASSWORD = "a-long-reader-password-17"
HOSTILE_STORY = "Budget <script>alert('xss-story')</script> vote"

# Each payload carries a marker that must reach the page as text, never as mark-up.
SCRIPT = "<script>alert('xss-script')</script>"
IMG = "<img src=x onerror=alert('xss-img')>"
LINK = "<a href=\"javascript:alert('xss-link')\">read more</a>"
SVG = "<svg onload=alert('xss-svg')><circle r=9 /></svg>"
BODY = (
    "The city council approved a budget of 5 million dollars on Monday {img}, officials said.\n\n"
    '"We will build three new schools {svg} this year," said Mayor Ann Smith {script}.\n\n'
    "The council also voted to repair the old bridge over the river {link} by next spring.\n\n"
    "Critics said the plan raises taxes on small shops without asking the voters first."
)
HOSTILE_TEXT = BODY.format(img=IMG, svg=SVG, script=SCRIPT, link=LINK)
HOSTILE_HTML = (
    "<html><head><title>Council <script>alert('xss-title')</script> budget</title>"
    '<link rel="canonical" href="javascript:alert(\'xss-canonical\')"></head><body><article>'
    + "".join(
        f"<p>{paragraph}</p>"
        for paragraph in BODY.format(
            img="&lt;img src=x onerror=alert('xss-html-img')&gt;",
            svg="&lt;svg onload=alert('xss-html-svg')&gt;&lt;/svg&gt;",
            script="<script>alert('xss-html-script')</script>&lt;script&gt;alert('xss-html-escaped')&lt;/script&gt;",
            link="<a href=\"javascript:alert('xss-html-link')\">more</a>",
        ).split("\n\n")
    )
    + "</article></body></html>"
)
HOSTILE_LINE = {
    "text": HOSTILE_TEXT.replace("Monday", "Tuesday"),
    "title": "Budget <svg onload=alert('xss-jsonl-title')></svg>",
    "outlet": "The <script>alert('xss-outlet')</script> Gazette",
    "url": "https://example.com/budget?<script>",
    "story": HOSTILE_STORY,
    "id": "<img src=x onerror=alert('xss-id')>",
}


@pytest.fixture(autouse=True)
def fast_passwords(settings: Settings) -> None:
    """Sign-in tests check many passwords: a fast hasher keeps them quick (tests only)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fresh_cache(db: None) -> Iterator[None]:
    """Every test starts with an empty cache (sign-in counts are rows of the test database)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reader(db: None, django_user_model: type[User]) -> User:
    user = django_user_model.objects.create_user("rea", password=READER_PASSWORD)
    role_assign(user, role=READERS)
    return user


@pytest.fixture
def reader_client(client: Client, reader: User) -> Client:
    client.force_login(reader)
    return client


@pytest.fixture
def hostile_story(db: None, tmp_path: Path) -> Story:
    """A story whose articles (text, HTML and a JSON line) are full of script payloads."""
    (tmp_path / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps(HOSTILE_LINE) + "\n", encoding="utf-8")
    for name in ("a.txt", "b.html", "c.jsonl"):
        call_command("ingest", str(tmp_path / name), "--story", HOSTILE_STORY, verbosity=0)
    return Story.objects.get(title=HOSTILE_STORY)


def _patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":
                yield from _patterns(entry, prefix + str(entry.pattern))
        elif entry.name:
            yield prefix + str(entry.pattern), entry


# Pages that only take a POST (a GET answers 405).
POST_ONLY = {
    "article-line-correct",
    "article-title-line",
    "article-check",
    "story-check",
    "row-correction-undo",
    "logout",
}


def site_url_names() -> list[str]:
    """Every named URL of the site (the admin's own aside), as found in the URLconf."""
    return sorted({pattern.name for _, pattern in _patterns(get_resolver()) if pattern.name})


def url_for(name: str, story: Story) -> str:
    """The URL `name` filled in with this story, its first article, first group and first
    statement found in one article only."""
    article = Article.objects.filter(story=story).order_by("pk").first()
    group = ClaimGroup.objects.filter(story=story).order_by("pk").first()
    lone = Claim.objects.filter(article__story=story, groups=None).order_by("pk").first()
    values = {
        "slug": story.slug,
        "pk": article.pk if article else 1,
        "group_id": group.pk if group else 1,
        "claim_id": lone.pk if lone else 1,
        "index": 0,
    }
    pattern = dict((p.name, p) for _, p in _patterns(get_resolver()))[name]
    wanted = pattern.pattern.converters.keys()
    return reverse(name, kwargs={key: values[key] for key in wanted})
