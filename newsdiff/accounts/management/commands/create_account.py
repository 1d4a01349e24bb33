"""Create an account with a role (editor or reader), or change the role of an existing one."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from newsdiff.accounts.roles import EDITORS, READERS, role_assign

ROLES = {"editor": EDITORS, "reader": READERS}


class Command(BaseCommand):
    help = "Create an editor or reader account (password from NEWSDIFF_PASSWORD, else generated)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), default="reader")

    def handle(self, *args: Any, **options: Any) -> None:
        user, created = get_user_model().objects.get_or_create(username=options["username"])
        password = ""
        if created:
            password = os.environ.get("NEWSDIFF_PASSWORD") or secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
        role_assign(user, role=ROLES[options["role"]])
        verb = "Created" if created else "Updated"
        shown = f" with password {password!r}" if password else ""
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {options['role']} {user.get_username()!r}{shown}.")
        )
