"""Who published an article and when: the page's own metadata, else its URL or its dateline.

`page_metadata` reads a saved page: the outlet from `og:site_name`, `application-name` or the
JSON-LD publisher; the date from `article:published_time` (and its relatives), the JSON-LD
`datePublished`, or a `<time datetime>`; its address from `<link rel="canonical">` or `og:url`.
`outlet_from_url` names an outlet after its domain
(a small table of well-known ones, else the domain without "www" and its suffix, title-cased).
`dateline_date` reads the date a line of text states ("Published April 11, 2007",
"3 July 2013 Last updated at 04:46"). Dates come back as ISO 8601 strings ("2007-04-11", or
with the time and offset when the page gives them); anything unreadable gives "".

Every pattern here is linear: no nested or overlapping quantifiers, and JSON-LD is read only
in scripts of bounded size and depth.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from newsdiff.textcore.clean.rules import MONTHS

# <meta> names (property, name or itemprop, compared casefolded) in order of trust.
SITE_NAME_META = ("og:site_name", "application-name", "twitter:site:name", "publisher")
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date",
    "pubdate", "publishdate", "publish-date", "article.published", "date",
)  # fmt: skip
JSON_LD_MAX_CHARS = 200_000
JSON_LD_MAX_DEPTH = 6
JSON_LD_MAX_NODES = 500
MAX_NAME_CHARS = 200
MAX_URL_CHARS = 1000
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
YEARS = range(1900, 2101)

ISO_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,9})?\s?(Z|[+-]\d{2}:?\d{2})?)?"
)
# "April 11, 2007", "Apr. 11th 2007", "11 April 2007", "3 July 2013": the month by name.
_MONTH_NAME = r"(?P<month>[A-Za-z]{3,9})\.?"
MONTH_FIRST = re.compile(
    rf"\b{_MONTH_NAME}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year>\d{{4}})\b"
)
DAY_FIRST = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH_NAME},?\s(?P<year>\d{{4}})\b"
)
PUBLISHED_CUE = re.compile(r"\b(?:published|posted|first published|dateline)\b", re.IGNORECASE)

# Outlets by domain (the domain or any parent of the host matches).
WELL_KNOWN_OUTLETS = {
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "nypost.com": "New York Post",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "npr.org": "NPR",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "thehill.com": "The Hill",
    "bloomberg.com": "Bloomberg",
    "cnbc.com": "CNBC",
    "forbes.com": "Forbes",
    "businessinsider.com": "Business Insider",
    "huffpost.com": "HuffPost",
    "theatlantic.com": "The Atlantic",
    "newsweek.com": "Newsweek",
    "time.com": "Time",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "afp.com": "AFP",
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "dailymail.co.uk": "Daily Mail",
    "news.sky.com": "Sky News",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "DW",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "lemonde.fr": "Le Monde",
    "spiegel.de": "Der Spiegel",
    "cbc.ca": "CBC News",
    "theglobeandmail.com": "The Globe and Mail",
    "abc.net.au": "ABC News (Australia)",
    "smh.com.au": "The Sydney Morning Herald",
    "scmp.com": "South China Morning Post",
    "japantimes.co.jp": "The Japan Times",
    "timesofindia.indiatimes.com": "The Times of India",
    "kyivindependent.com": "The Kyiv Independent",
    "themoscowtimes.com": "The Moscow Times",
}
# Public suffixes of two labels ("co.uk"): a domain's name is the label before them.
TWO_LABEL_SUFFIXES = frozenset(
    {"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp",
     "co.za", "co.in", "com.br", "com.mx", "com.ar", "com.tr", "co.kr", "com.cn", "com.hk",
     "com.sg", "co.il", "com.ua", "com.pl", "go.com"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself: the outlet's name, the publication date (ISO 8601) and
    its own address (http or https), each "" when the page does not say."""

    site_name: str = ""
    published: str = ""
    url: str = ""


def page_metadata(html: str) -> PageMetadata:
    """The site name and publication date a page states in its metadata."""
    root = _parsed(html)
    if root is None:
        return PageMetadata()
    metas = _meta_values(root)
    linked = list(_json_ld_nodes(root))
    site = _first(metas.get(name, "") for name in SITE_NAME_META) or _publisher(linked)
    published = (
        _first(iso_date(metas.get(name, "")) for name in PUBLISHED_META)
        or _first(iso_date(_text(node.get("datePublished"))) for node in linked)
        or _time_element_date(root)
    )
    url = _canonical(root) or _web_address(metas.get("og:url", ""))
    return PageMetadata(_name(site), published, url)


def outlet_from_url(url: str) -> str:
    """A readable outlet name for a URL: "https://www.nytimes.com/…" -> "The New York Times",
    "https://news.example-daily.co.uk/…" -> "Example Daily"; "" without a host."""
    try:
        host = (urlsplit(url.strip()).hostname or "").casefold().rstrip(".")
    except ValueError:
        return ""
    host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return ""
    for start in range(len(labels) - 1):
        known = WELL_KNOWN_OUTLETS.get(".".join(labels[start:]))
        if known:
            return known
    suffix = 2 if ".".join(labels[-2:]) in TWO_LABEL_SUFFIXES and len(labels) > 2 else 1
    name = labels[-1 - suffix]
    return " ".join(part.capitalize() for part in name.replace("_", "-").split("-") if part)


