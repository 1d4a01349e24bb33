"""`{% query_with key=value %}`: this page's query string with some parameters changed.

A link that changes one thing about the view (a column hidden, the grid expanded, a statement
opened) keeps everything else the address says, so a copied link reproduces what is shown.
An empty value removes the parameter; `group` (the open statement) is dropped unless given.
"""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.template.context import Context

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: Context, **changes: object) -> str:
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    params.pop("group", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + params.urlencode()
