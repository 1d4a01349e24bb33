"""The accounts app: keeps the role groups in place and throttles the admin's sign-in too."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "newsdiff.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib import admin

        from newsdiff.accounts.forms import AdminSignInForm

        admin.site.login_form = AdminSignInForm
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="newsdiff-ensure-roles")


def _ensure_roles(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """After every migrate (and test-database flush): the groups exist with their permissions."""
    from newsdiff.accounts.roles import ensure_roles

    ensure_roles(using=using)
