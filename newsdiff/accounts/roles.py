"""The two roles: Editors upload and edit articles, Readers only browse.

A role is a Django group with model permissions on the articles app; `ensure_roles` creates
or completes both (it runs in the accounts migration and after every `migrate`).
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.models import AbstractBaseUser

EDITORS = "Editors"
READERS = "Readers"
ARTICLES_APP = "articles"
# The permission every write in the web interface asks for (see access.can_edit).
EDIT_PERMISSION = f"{ARTICLES_APP}.add_article"
EDITOR_ACTIONS = ("add", "change", "delete", "view")
READER_ACTIONS = ("view",)
ROLE_ACTIONS = {EDITORS: EDITOR_ACTIONS, READERS: READER_ACTIONS}


def ensure_roles(*, apps: Apps = global_apps, using: str = "default") -> None:
    """Create the Editors and Readers groups and give them their permissions (idempotent)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, actions in ROLE_ACTIONS.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        wanted = permission_model.objects.using(using).filter(
            content_type__app_label=ARTICLES_APP,
            codename__regex=rf"^({'|'.join(actions)})_",
        )
        group.permissions.add(*wanted)


def role_assign(user: AbstractBaseUser, *, role: str) -> None:
    """Make the user a member of exactly this role (an Editor is not also a Reader)."""
    from django.contrib.auth.models import Group

    ensure_roles()
    others = Group.objects.filter(name__in=ROLE_ACTIONS).exclude(name=role)
    user.groups.remove(*others)  # type: ignore[attr-defined]
    user.groups.add(Group.objects.get(name=role))  # type: ignore[attr-defined]
