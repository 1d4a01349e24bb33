"""The coverage matrix and the outlets' bars, drawn as SVG on the server.

Every piece of text goes through `format_html` (escaped: article text is untrusted). Shape
carries the meaning as well as colour, for print and colour-blind readers: a full square has
the statement word for word or nearly, a square with its lower half-triangle filled paraphrases
it, a dashed empty outline lacks it. Each cell and row label has a `<title>` (the tooltip).
Only presentation attributes are used: the page's CSP allows no inline `style`.

Column labels are turned 50 degrees and cut at HEAD_CHARS, so thirty outlets fit in narrow
columns and no label runs into the next; the full name is the label's tooltip and the table
view's header. The three cell shapes are drawn once (`<symbol>`): a thirty-outlet matrix has a
couple of thousand cells. A cell that has or paraphrases the statement places its shape with
`<use href="#matrix-has">` (and its tooltip); the cells that lack it, most of a wide matrix,
are the dashed square as a pattern tile (`#matrix-lacking`), one rectangle per run of them in
a row (`rect.matrix-lacks`, as many cells wide as it covers), which draws the same pixels.
The cells are written with `html.escape` rather than `format_html`, for the same reason.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from html import escape

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from newsdiff.compare.overview.coverage import (
    HAS,
    LACKS,
    PARAPHRASES,
    STATES,
    Coverage,
    CoverageCell,
    CoverageRow,
    OutletSummary,
)
from newsdiff.compare.overview.wording import excerpt

LABEL_WIDTH = 430  # the statements' column; narrower when there are many outlets
NARROW_LABEL_WIDTH = 330
MANY_COLUMNS = 20
CELL_WIDTH = 30
COUNT_WIDTH = 70
ROW_HEIGHT = 26
FOOT_HEIGHT = 34
GLYPH = 16
LABEL_CHARS = 62
NARROW_LABEL_CHARS = 46
HEAD_CHARS = 24  # a column label longer than this is cut; the full name is its tooltip
HEAD_CHAR_WIDTH = 7  # about, at 12px bold
HEAD_ANGLE = 50  # degrees, the column labels read upwards to the right
TIP_CHARS = 90

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1d232b"
MUTED = "#5b6570"
RULE = "#dcd8cf"
STRIPE = "#f6f4ef"
COLOURS = {HAS: "#1e6b3a", PARAPHRASES: "#1f4f96", LACKS: "#8b9199"}
TIP_STATES = {HAS: "word for word or nearly", PARAPHRASES: "in its own words", LACKS: "lacks it"}
SHAPES = {HAS: "full square", PARAPHRASES: "half-filled square", LACKS: "dashed empty square"}


def coverage_matrix(coverage: Coverage, *, title: str = "") -> SafeString:
    """Shared statements (rows) by outlet (columns), as an accessible SVG figure."""
    columns = len(coverage.labels)
    head = _head_height(coverage.labels)
    width = _width(coverage.labels)
    height = head + len(coverage.rows) * ROW_HEIGHT + FOOT_HEIGHT
    rows = "".join(_row(n, row, coverage.labels, head) for n, row in enumerate(coverage.rows))
    body = _join(
        [
            _symbols(columns, head),
            _head(coverage.labels, head),
            mark_safe(rows),
            _foot(coverage, head),
        ]
    )
    return format_html(
        '<svg xmlns="{ns}" class="matrix" role="group" width="{w}"'
        ' height="{h}" viewBox="0 0 {w} {h}" font-family="{font}" font-size="13" fill="{ink}"'
        ' aria-label="{label}" aria-describedby="matrix-desc" data-columns="{columns}">'
        '<title>{title}</title><desc id="matrix-desc">{desc}</desc>{body}</svg>',
        ns=SVG_NS,
        w=width,
        h=height,
        font=FONT,
        ink=INK,
        columns=columns,
        label=_summary(coverage),
        title=f"Coverage of the shared statements{': ' + title if title else ''}",
        desc=_description(coverage),
        body=body,
    )


def column_label(label: str) -> str:
    """A column's label as the matrix shows it: cut at HEAD_CHARS."""
    return excerpt(label, HEAD_CHARS)


def _left(columns: int) -> int:
    """Where the first column starts: after the statements, narrower for many outlets."""
    return NARROW_LABEL_WIDTH if columns > MANY_COLUMNS else LABEL_WIDTH


@lru_cache(maxsize=64)  # asked for each row
def _head_height(labels: tuple[str, ...]) -> int:
    longest = max((len(column_label(label)) for label in labels), default=0)
    return 24 + math.ceil(longest * HEAD_CHAR_WIDTH * math.sin(math.radians(HEAD_ANGLE)))


@lru_cache(maxsize=64)  # asked for each row
def _width(labels: tuple[str, ...]) -> int:
    """Room for the columns, and for the last label leaning out to the right."""
    longest = max((len(column_label(label)) for label in labels), default=0)
    overhang = math.ceil(longest * HEAD_CHAR_WIDTH * math.cos(math.radians(HEAD_ANGLE)))
    return _left(len(labels)) + len(labels) * CELL_WIDTH + max(COUNT_WIDTH, overhang)


