"""Frozen dataclasses passed between the steps of the text core and to the Django apps."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What cleaning decided about one block (line or paragraph) of the input."""

    TITLE = "title"
    BODY = "body"
    REMOVED = "removed"


class Reason(StrEnum):
    """Why a block was removed from an article."""

    AD_MARKER = "ad marker"
    COMMENT_FORM = "comment form"
    NAVIGATION = "navigation"
    PROMOTION = "promotion"
    RELATED_LINK = "related link"
    AUTHOR_BIO = "author bio"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    OFF_TOPIC_TAIL = "off-topic tail"
    SECTION_LABEL = "section label"
    BOILERPLATE = "boilerplate"
    EDITOR = "removed by an editor"
    # Not junk: the line that dates the article. Out of the body, shown as metadata.
    DATELINE = "dateline"
    EMPTY = "empty"
    TOO_LONG = "line too long"


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the input, in order, with cleaning's decision.

    `start`/`end` are offsets into the (decoded, newline-normalised) input text for plain
    text; for HTML they index the text extracted from the page.
    """

    text: str
    start: int
    end: int
    role: Role
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An article after cleaning: its headline, its body as editors see it, what was taken out.

    `published` is the publication date (ISO 8601) the page's metadata or the text's dateline
    states; `site_name` the outlet's name the page states (pages only); `date` is what
    trafilatura found. The dateline itself is a removed block with `Reason.DATELINE`.
    """

    title: str
    text: str
    removed: tuple[RemovedSpan, ...]
    blocks: tuple[Block, ...] = ()
    author: str = ""
    date: str = ""
    url: str = ""
    published: str = ""
    site_name: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


class ClaimKind(StrEnum):
    STATEMENT = "statement"
    QUOTE = "quote"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a claim states, normalised so that different wordings compare equal.

    `value` is in base units (50k -> 50000.0, "$100 million" -> 100000000.0); `unit` is e.g.
    "USD", "percent", "" (a plain count); `per` is a rate's period ("month") or "";
    `qualifier` is "about", "up to", "more than", "less than", "at least" or "".
    `start`/`end` index the claim's text. `counted` is what a figure counts, as a word
    without its plural: "dead", "injured", "shot", "people", "shell", "story" (of a
    "three-story" building), "magnitude", "age" or "age of Larson" (an apposition names
    whose), "" when the words around it do not say (`figures.counted`).
    """

    text: str
    value: float
    unit: str = ""
    per: str = ""
    qualifier: str = ""
    start: int = 0
    end: int = 0
    counted: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of an article. `start`/`end` index the article's cleaned text."""

    text: str
    start: int
    end: int
    kind: ClaimKind = ClaimKind.STATEMENT
    speaker: str | None = None
    quote: str | None = None
    figures: tuple[Figure, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """Which claim: the article's position in the story and the claim's position in it."""

    article: int
    claim: int


class MatchKind(StrEnum):
    SAME = "same"
    RELATED = "related"


@dataclass(frozen=True, slots=True)
class Match:
    """Two claims of different articles and how alike they are (score in 0..1)."""

    a: ClaimKey
    b: ClaimKey
    score: float
    kind: MatchKind
    signals: tuple[tuple[str, float], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Alignment:
    """All matches of a story, and the groups (aligned rows) they form."""

    matches: tuple[Match, ...]
    groups: tuple[tuple[ClaimKey, ...], ...]
