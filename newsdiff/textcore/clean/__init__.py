"""Cleaning: what copying and scraping leave in an article, found line by line and removed.

`clean_text` takes text copied from a page (junk included), `clean_html` a saved page (trafilatura
first, then the same line rules). Both return a `Cleaned` (types.py): the body, the title and
every removed span with its reason. `normalise_line` is the form in which editors' corrections
and outlet rules compare lines.
"""

from newsdiff.textcore.clean.features import normalise_line
from newsdiff.textcore.clean.htmlpage import clean_html
from newsdiff.textcore.clean.text import clean_text

__all__ = ["clean_html", "clean_text", "normalise_line"]
