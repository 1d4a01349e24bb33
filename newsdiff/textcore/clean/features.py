"""Lines of a page and the features cleaning decides on: length, punctuation, capitals, wording.

A `Line` is one block of the input (a line, or a hard-wrapped paragraph) with its offsets and
the decision taken so far; the functions here only describe a line, they decide nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsdiff.textcore.clean import rules
from newsdiff.textcore.types import Role


@dataclass(frozen=True, slots=True)
class Line:
    """One block of the input: `raw` is its `[start:end]` slice, `text` that slice stripped.

    `text`, `key` (see `normalise_line`) and `words` are worked out once, when the line is
    made from its slice; `dataclasses.replace` carries them over.
    """

    raw: str
    start: int
    end: int
    role: Role = Role.BODY
    reason: str = ""
    text: str = field(default="", compare=False, repr=False)
    key: str = field(default="", compare=False, repr=False)
    words: int = field(default=-1, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.words < 0:
            object.__setattr__(self, "text", self.raw.strip())
            object.__setattr__(self, "key", normalise_line(self.raw))
            object.__setattr__(self, "words", word_count(self.raw))

    @property
    def undecided(self) -> bool:
        return self.role is Role.BODY and not self.reason


def normalise_line(line: str) -> str:
    """The comparison key of a line: casefolded, spaces collapsed, edge punctuation dropped."""
    collapsed = " ".join(line.split()).casefold()
    for apostrophe in rules.APOSTROPHES:
        collapsed = collapsed.replace(apostrophe, "'")
    return collapsed.strip(rules.EDGE_PUNCTUATION)


def removed(line: Line, reason: str) -> Line:
    """`line` marked as removed for `reason`, unless an earlier step already decided it."""
    if not reason or not line.undecided:
        return line
    return replace(line, role=Role.REMOVED, reason=str(reason))


def as_title(line: Line) -> Line:
    return replace(line, role=Role.TITLE, reason="")


def word_count(text: str) -> int:
    """Words, counting Chinese and Japanese characters CJK_PER_WORD to a word."""
    cjk = len(rules.CJK_CHAR.findall(text))
    return len(rules.WORD.findall(text)) + (cjk + 1) // rules.CJK_PER_WORD


def ends_sentence(text: str) -> bool:
    """The text ends like a sentence, a stray closing quote mark after it aside."""
    return rules.SENTENCE_END.search(without_stray_quote(text)) is not None


def without_stray_quote(text: str) -> str:
    """`text` stripped, and without a quote mark left alone after a space at its end
    ("…officials said. \"")."""
    text = text.strip()
    if len(text) > 2 and text[-1] in rules.QUOTE_MARKS and text[-2].isspace():
        return text[:-1].rstrip()
    return text


def capital_share(text: str) -> float:
    """Share of words that start with a capital letter or a digit (1.0 for Title Case)."""
    words = rules.WORD.findall(text)
    capitals = sum(1 for word in words if word[0].isupper() or word[0].isdigit())
    return capitals / len(words) if words else 0.0


def reads_as_reporting(text: str) -> bool:
    """Quotes or a reporting verb: a sentence of the article, not a call to action."""
    return rules.QUOTE_OR_REPORTING.search(text) is not None


def reads_as_article(line: Line) -> bool:
    """Reporting, or a long sentence that does not talk to the reader ("you", "our", "here")."""
    text = line.text
    if reads_as_reporting(text):
        return True
    sentence = line.words >= rules.ARTICLE_SENTENCE_MIN_WORDS and ends_sentence(text)
    return sentence and rules.READER_ADDRESS.search(text) is None


def is_paragraph(line: Line) -> bool:
    """A real paragraph: several words ending like a sentence."""
    return line.words >= rules.PARAGRAPH_MIN_WORDS and ends_sentence(line.text)


def is_body_paragraph(line: Line) -> bool:
    return line.undecided and is_paragraph(line)


def is_headline_like(line: Line) -> bool:
    text = line.text
    stated = without_stray_quote(text).rstrip(rules.CLOSING_QUOTES).endswith(".")
    return line.words in rules.HEADLINE_WORDS and not stated and "\n" not in text


def is_site_line(line: Line) -> bool:
    """A short Title Case line without punctuation, like a site name or byline."""
    short = line.words <= rules.SITE_LINE_MAX_WORDS and not ends_sentence(line.text)
    return short and capital_share(line.text) >= rules.SITE_LINE_CAPITALS


def is_share_row(line: Line) -> bool:
    """A row of share buttons: "Facebook Twitter WhatsApp Email"."""
    words = re.findall(r"[\w-]+", line.key)
    return len(words) >= 2 and all(word in rules.SOCIAL_WORDS for word in words)


def is_teaser_excerpt(line: Line) -> bool:
    """A truncated excerpt of another article, ending "…" or "[…]"."""
    return rules.TEASER_END.search(line.text) is not None


def starts_like_headline(line: Line) -> bool:
    """The line opens with a Title Case headline run ("Mayor Says Plan Won't Stand A new…"):
    a link to another story with its teaser, as menus and lists of headlines print them."""
    words = rules.WORD.findall(line.text)[: rules.HEADLINE_RUN_WORDS]
    if len(words) < rules.HEADLINE_RUN_WORDS:
        return False
    small = [word for word in words if word.casefold() in rules.TITLE_SMALL_WORDS]
    capitals = [word for word in words if word[0].isupper()]
    return len(capitals) + len(small) >= len(words) and len(capitals) >= len(words) - 2


def topic_words(text: str) -> frozenset[str]:
    """The words of a line that say what it is about: casefolded, TOPIC_WORD_LETTERS letters
    or more, common words aside."""
    words = (word.casefold() for word in rules.WORD.findall(text))
    long_words = (word for word in words if len(word) >= rules.TOPIC_WORD_LETTERS)
    return frozenset(long_words) - rules.COMMON_WORDS
