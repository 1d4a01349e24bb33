"""The coverage matrix and the outlets' bars, drawn as SVG on the server.

Every piece of text goes through `format_html` (escaped: article text is untrusted). Shape
carries the meaning as well as colour, for print and colour-blind readers: a full square has
the statement word for word or nearly, a square with its lower half-triangle filled paraphrases
it, a dashed empty outline lacks it. Each cell and row label has a `<title>` (the tooltip).
Only presentation attributes are used: the page's CSP allows no inline `style`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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

LABEL_WIDTH = 560
CELL_WIDTH = 100
COUNT_WIDTH = 70
ROW_HEIGHT = 30
HEAD_HEIGHT = 58
FOOT_HEIGHT = 34
GLYPH = 16
LABEL_CHARS = 76
HEAD_CHARS = 14
TIP_CHARS = 240

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1d232b"
MUTED = "#5b6570"
RULE = "#dcd8cf"
STRIPE = "#f6f4ef"
COLOURS = {HAS: "#1e6b3a", PARAPHRASES: "#1f4f96", LACKS: "#8b9199"}
SHAPES = {HAS: "full square", PARAPHRASES: "half-filled square", LACKS: "dashed empty square"}


def coverage_matrix(coverage: Coverage, *, title: str = "") -> SafeString:
    """Shared statements (rows) by outlet (columns), as an accessible SVG image."""
    columns = len(coverage.labels)
    width = LABEL_WIDTH + columns * CELL_WIDTH + COUNT_WIDTH
    height = HEAD_HEIGHT + len(coverage.rows) * ROW_HEIGHT + FOOT_HEIGHT
    body = _join(
        [
            _head(coverage.labels),
            *(_row(n, row, coverage.labels) for n, row in enumerate(coverage.rows)),
            _foot(coverage),
        ]
    )
    return format_html(
        '<svg xmlns="{ns}" class="matrix" role="img" width="{w}"'
        ' height="{h}" viewBox="0 0 {w} {h}" font-family="{font}" font-size="13" fill="{ink}"'
        ' aria-label="{label}" aria-describedby="matrix-desc">'
        '<title>{title}</title><desc id="matrix-desc">{desc}</desc>{body}</svg>',
        ns=SVG_NS,
        w=width,
        h=height,
        font=FONT,
        ink=INK,
        label=_summary(coverage),
        title=f"Coverage of the shared statements{': ' + title if title else ''}",
        desc=_description(coverage),
        body=body,
    )


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


def _head(labels: tuple[str, ...]) -> SafeString:
    heads = []
    for column, label in enumerate(labels):
        x = LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH // 2
        lines = _wrap(label, HEAD_CHARS)
        first_y = HEAD_HEIGHT - 12 - 16 * (len(lines) - 1)
        spans = format_html_join(
            "",
            '<tspan x="{}" y="{}">{}</tspan>',
            ((x, first_y + 16 * n, line) for n, line in enumerate(lines)),
        )
        heads.append(
            format_html(
                '<text class="matrix-outlet" text-anchor="middle" font-weight="700">'
                "<title>{}</title>{}</text>",
                label,
                spans,
            )
        )
    return format_html(
        '<g class="matrix-head"><text x="8" y="{y}" fill="{muted}" font-size="12">'
        "Statement (most widely carried first)</text>"
        '<text x="{cx}" y="{y}" text-anchor="end" fill="{muted}" font-size="12">Outlets</text>'
        '{heads}<line x1="0" y1="{line}" x2="{x2}" y2="{line}" stroke="{ink}" stroke-width="2"/>'
        "</g>",
        y=HEAD_HEIGHT - 12,
        cx=LABEL_WIDTH + len(labels) * CELL_WIDTH + COUNT_WIDTH - 8,
        muted=MUTED,
        heads=_join(heads),
        line=HEAD_HEIGHT - 1,
        x2=LABEL_WIDTH + len(labels) * CELL_WIDTH + COUNT_WIDTH,
        ink=INK,
    )


def _row(index: int, row: CoverageRow, labels: tuple[str, ...]) -> SafeString:
    top = HEAD_HEIGHT + index * ROW_HEIGHT
    width = LABEL_WIDTH + len(labels) * CELL_WIDTH + COUNT_WIDTH
    stripe = (
        format_html(
            '<rect x="0" y="{}" width="{}" height="{}" fill="{}"/>', top, width, ROW_HEIGHT, STRIPE
        )
        if index % 2
        else ""
    )
    cells = _join(_cell(top, column, cell, labels) for column, cell in enumerate(row.cells))
    return format_html(
        '<g class="matrix-row" id="matrix-group-{id}">{stripe}'
        '<a href="{href}" class="matrix-label"><title>{full}</title>'
        '<text x="8" y="{text_y}">{label}</text></a>{cells}'
        '<text x="{count_x}" y="{text_y}" text-anchor="end" fill="{muted}">'
        "{count} of {total}</text>"
        "</g>",
        id=row.group_id,
        stripe=stripe,
        href=row.href,
        full=row.text,
        text_y=top + ROW_HEIGHT // 2 + 5,
        label=excerpt(row.text, LABEL_CHARS),
        cells=cells,
        count_x=width - 8,
        muted=MUTED,
        count=row.outlet_count,
        total=len(labels),
    )


def _cell(top: int, column: int, cell: CoverageCell, labels: tuple[str, ...]) -> SafeString:
    left = LABEL_WIDTH + column * CELL_WIDTH
    return format_html(
        '<g class="matrix-cell matrix-{state}"><title>{tip}</title>'
        '<rect x="{left}" y="{top}" width="{w}" height="{h}" fill="#ffffff" fill-opacity="0"/>'
        "{glyph}</g>",
        state=cell.state,
        tip=_tip(labels[column], cell),
        left=left,
        top=top,
        w=CELL_WIDTH,
        h=ROW_HEIGHT,
        glyph=glyph(cell.state, left + (CELL_WIDTH - GLYPH) // 2, top + (ROW_HEIGHT - GLYPH) // 2),
    )


def _foot(coverage: Coverage) -> SafeString:
    top = HEAD_HEIGHT + len(coverage.rows) * ROW_HEIGHT
    totals = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-weight="700">{}</text>',
        (
            (
                LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH // 2,
                top + 22,
                coverage.carried(column),
            )
            for column in range(len(coverage.labels))
        ),
    )
    return format_html(
        '<g class="matrix-foot"><line x1="0" y1="{top}" x2="{x2}" y2="{top}" stroke="{rule}"/>'
        '<text x="8" y="{y}" fill="{muted}">Statements each outlet carries</text>{totals}</g>',
        top=top + 0.5,
        x2=LABEL_WIDTH + len(coverage.labels) * CELL_WIDTH + COUNT_WIDTH,
        rule=RULE,
        y=top + 22,
        muted=MUTED,
        totals=totals,
    )


def _tip(label: str, cell: CoverageCell) -> str:
    tip = f"{label}: {STATES[cell.state]}"
    if cell.like:
        tip += f" (same wording as {', '.join(cell.like)})"
    if cell.claims:
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


def _wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of about `width` characters, the last one cut short."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], excerpt(" ".join(out[lines - 1 :]), width)]
    return [excerpt(line, width) for line in out] or [""]


def _join(parts: Iterable[SafeString | str]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))
