"""The rows of the overview's figures and quotes tables as HTML, written in Python: with thirty
outlets they have over a thousand cells, and the template language spent most of the page's
time on them (and its indentation a tenth of its size).

Every text from an article is escaped here (`html.escape`, quotes too); nothing else is
interpolated. The markup is the one `templates/compare/story_overview.html` styles
(`.figure-mention`, `.quote`, `.tag`); a single space stands where words or inline elements
must stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from newsdiff.compare.overview.figures_table import FigureCell, FigureMention, FigureRow
from newsdiff.compare.overview.quotes_table import QuoteMention, QuoteRow

NOT_STATED = (
    '<span class="none" aria-hidden="true">—</span><span class="visually-hidden">not stated</span>'
)
NOT_QUOTED = (
    '<span class="none" aria-hidden="true">—</span><span class="visually-hidden">not quoted</span>'
)
ODD_TAGS = {
    "value": '<span class="tag tag-odd">≠ different number</span>',
    "qualifier": '<span class="tag tag-odd">≠ hedged differently</span>',
}


def figure_rows(rows: Iterable[FigureRow]) -> SafeString:
    """One `<tr>` per quantity: the figure, each outlet's mentions, whether they agree."""
    return mark_safe("".join(_figure_row(row) for row in rows))


def quote_rows(rows: Iterable[QuoteRow]) -> SafeString:
    """One `<tr>` per quotation: the outlets quoting the same words, each outlet's wording."""
    return mark_safe("".join(_quote_row(row) for row in rows))


def single_quote_rows(rows: Iterable[QuoteRow]) -> SafeString:
    """One `<tr>` per quotation that a single outlet gives: speaker, outlet, its words."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row" class="speaker">{escape(row.speaker)}</th>'
            f'<td><span class="outlet">{escape(mention.article.label)}</span></td>'
            f'<td><a class="quote-words" href="{_claim_href(mention)}">'
            f"“{escape(mention.wording)}”</a></td></tr>"
            for row in rows
            for cell in row.cells
            for mention in cell
        )
    )


def _figure_row(row: FigureRow) -> str:
    cells = "".join(_figure_cell(cell) for cell in row.cells)
    return (
        f'<tr class="figure-row figure-{row.status}">'
        f'<th scope="row" class="quantity">{escape(row.quantity)}</th>{cells}'
        f'<td class="verdict">{_verdict(row)}</td></tr>'
    )


def _figure_cell(cell: FigureCell) -> str:
    inside = " ".join(_figure_mention(mention) for mention in cell.mentions) or NOT_STATED
    odd = ODD_TAGS.get(cell.odd, "")
    opening = '<td class="is-odd">' if cell.odd else "<td>"
    return f"{opening}{inside}{' ' + odd if odd else ''}</td>"


def _figure_mention(mention: FigureMention) -> str:
    text = escape(mention.figure.text)
    return (
        f'<a class="figure-mention" href="{_claim_href(mention)}"'
        f' title="{escape(mention.claim.text)}"><strong class="figure-text">{text}</strong>'
        f' <span class="figure-context">{escape(mention.before)}<mark>{text}</mark>'
        f"{escape(mention.after)}</span></a>"
    )


def _verdict(row: FigureRow) -> str:
    if row.status == "value":
        return '<span class="tag tag-clash">Numbers differ</span>'
    if row.status == "qualifier":
        qualifiers = ", ".join(
            f"{escape(qualifier or 'no qualifier')} ×{count}" for qualifier, count in row.qualifiers
        )
        return (
            '<span class="tag tag-odd">Same number, qualifiers differ</span>'
            f' <span class="qualifiers">{qualifiers}</span>'
        )
    if row.status == "agree":
        return '<span class="tag tag-agree">✓ Agree</span>'
    return '<span class="muted">One outlet</span>'


def _quote_row(row: QuoteRow) -> str:
    verbatim = (
        "".join(f'<span class="outlet">{escape(label)}</span>' for label in row.verbatim)
        or '<span class="muted">No two alike</span>'
    )
    cells = "".join(
        f"<td>{''.join(_quote(mention, row.speaker) for mention in cell) or NOT_QUOTED}</td>"
        for cell in row.cells
    )
    return f'<tr><th scope="row" class="verbatim-summary">{verbatim}</th>{cells}</tr>'


def _quote(mention: QuoteMention, row_speaker: str) -> str:
    href = _claim_href(mention)
    wording = escape(mention.wording)
    if mention.reported:
        kind, tag = " quote-reported", '<span class="tag tag-para">reported</span>'
        words = f'<a class="quote-words" href="{href}">{wording}</a>'
    else:
        kind = " quote-verbatim" if mention.same_words else ""
        tag = _same_words_tag(mention)
        words = f'<a class="quote-words" href="{href}">“{wording}”</a>'
    parts = [tag, words, _credit(mention, row_speaker)]
    inside = " ".join(part for part in parts if part)
    return f'<div class="quote{kind}" id="quote-{mention.claim.pk}">{inside}</div>'


def _same_words_tag(mention: QuoteMention) -> str:
    if mention.exact:
        return '<span class="tag tag-agree">word for word</span>'
    if mention.same_words:
        return '<span class="tag tag-agree">nearly word for word</span>'
    return ""


def _credit(mention: QuoteMention, row_speaker: str) -> str:
    if not mention.speaker:
        return "" if mention.reported else '<span class="claim-meta">No speaker named</span>'
    if mention.speaker != row_speaker:
        return f'<span class="credit">≠ credited to {escape(mention.speaker)}</span>'
    return ""


def _claim_href(mention: FigureMention | QuoteMention) -> str:
    return escape(f"{mention.article.get_absolute_url()}#claim-{mention.claim.pk}")