def _symbols(columns: int, head: int) -> SafeString:
    """The three shapes, and the one of a lacking cell as a pattern tile of the cells' grid."""
    symbols = "".join(
        f'<symbol id="matrix-{state}" width="{GLYPH + 2}" height="{GLYPH + 2}"'
        f' viewBox="-1 -1 {GLYPH + 2} {GLYPH + 2}">{glyph(state, 0, 0)}</symbol>'
        for state in (HAS, PARAPHRASES, LACKS)
    )
    x, y = _glyph_offset()
    tile = (
        f'<pattern id="matrix-lacking" patternUnits="userSpaceOnUse" x="{_left(columns)}"'
        f' y="{head}" width="{CELL_WIDTH}" height="{ROW_HEIGHT}">'
        f'<use href="#matrix-{LACKS}" x="{x}" y="{y}"/></pattern>'
    )
    return mark_safe(f"<defs>{symbols}{tile}</defs>")


def _glyph_offset() -> tuple[int, int]:
    """Where a cell's shape sits in its CELL_WIDTH x ROW_HEIGHT box."""
    return (CELL_WIDTH - GLYPH) // 2 - 1, (ROW_HEIGHT - GLYPH) // 2 - 1


def legend_glyph(state: str) -> SafeString:
    """One cell symbol on its own, for the legend."""
    return format_html(
        '<svg xmlns="{ns}" class="glyph" width="{s}" height="{s}" viewBox="-1 -1 {v} {v}"'
        ' aria-hidden="true" focusable="false">{glyph}</svg>',
        ns=SVG_NS,
        s=GLYPH,
        v=GLYPH + 2,
        glyph=glyph(state, 0, 0),
    )


def glyph(state: str, x: int, y: int) -> SafeString:
    colour = COLOURS[state]
    if state == HAS:
        return format_html(
            '<rect x="{}" y="{}" width="{s}" height="{s}" fill="{c}" stroke="{c}"'
            ' stroke-width="1.5"/>',
            x,
            y,
            s=GLYPH,
            c=colour,
        )
    if state == PARAPHRASES:
        return format_html(
            '<rect x="{x}" y="{y}" width="{s}" height="{s}" fill="#ffffff" stroke="{c}"'
            ' stroke-width="1.5"/><path d="M{x} {y} L{x} {b} L{r} {b} Z" fill="{c}"/>',
            x=x,
            y=y,
            b=y + GLYPH,
            r=x + GLYPH,
            s=GLYPH,
            c=colour,
        )
    return format_html(
        '<rect x="{}" y="{}" width="{s}" height="{s}" fill="none" stroke="{c}"'
        ' stroke-width="1.2" stroke-dasharray="3 2"/>',
        x,
        y,
        s=GLYPH,
        c=colour,
    )


def outlet_bar(outlet: OutletSummary, shared: int, *, width: int = 200) -> SafeString:
    """How many of the `shared` statements the outlet carries: word for word, then paraphrased."""
    scale = width / shared if shared else 0
    has, para = round(outlet.has * scale), round(outlet.paraphrases * scale)
    return format_html(
        '<svg xmlns="{ns}" class="bar" width="{w}" height="14" viewBox="0 0 {w} 14"'
        ' aria-hidden="true" focusable="false">'
        '<rect x="0.5" y="0.5" width="{t}" height="13" fill="#ffffff" stroke="{lack}"'
        ' stroke-dasharray="3 2"/>'
        '<rect x="0" y="0" width="{has}" height="14" fill="{c_has}"/>'
        '<rect x="{has}" y="0" width="{para}" height="14" fill="#c9d7ee"/>'
        '<rect x="{p_x}" y="0.75" width="{p_w}" height="12.5" fill="none" stroke="{c_para}"'
        ' stroke-width="1.5"/></svg>',
        ns=SVG_NS,
        w=width,
        t=width - 1,
        has=has,
        para=para,
        p_x=has + 0.75 if para else 0,
        p_w=max(para - 1.5, 0),
        lack=COLOURS[LACKS],
        c_has=COLOURS[HAS],
        c_para=COLOURS[PARAPHRASES],
    )


def _head(labels: tuple[str, ...], height: int) -> SafeString:
    heads = []
    base = height - 10
    for column, label in enumerate(labels):
        x = _left(len(labels)) + column * CELL_WIDTH + CELL_WIDTH // 2
        heads.append(
            f'<text class="matrix-outlet" x="{x}" y="{base}" font-size="12" font-weight="700"'
            f' transform="rotate(-{HEAD_ANGLE} {x} {base})"><title>{escape(label)}</title>'
            f"{escape(column_label(label))}</text>"
        )
    return format_html(
        '<g class="matrix-head"><text x="8" y="{y}" fill="{muted}" font-size="12">'
        "Statement (most widely carried first)</text>"
        '{heads}<line x1="0" y1="{line}" x2="{x2}" y2="{line}" stroke="{ink}" stroke-width="2"/>'
        "</g>",
        y=base,
        muted=MUTED,
        heads=mark_safe("".join(heads)),
        line=height - 1,
        x2=_width(labels),
        ink=INK,
    )


