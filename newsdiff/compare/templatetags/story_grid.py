"""`{% row_cells row row_url view %}`: a grid row's cells (see `compare.grid_html`)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from newsdiff.compare.grid import GridRow
from newsdiff.compare.grid_html import row_cells as cells_html

register = template.Library()


@register.simple_tag
def row_cells(row: GridRow, row_url: str, view: str) -> SafeString:
    return cells_html(row, row_url or "", view)
