"""Create (or refresh) the local editor account that `make run` prints, and print how to sign in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from newsdiff.accounts.roles import EDITORS, role_assign
from newsdiff.local_secrets import kept_secret


class Command(BaseCommand):
    help = "Create the local editor account and print its user name and password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="editor")
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="where the app runs")

    def handle(self, *args: Any, **options: Any) -> None:
        password = _local_password(settings.BASE_DIR / ".editor-password")
        user, _ = get_user_model().objects.get_or_create(username=options["username"])
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        role_assign(user, role=EDITORS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in at {options['url']} as {user.get_username()!r} with password {password!r}"
            )
        )


def _local_password(path: Path) -> str:
    """NEWSDIFF_EDITOR_PASSWORD, else the one kept in .editor-password, else a new one."""
    return kept_secret(path, env_var="NEWSDIFF_EDITOR_PASSWORD", nbytes=12)
