"""`{% corrected_note corrected_rows group_id %}`: "Corrected by …" on a row an editor corrected."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def corrected_note(corrected_rows: dict[int, list[str]] | None, group_id: int | None) -> str:
    names = (corrected_rows or {}).get(group_id) if group_id is not None else None
    if not names:
        return SafeString("")
    return format_html('<span class="corrected-mark">Corrected by {}</span>', ", ".join(names))
