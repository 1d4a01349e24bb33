"""Fixtures of the view tests: a signed-in reader (who may look but not edit)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from newsdiff.accounts.roles import READERS, role_assign
from tests.conftest import EDITOR_PASSWORD


@pytest.fixture
def reader_client(client: Client, django_user_model: type[User]) -> Client:
    reader = django_user_model.objects.create_user("rae", password=EDITOR_PASSWORD)
    role_assign(reader, role=READERS)
    client.force_login(reader)
    return client
