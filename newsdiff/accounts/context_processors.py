"""`can_edit` in every template, so pages can hide what a reader may not use.

Only presentation: the views check the same permission (access.editor_required).
"""

from __future__ import annotations

from django.http import HttpRequest

from newsdiff.accounts.access import can_edit


def access(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    return {"can_edit": bool(user is not None and can_edit(user))}