def _row(index: int, row: CoverageRow, labels: tuple[str, ...], head: int) -> str:
    top = head + index * ROW_HEIGHT
    width = _width(labels)
    stripe = (
        f'<rect x="0" y="{top}" width="{width}" height="{ROW_HEIGHT}" fill="{STRIPE}"/>'
        if index % 2
        else ""
    )
    text_y = top + ROW_HEIGHT // 2 + 5
    chars = NARROW_LABEL_CHARS if len(labels) > MANY_COLUMNS else LABEL_CHARS
    cells = _lacking_runs(top, row.cells, len(labels)) + "".join(
        _cell(top, column, cell, labels)
        for column, cell in enumerate(row.cells)
        if cell.state != LACKS
    )
    return (
        f'<g class="matrix-row" id="matrix-group-{row.group_id}">{stripe}'
        f'<a href="{escape(row.href)}" class="matrix-label"><title>{escape(row.text)}</title>'
        f'<text x="8" y="{text_y}">{escape(excerpt(row.text, chars))}</text></a>{cells}'
        f'<text x="{_left(len(labels)) + len(labels) * CELL_WIDTH + COUNT_WIDTH - 8}" y="{text_y}"'
        f' text-anchor="end" fill="{MUTED}">{row.outlet_count} of {len(labels)}</text></g>'
    )


def _cell(top: int, column: int, cell: CoverageCell, labels: tuple[str, ...]) -> str:
    """A cell that has or paraphrases the statement: its shape, with the wording as tooltip."""
    dx, dy = _glyph_offset()
    x = _left(len(labels)) + column * CELL_WIDTH + dx
    return (
        f'<use href="#matrix-{cell.state}" x="{x}" y="{top + dy}">'
        f"<title>{escape(_tip(labels[column], cell))}</title></use>"
    )


def _lacking_runs(top: int, cells: tuple[CoverageCell, ...], columns: int) -> str:
    """The cells that lack the statement, one pattern-filled rectangle per run of them (the
    dashed outline says it; a tooltip would only repeat the column)."""
    runs: list[tuple[int, int]] = []  # first column, how many
    for column, cell in enumerate(cells):
        if cell.state != LACKS:
            continue
        if runs and sum(runs[-1]) == column:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((column, 1))
    left = _left(columns)
    return "".join(
        f'<rect class="matrix-lacks" x="{left + first * CELL_WIDTH}" y="{top}"'
        f' width="{count * CELL_WIDTH}" height="{ROW_HEIGHT}" fill="url(#matrix-lacking)"/>'
        for first, count in runs
    )


def _foot(coverage: Coverage, head: int) -> SafeString:
    top = head + len(coverage.rows) * ROW_HEIGHT
    left = _left(len(coverage.labels))
    totals = "".join(
        f'<text x="{left + column * CELL_WIDTH + CELL_WIDTH // 2}" y="{top + 22}"'
        f' text-anchor="middle" font-weight="700">{coverage.carried(column)}</text>'
        for column in range(len(coverage.labels))
    )
    return format_html(
        '<g class="matrix-foot"><line x1="0" y1="{top}" x2="{x2}" y2="{top}" stroke="{rule}"/>'
        '<text x="8" y="{y}" fill="{muted}">Statements each outlet carries</text>{totals}</g>',
        top=top + 0.5,
        x2=_width(coverage.labels),
        rule=RULE,
        y=top + 22,
        muted=MUTED,
        totals=mark_safe(totals),
    )


def _tip(label: str, cell: CoverageCell) -> str:
    tip = f"{label}: {TIP_STATES[cell.state]}"
    if cell.like:
        tip += f", as {cell.like_briefly}"
    if cell.claims and cell.state != HAS:  # word for word: the row's label says it
        tip += f". “{excerpt(cell.text, TIP_CHARS)}”"
    return tip


def _summary(coverage: Coverage) -> str:
    legend = "; ".join(f"{SHAPES[state]}: {STATES[state]}" for state in (HAS, PARAPHRASES, LACKS))
    return (
        f"Coverage matrix: {len(coverage.rows)} shared statements (rows) by "
        f"{len(coverage.labels)} outlets (columns). {legend}."
    )


def _description(coverage: Coverage) -> str:
    total = len(coverage.rows)
    return " ".join(
        f"{label} carries {coverage.carried(n)} of {total}: {coverage.carried(n, HAS)} word for"
        f" word or nearly, {coverage.carried(n, PARAPHRASES)} in its own words."
        for n, label in enumerate(coverage.labels)
    )


def _join(parts: Iterable[SafeString | str]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))
