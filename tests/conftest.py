"""Fixtures shared by the Django tests: the seed story (loaded once per run), editor accounts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.articles.models import Story

SEEDS = Path(settings.BASE_DIR) / "seeds"
DEMO_TITLE = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["story"]
EDITOR_PASSWORD = "a-long-test-password-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the demo story loaded once for the whole run."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def seed_story(db: None) -> Story:
    story = Story.objects.filter(title=DEMO_TITLE).first()
    if story is None:  # a transactional test emptied the database before this one
        call_command("load_demo", verbosity=0)
        story = Story.objects.get(title=DEMO_TITLE)
    return story


@pytest.fixture
def editor(db: None, django_user_model: type[User]) -> User:
    user = django_user_model.objects.create_user("jo", password=EDITOR_PASSWORD)
    role_assign(user, role=EDITORS)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks run at once in tests (the worker's own behaviour has its own tests)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
