"""Compiled patterns and phrase lists that cleaning uses to recognise page junk.

Kept in one place, like textacy's `resources.py`: the decisions that use them live in
`cleanpasses`. Whole-line phrases are compared with `cleanfeatures.normalise_line` keys
(casefolded, spaces collapsed, edge punctuation dropped), patterns with the stripped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdiff.textcore.types import Reason


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern that marks a line as junk when the line has at most `max_words` words.

    A `weak` rule is skipped on lines that read like the article (quotes, "said", or a long
    sentence that does not address the reader), so that an article sentence that merely
    contains a call-to-action word is kept.
    """

    pattern: re.Pattern[str]
    reason: Reason
    max_words: int = 30
    weak: bool = False


@dataclass(frozen=True, slots=True)
class TailMarker:
    """A line after which the rest of the page is off the article ("Next Post", "Related")."""

    reason: Reason
    tail_reason: Reason
    resumable: bool


def _rule(pattern: str, reason: Reason, max_words: int = 30, *, weak: bool = False) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), reason, max_words, weak)


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases written one after another, separated by "|"."""
    return tuple(" ".join(phrase.split()) for phrase in text.split("|") if phrase.strip())


def _lines(reason: Reason, text: str) -> dict[str, Reason]:
    return dict.fromkeys(_phrases(text), reason)


def _markers(reason: Reason, tail: Reason, resumable: bool, text: str) -> dict[str, TailMarker]:
    return dict.fromkeys(_phrases(text), TailMarker(reason, tail, resumable))


# Characters stripped from both ends of a line to make its comparison key.
EDGE_PUNCTUATION = " .,;:!?*()[]{}<>\"'“”‘’«»|/\\-–—…•·►▶→»#"
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

SENTENCE_END = re.compile(r"(?:[.!?…]|\[…\]|\.\.\.)[\"'”’)\]]*$")
WORD = re.compile(r"[^\W_][\w'’.-]*")
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
QUOTE_OR_REPORTING = re.compile(r"[“”\"]|\b(?:said|says|told|according to)\b", re.IGNORECASE)
READER_ADDRESS = re.compile(r"\b(?:you|your|our|us|here|now)\b", re.IGNORECASE)
TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")

CONTENT_LINE = re.compile(r"^[^\n]*\S[^\n]*$", re.MULTILINE)
LEADING_AD_MARKER = re.compile(r"\s*\[ad_\d+\][^\S\n]*(?=\S)")

# Whole lines (by `normalise_line` key) that are junk wherever they stand.
LINE_REASONS: dict[str, Reason] = {
    **_lines(
        Reason.AD_MARKER,
        """
        advertisement | advertisements | advertising | ad | ads |
        sponsored | sponsored content | paid content | paid post | promoted | partner content |
        story continues below advertisement | article continues below advertisement |
        continue reading below | scroll to continue with content""",
    ),
    **_lines(
        Reason.NAVIGATION,
        """
        connect with us | hi, what are you looking for |
        what are you looking for | exit mobile version | skip to content | skip to main content |
        jump to content | menu | main menu | open menu | close menu | toggle navigation | search |
        search for | type to search | press enter to search | home | close | back to top |
        go to top | scroll to top | log in | login | sign in | my account | open in app |
        listen to this article | print | print this page | copy link | link copied | copied |
        font size | text size | loading | show more | load more | show comments |
        view comments | you are here | previous | next""",
    ),
    **_lines(
        Reason.COMMENT_FORM,
        """
        leave a reply | leave a comment | post a comment |
        add a comment | comment | comments | post comment | submit comment | cancel reply |
        reply | name | email | website | join the conversation | reader comments""",
    ),
    **_lines(Reason.AUTHOR_BIO, "written by | about the author | author | authors"),
    **_lines(
        Reason.BOILERPLATE,
        """
        accept | accept all | accept cookies | reject all |
        cookie settings | manage cookies | got it | i agree""",
    ),
    **_lines(
        Reason.PROMOTION,
        """
        share | share this | share this article | share this story |
        share this post | tweet | subscribe | subscribe now | follow us | sign up | newsletter |
        donate""",
    ),
}

# Section names printed above a headline ("World", "Politics").
SECTION_LABELS = frozenset(
    _phrases("""
    news | world | world news | politics | business |
    economy | europe | asia | africa | americas | middle east | us | u.s | uk | national |
    international | opinion | analysis | tech | technology | science | health | sport | sports |
    entertainment | culture | breaking | breaking news | latest | live | exclusive | defense |
    defence | military | security | russia | ukraine | north korea | russia-ukraine war |
    war in ukraine | home | top stories""")
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"(?:[\s,|@-]*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?)?"

RULES: tuple[Rule, ...] = (
    _rule(r"^\[ad_\d+\]$", Reason.AD_MARKER, 1),
    _rule(
        r"^\W*(?:sponsored|advertisement|promoted|paid content|partner content)\s*[:|–-]\s*\S",
        Reason.PROMOTION,
        20,
    ),
    _rule(r"^your email address will not be published", Reason.COMMENT_FORM),
    _rule(r"required fields are marked", Reason.COMMENT_FORM),
    _rule(r"^please enter your (?:comment|name|email)", Reason.COMMENT_FORM, 10),
    _rule(r"^you have entered an incorrect email", Reason.COMMENT_FORM, 15),
    _rule(r"^save my name,? email", Reason.COMMENT_FORM),
    _rule(r"^notify me of (?:follow-up|new)", Reason.COMMENT_FORM, 20),
    _rule(r"^\d+\s+(?:comments?|responses?|replies)$", Reason.COMMENT_FORM, 3),
    _rule(r"^(?:sign in|log in|register) to (?:comment|reply)", Reason.COMMENT_FORM, 10),
    _rule(
        r"^\W*(?:author experience and expertise|expert biography|about the author|"
        r"author bio(?:graphy)?|about the writer)\b",
        Reason.AUTHOR_BIO,
        400,
    ),
    _rule(r"^\W*written by\b", Reason.AUTHOR_BIO, 8),
    _rule(
        r"^\W*(?:additional reporting|reporting|editing|writing|compiled|edited) by\b",
        Reason.AUTHOR_BIO,
        40,
        weak=True,
    ),
    _rule(
        r"\b(?:image|photo|picture|photograph|video) ?(?:credit|courtesy|source)s?\s*:",
        Reason.CAPTION,
        40,
    ),
    _rule(
        r"^\W*(?:file )?(?:photo|image|picture|photograph|pictured|caption)s?\s*(?::|\||by\b)",
        Reason.CAPTION,
        40,
    ),
    _rule(r"^\W*file (?:photo|image|picture|footage)\b", Reason.CAPTION, 40),
    _rule(r"^\W*(?:image|photo|slide) \d+ (?:of|/) \d+", Reason.CAPTION, 6),
    _rule(
        r"\bgetty images\b|\bshutterstock\b|\b(?:ap|afp|epa) photo\b|\bREUTERS/|"
        r"\b(?:creative|wikimedia) commons\b",
        Reason.CAPTION,
        25,
        weak=True,
    ),
    _rule(
        r"^\W*(?:more|read more|read also|also read|see also|related|watch|listen|"
        r"recommended|don'?t miss|must read)\s*:\s*\S",
        Reason.RELATED_LINK,
        30,
        weak=True,
    ),
    _rule(r"^\W*(?:subscribe|sign up|signup)\b", Reason.PROMOTION, 25, weak=True),
    _rule(
        r"\b(?:subscribe to|sign up (?:for|to)|join) (?:our|the) (?:free )?(?:newsletter|"
        r"youtube|channel|podcast|mailing list|telegram|whatsapp)",
        Reason.PROMOTION,
        weak=True,
    ),
    _rule(r"\bfollow us\b|\blike us on\b|\bjoin us on\b", Reason.PROMOTION, 25, weak=True),
    _rule(
        r"^\W*follow\b.*\bon (?:twitter|x|facebook|instagram|telegram|tiktok|linkedin|"
        r"threads|bluesky|google news)\b",
        Reason.PROMOTION,
        20,
        weak=True,
    ),
    _rule(r"\bclick here\b|^\W*(?:click|tap) (?:here|to|the)\b", Reason.PROMOTION, 25, weak=True),
    _rule(
        r"^\W*share (?:this|on|via|to|the (?:story|article|post))\b",
        Reason.PROMOTION,
        12,
        weak=True,
    ),
    _rule(
        r"^\W*(?:download|get) (?:our|the) (?:free )?app\b|\bour newsletter\b",
        Reason.PROMOTION,
        15,
        weak=True,
    ),
    _rule(r"^\W*(?:support|donate to) (?:our|independent) journalism", Reason.PROMOTION, 20),
    _rule(r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b", Reason.BOILERPLATE, 40),
    _rule(r"\ball rights reserved\b|^\W*(?:©|\(c\) ?\d{4}|copyright\b)", Reason.BOILERPLATE),
    _rule(
        r"\bis not supported\. for an optimal experience\b|\benable javascript\b|"
        r"\byour browser (?:is out of date|does not support|is not supported)",
        Reason.BOILERPLATE,
    ),
    _rule(
        r"^\W*(?:privacy policy|terms of (?:use|service)|cookie policy)\b", Reason.BOILERPLATE, 12
    ),
    _rule(
        rf"^\W*(?:(?:published|updated|posted|last updated|first published)\s*(?:on|:)?\s*)?"
        rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?{_DATE}{_TIME}\W*$",
        Reason.NAVIGATION,
        12,
    ),
    _rule(r"^\d+\s*(?:min|mins|minutes?)\s*read$", Reason.NAVIGATION, 4),
)

# "By Jane Doe, Reuters": names must be capitalised, so "By then, it was over." is not one.
_NAME = r"(?!(?i:and)\b)[A-Z][\w.'’-]*(?:\s+(?!(?i:and)\b)[A-Z][\w.'’-]*){0,3}"
BYLINE = re.compile(
    rf"^(?i:by)\s+(?P<author>{_NAME})(?:\s*(?:,|(?i:and)\b|&|\||/|–|-)\s*{_NAME})*\W*$"
)
BYLINE_MAX_WORDS = 15
BIO_SENTENCE = re.compile(
    r"\b(?:is|was) an? (?:[\w-]+ ){0,5}(?:writer|editor|journalist|reporter|correspondent|"
    r"columnist|contributor|author)\b",
    re.IGNORECASE,
)

SOCIAL_WORDS = frozenset(
    _phrases("""
    facebook | twitter | x | linkedin | whatsapp | email |
    e-mail | mail | print | reddit | telegram | pinterest | tumblr | messenger | flipboard | copy |
    link | share | tweet | pocket | sms | threads | bluesky""")
)

# Lines after which the rest of the page is a tail: comments, teasers, related links.
TAIL_MARKERS: dict[str, TailMarker] = {
    **_markers(
        Reason.COMMENT_FORM,
        Reason.COMMENT_FORM,
        False,
        """
        leave a reply |
        leave a comment | comments | join the conversation | post a comment | add a comment |
        reader comments | discussion | what do you think""",
    ),
    **_markers(
        Reason.RELATED_LINK,
        Reason.OFF_TOPIC_TAIL,
        False,
        """
        next post | previous post |
        next article | previous article | next story | read next | up next | older post |
        newer post""",
    ),
    **_markers(
        Reason.RELATED_LINK,
        Reason.OFF_TOPIC_TAIL,
        True,
        """
        check also |
        you may also like | you might also like | you may like | more from | most popular |
        most read | trending | trending now | don't miss | latest news | popular posts |
        recent posts | editor's picks | more stories | top stories | in other news | recommended |
        recommended for you | recommended stories | more news | what to read next""",
    ),
    **_markers(
        Reason.RELATED_LINK,
        Reason.RELATED_LINK,
        True,
        """
        related | related articles |
        related posts | related stories | related news | related content | related coverage |
        related topics | also read | read also | see also | read more | more on this story |
        more on this topic | further reading""",
    ),
}
COMMENT_COUNT_MARKER = re.compile(r"^\d+ (?:comments?|responses?|replies)$")

# Words too common to show that a paragraph after a "Related" box is about the article.
STOPWORDS = frozenset(
    _phrases("""
    about | above | after | again | against | also | among |
    because | been | before | being | below | between | both | could | does | doing | down |
    during | each | even | from | further | have | having | here | into | just | like | made |
    make | many | more | most | much | must | only | other | over | said | same | says | should |
    since | some | such | than | that | their | them | then | there | these | they | this |
    those | through | under | until | upon | very | were | what | when | where | which | while |
    will | with | within | would | your | year | years | last | first | told | week | month""")
)

PARAGRAPH_MIN_WORDS = 10
HEADLINE_WORDS = range(3, 31)
HEADLINE_GOOD_WORDS = 5
CAPTION_MAX_WORDS = 30
SITE_LINE_MAX_WORDS = 6
SITE_LINE_CAPITALS = 0.75
TAIL_CHROME_MAX_WORDS = 12
RESUME_MIN_WORDS = 12
ARTICLE_SENTENCE_MIN_WORDS = 12
RESUME_MIN_OVERLAP = 0.25
STEM_LETTERS = 5
WRAPPED_LINE_MIN_CHARS = 40
