"""Who may do what in the web interface: one permission check, used by the views.

Editors (members of the Editors group, or superusers) upload and edit; everyone else who is
signed in only browses. Views that change anything are wrapped in `editor_required`; a
reader who reaches one gets a 403 page saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from newsdiff.accounts.roles import EDIT_PERMISSION

READ_ONLY = (
    "Your account can read stories but not change them: ask an editor to upload the article, "
    "or an administrator to add you to the Editors group."
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

View = Callable[..., HttpResponse]


def can_edit(user: User | AnonymousUser) -> bool:
    """True for an active, signed-in user with the editors' permission."""
    return bool(user.is_authenticated and user.has_perm(EDIT_PERMISSION))


def editor_required(view: View) -> View:
    """Refuse the view (any method) to anyone who cannot edit: 403 with `READ_ONLY`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_edit(request.user):
            raise PermissionDenied(READ_ONLY)
        return view(request, *args, **kwargs)

    return wrapped


def editor_required_for_writes(view: View) -> View:
    """Let anyone signed in read the view; POST, PUT, PATCH and DELETE need an editor."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in SAFE_METHODS and not can_edit(request.user):
            raise PermissionDenied(READ_ONLY)
        return view(request, *args, **kwargs)

    return wrapped
