"""Cleaning: what copying and scraping leave in an article, found line by line and removed.

`clean_text` takes text copied from a page (junk included), `clean_html` a saved page (trafilatura
first, then the same line rules). Both return a `Cleaned` (types.py): the body, the title and
every removed span with its reason, and the publication date and site name found.
`normalise_line` is the form in which editors' corrections and outlet rules compare lines.
`outlet_from_url` names an outlet after its URL's domain, `dateline_date` and `iso_date` read
dates, `page_metadata` reads a page's site name and date (metadata.py).
"""

from newsdiff.textcore.clean.features import normalise_line
from newsdiff.textcore.clean.htmlpage import clean_html
from newsdiff.textcore.clean.metadata import (
    PageMetadata,
    dateline_date,
    iso_date,
    outlet_from_url,
    page_metadata,
)
from newsdiff.textcore.clean.text import clean_text

__all__ = [
    "PageMetadata",
    "clean_html",
    "clean_text",
    "dateline_date",
    "iso_date",
    "normalise_line",
    "outlet_from_url",
    "page_metadata",
]
