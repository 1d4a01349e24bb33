"""The grid's rows as HTML, written in Python: a thirty-outlet story has over a thousand
cells, and the template language spent most of the page's time on them (and on the rows).

Every text from an article is escaped here (`html.escape`, quotes too); nothing else is
interpolated.
The markup is the one `templates/compare/story_detail.html` documents (`.claim`, `.differs`,
`details.own`); `data-outlet` names a non-empty cell's outlet for print, where columns become
bands and the header row is far away.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from newsdiff.articles.models import Claim
from newsdiff.compare.grid import EXPANDED, SHARED_ONLY, Cell, Disagreement, GridRow
from newsdiff.compare.overview.wording import central, excerpt
from newsdiff.compare.rows import SHARED_ALL, SHARED_SEVERAL

DIFFERS_MARK = '<span class="differs-mark" aria-hidden="true">≠</span>'


MARKERS = {SHARED_ALL: "●●", SHARED_SEVERAL: "●○"}  # and ★ for a statement of one outlet
# A shared row's head names its statement (its central wording) in so many characters: with ten
# outlets a row's claims may all sit in columns scrolled out of view.
LABEL_CHARS = 90


def grid_rows(
    rows: Sequence[GridRow],
    query: str,
    view: str,
    total_articles: int,
    corrected: Mapping[int, Sequence[str]] | None = None,
) -> SafeString:
    """The `<tr>`s of the grid's body. `query` is the page's query string without `group` and
    `claim` (`?…`), to which a shared row's link adds its group and a statement of one outlet
    its claim; "shared only" leaves out the rows of outlets' own statements; `corrected` names
    the editors who corrected a row, by group."""
    corrected = corrected or {}
    found = []
    for row in rows:
        if row.is_shared:
            found.append(
                _shared_row(
                    row,
                    f"{query}&group={row.group_id}" if query else f"?group={row.group_id}",
                    view,
                    total_articles,
                    corrected.get(row.group_id, ()) if row.group_id is not None else (),
                    query,
                )
            )
        elif view != SHARED_ONLY:
            found.append(
                '<tr class="row row-gap"><th scope="row" class="row-head">'
                '<span class="claim-marker marker-unique" aria-hidden="true">★</span>'
                f' <span class="row-share">{row.claim_count} only here</span></th>'
                f"{row_cells(row, '', view, query)}</tr>"
            )
    return mark_safe("".join(found))


def _shared_row(
    row: GridRow,
    row_url: str,
    view: str,
    total_articles: int,
    editors: Sequence[str],
    query: str,
) -> str:
    if row.status == SHARED_ALL:
        share = "Shared by all"
    elif row.status == SHARED_SEVERAL:
        share = f"Shared by {row.outlet_count} of {total_articles}"
    else:
        share = "Only here"
    statement = central([claim.text for cell in row.cells for claim in cell.claims])
    head = [
        f'<span class="claim-marker marker-{escape(row.status)}" aria-hidden="true">'
        f"{MARKERS.get(row.status, '★')}</span>",
        f'<span class="row-share">{share}</span>',
        f'<span class="row-label" title="{escape(statement)}">'
        f"{escape(excerpt(statement, LABEL_CHARS))}</span>",
        f'<a class="row-open" href="{escape(row_url)}#statement" data-group="{row.group_id}">'
        "Compare versions</a>",
        *(
            [f'<span class="corrected-mark">Corrected by {escape(", ".join(editors))}</span>']
            if editors
            else []
        ),
        *(_disagreement(disagreement) for disagreement in row.disagreements),
    ]
    differs = " row-differs" if row.disagreements else ""
    return (
        f'<tr class="row row-{escape(row.status)}{differs}" id="group-{row.group_id}">'
        f'<th scope="row" class="row-head">{" ".join(head)}</th>'
        f"{row_cells(row, row_url, view, query)}</tr>"
    )


def _disagreement(disagreement: Disagreement) -> str:
    tail = f" {escape(disagreement.tail)}" if disagreement.tail else ""
    versions = " <em>vs</em> ".join(
        f'{escape(version.shown or version.text)}<span class="visually-hidden">'
        f"{tail} ({escape(', '.join(version.outlets))})</span>"
        for version in disagreement.versions
    )
    shown_tail = f'<span aria-hidden="true">{tail}</span>' if tail else ""
    return (
        f'<span class="disagreement"><strong>{DIFFERS_MARK} {escape(disagreement.label)}:'
        f"</strong> {versions}{shown_tail}</span>"
    )


def row_cells(row: GridRow, row_url: str, view: str, query: str) -> SafeString:
    """The row's `<td>`s: a shared row's claims link to the statement at `row_url`, an outlet's
    own statements to their own panel (the page's `query` with the claim)."""
    return mark_safe("".join(_cell(row, cell, escape(row_url), view, query) for cell in row.cells))


def _cell(row: GridRow, cell: Cell, href: str, view: str, query: str) -> str:
    own = cell.own if view != SHARED_ONLY else ()
    if row.is_shared:
        inside = [_shared_claim(row, claim, href) for claim in cell.claims]
        inside += [f'<span class="differs">{DIFFERS_MARK} {escape(t)}</span>' for t in cell.differs]
        if own:
            inside.append(_own(own, view, query, after=bool(cell.claims)))
    else:
        inside = [_own(cell.claims, view, query, after=False)] if cell.claims else []
    if not inside:
        return "<td></td>"
    return f'<td data-outlet="{escape(cell.outlet)}">{"".join(inside)}</td>'


def _shared_claim(row: GridRow, claim: Claim, href: str) -> str:
    return (
        f'<div class="claim claim-{row.status}" id="claim-{claim.pk}" data-group="{row.group_id}">'
        f'<a class="claim-link" href="{href}#statement">{escape(claim.text)}</a>'
        f"{_credit(claim)}{_version_note(claim)}</div>"
    )


def _own(claims: Sequence[Claim], view: str, query: str, *, after: bool) -> str:
    """An outlet's own statements, folded; each links to its panel (the statements of other
    outlets most alike to it, and "Same as…" for editors)."""
    opened = " open" if view == EXPANDED else ""
    summary = f"{'+ ' if after else ''}{len(claims)} only here"
    inside = "".join(
        f'<div class="claim claim-unique" id="claim-{claim.pk}">'
        f'<p class="claim-text"><a class="own-link" href="{_claim_href(query, claim)}"'
        f' data-claim="{claim.pk}">{escape(claim.text)}</a></p>'
        f"{_credit(claim)}{_version_note(claim)}</div>"
        for claim in claims
    )
    return f'<details class="own"{opened}><summary>{summary}</summary>{inside}</details>'


def _claim_href(query: str, claim: Claim) -> str:
    return escape(f"{query}&claim={claim.pk}" if query else f"?claim={claim.pk}") + "#statement"


def _credit(claim: Claim) -> str:
    if not claim.speaker:
        return ""
    return f' <span class="claim-meta">Credited to {escape(claim.speaker)}</span>'


def _version_note(claim: Claim) -> str:
    """ "Added in version 2" on a claim of an article that changed (`compare.versions`)."""
    later = getattr(claim, "later_version", None)
    if later is None:
        return ""
    return f' <span class="claim-meta claim-version">{escape(later.label.capitalize())}</span>'