def dateline_date(line: str) -> str:
    """The date a line states, as "YYYY-MM-DD": "Published April 11, 2007", "3 July 2013
    Last updated at 04:46", "2019-11-19 08:02"; "" when it states none (or only "3 hours ago")."""
    for pattern in (MONTH_FIRST, DAY_FIRST):
        for match in pattern.finditer(line):
            month = MONTHS.get(match["month"].casefold())
            found = _calendar_date(match["year"], month, match["day"]) if month else ""
            if found:
                return found
    iso = ISO_DATE.search(line)
    return _calendar_date(iso[1], iso[2], iso[3]) if iso else ""


def has_published_cue(line: str) -> bool:
    """The line says the date is the publication's ("Published …", "Posted …")."""
    return PUBLISHED_CUE.search(line) is not None


def iso_date(value: str) -> str:
    """A date or date-time as metadata writes it (ISO 8601, or RFC 2822 "Tue, 19 Nov 2019
    08:02:00 GMT"), as ISO 8601; "" if it is none."""
    value = value.strip()[:100]
    match = ISO_DATE.match(value)
    if match:
        return _iso_from_match(match)
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None or parsed.year not in YEARS:
        return dateline_date(value)
    return parsed.isoformat()


# --- pieces -------------------------------------------------------------------------------


def _iso_from_match(match: re.Match[str]) -> str:
    day = _calendar_date(match[1], match[2], match[3])
    if not day or match[4] is None:
        return day
    offset = match[7] or ""
    if offset and offset != "Z" and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        moment = datetime.fromisoformat(
            f"{day}T{int(match[4]):02d}:{match[5]}:{match[6] or '00'}{offset}"
        )
    except ValueError:
        return day
    return moment.isoformat()


def _calendar_date(year: str | int, month: str | int | None, day: str | int) -> str:
    try:
        found = date(int(year), int(month or 0), int(day))
    except ValueError:
        return ""
    return found.isoformat() if found.year in YEARS else ""


def _parsed(html: str) -> HtmlElement | None:
    """The page parsed as the text it is (its `<meta charset>` was already applied)."""
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (ValueError, etree.ParserError):
        return None


def _meta_values(root: HtmlElement) -> dict[str, str]:
    """Each `<meta>`'s content by its property, name or itemprop (casefolded); the first wins."""
    values: dict[str, str] = {}
    for tag in root.iter("meta"):
        content = (tag.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = tag.get(attribute)
            if key:
                values.setdefault(key.strip().casefold(), content)
    return values


def _json_ld_nodes(root: HtmlElement) -> Iterator[dict[str, object]]:
    """The objects of the page's JSON-LD scripts (a bounded number, to a bounded depth)."""
    count = 0
    for script in root.iter("script"):
        if (script.get("type") or "").strip().casefold() != "application/ld+json":
            continue
        source = script.text or ""
        if len(source) > JSON_LD_MAX_CHARS:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for node in _objects(data, JSON_LD_MAX_DEPTH):
            count += 1
            if count > JSON_LD_MAX_NODES:
                return
            yield node


def _objects(data: object, depth: int) -> Iterator[dict[str, object]]:
    if depth <= 0:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth - 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "isPartOf", "itemListElement"):
            if key in data:
                yield from _objects(data[key], depth - 1)


def _canonical(root: HtmlElement) -> str:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split():
            return _web_address(link.get("href") or "")
    return ""


def _web_address(value: str) -> str:
    """The value if it is a whole http(s) address of a sane length, else ""."""
    value = value.strip()
    if len(value) > MAX_URL_CHARS or any(char.isspace() for char in value):
        return ""
    return value if value.casefold().startswith(("http://", "https://")) else ""


def _publisher(nodes: list[dict[str, object]]) -> str:
    for node in nodes:
        publisher = node.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        name = publisher.get("name") if isinstance(publisher, dict) else publisher
        if isinstance(name, str) and name.strip():
            return name
    return ""


def _time_element_date(root: HtmlElement) -> str:
    """The `<time datetime>` marked as the publication date, else the first in the article
    (`<article>` or `<main>`), else the first on the page."""
    times = [tag for tag in root.iter("time") if tag.get("datetime")]
    marked = [t for t in times if t.get("itemprop") == "datePublished" or "pubdate" in t.attrib]
    inside = [t for t in times if _inside(t, ("article", "main"))]
    for time in (*marked[:1], *inside[:1], *times[:1]):
        found = iso_date(time.get("datetime") or "")
        if found:
            return found
    return ""


def _inside(tag: HtmlElement, names: tuple[str, ...]) -> bool:
    return any(parent.tag in names for parent in tag.iterancestors())


def _text(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, str) else ""


def _first(values: Iterable[str]) -> str:
    return next((value for value in values if value), "")


def _name(value: str) -> str:
    return " ".join(value.split())[:MAX_NAME_CHARS]
