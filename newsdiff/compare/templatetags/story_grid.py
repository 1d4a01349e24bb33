"""`{% grid_rows rows view total_articles %}`: the grid's body rows (see `compare.grid_html`),
each shared row linking to its statement, each outlet's own statement to its panel, with this
page's query string."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template
from django.http import QueryDict
from django.template.context import Context
from django.utils.safestring import SafeString

from newsdiff.compare.grid import GridRow
from newsdiff.compare.grid_html import grid_rows as rows_html

register = template.Library()


@register.simple_tag(takes_context=True)
def grid_rows(
    context: Context,
    rows: Sequence[GridRow],
    view: str,
    total: int,
    corrected: Mapping[int, Sequence[str]] | None = None,
) -> SafeString:
    """As `{% query_with group=row.group_id %}` would link each row (and `claim=` each
    statement of one outlet), worked out once."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    params.pop("group", None)
    params.pop("claim", None)
    query = params.urlencode()
    return rows_html(rows, f"?{query}" if query else "", view, total, corrected)
