"""Compiled patterns and phrase lists that cleaning uses to recognise page junk.

Kept in one place, like textacy's `resources.py` (those about the page's layout are in
`cleanlayout`); the decisions that use them live in the passes. Whole-line phrases are
compared with `cleanfeatures.normalise_line` keys (casefolded, spaces collapsed, edge
punctuation dropped), patterns with the stripped line.
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


def _rule(pattern: str, reason: Reason, max_words: int = 30, *, weak: bool = False) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), reason, max_words, weak)


def phrases(text: str) -> tuple[str, ...]:
    """Phrases written one after another, separated by "|"."""
    return tuple(" ".join(phrase.split()) for phrase in text.split("|") if phrase.strip())


def _lines(reason: Reason, text: str) -> dict[str, Reason]:
    return dict.fromkeys(phrases(text), reason)


# Characters stripped from both ends of a line to make its comparison key.
# A line longer than this is no article's: the upload shape check refuses such text, and
# `clean_html` removes such a line of the text it extracts from a page (as too long).
MAX_LINE_CHARS = 100_000

EDGE_PUNCTUATION = " .,;:!?*()[]{}<>\"'“”‘’«»|/\\-–—…•·►▶→»#"
APOSTROPHES = ("’", "‘", "ʼ")  # all compared as "'"
QUOTE_MARKS = "\"'“”‘’«»"
CLOSING_QUOTES = "\"'”’)]」』"

SENTENCE_END = re.compile(r"(?:[.!?…。！？]|\[…\]|\.\.\.)[\"'”’)\]」』]*$")
# Chinese and Japanese write no spaces: their characters are counted, CJK_PER_WORD to a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{_CJK}]")
CJK_PER_WORD = 2
WORD = re.compile(f"[^\\W_{_CJK}](?:[^\\W{_CJK}]|['’.-])*")
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
        view comments | you are here | previous | next | more | view all | see all | show all |
        see more | view more | watch video | view gallery | back to gallery | see full gallery |
        give feedback""",
    ),
    **_lines(
        Reason.COMMENT_FORM,
        """
        leave a reply | leave a comment | post a comment |
        add a comment | comment | comments | post comment | submit comment | cancel reply |
        reply | name | email | website | join the conversation | reader comments""",
    ),
    **_lines(Reason.AUTHOR_BIO, "by | written by | about the author | author | authors"),
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
    phrases("""
    news | world | world news | politics | business |
    economy | europe | asia | africa | americas | middle east | us | u.s | uk | national |
    international | opinion | analysis | tech | technology | science | health | sport | sports |
    entertainment | culture | breaking | breaking news | latest | live | exclusive | defense |
    defence | military | security | russia | ukraine | north korea | russia-ukraine war |
    war in ukraine | home | top stories""")
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan", "february feb", "march mar", "april apr", "may", "june jun",
            "july jul", "august aug", "september sep sept", "october oct", "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"(?:[\s,|@-]*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?)?"
# A date anywhere in a line ("Nov. 19th, 2019", "2019-11-19T08:02", "3 hours ago").
_ANY_DATE = (
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d\d-\d\d|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s*(?:m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\s+ago\b)"
)
# A line that ends like a sentence (but not on "a.m." / "p.m.").
_SENTENCE_STOP = r".*(?<!\b[ap]\.m)[.!?…][\"'”’)\]]*\s*$"

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
        r"^\W*(?:more|read more|read also|also read|see also|see more|related|watch|listen|"
        r"recommended|don'?t miss|must read|leggi anche|lees ook|lesen sie auch|lire aussi|"
        r"leia também|lea también)\s*:\s*\S",
        Reason.RELATED_LINK,
        30,
        weak=True,
    ),
    _rule(r"^\W*(?:subscribe|sign up|signup)\b", Reason.PROMOTION, 25),
    _rule(
        r"\b(?:subscribe to|sign up (?:for|to)|join) (?:our|the) (?:free )?(?:newsletter|"
        r"youtube|channel|podcast|mailing list|telegram|whatsapp)",
        Reason.PROMOTION,
        weak=True,
    ),
    _rule(r"\bfollow us\b|\blike us on\b|\bjoin us on\b", Reason.PROMOTION, 25, weak=True),
    _rule(
        r"^\W*follow\b.*\bon (?:twitter|x|facebook|instagram|telegram|tiktok|linkedin|"
        r"threads|bluesky|google news)\b|^\W*follow @\w",
        Reason.PROMOTION,
        25,
    ),
    _rule(
        r"\bthanks? (?:you )?for (?:signing up|subscribing)\b|\byour inbox\b|"
        r"\berror processing your (?:subscription|request)\b|\bshare (?:it|this) with\b|"
        r"^\W*have a (?:news )?tip\b",
        Reason.PROMOTION,
        30,
        weak=True,
    ),
    _rule(r"\b(?:may|can) be reached at\b", Reason.AUTHOR_BIO, 40),
    _rule(r"^\W*also on [\w-]+\.[a-z]{2,}\b", Reason.RELATED_LINK, 30),
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
    # A short line that carries a date and is no sentence: "By Jo Roe | Nov. 19, 2019 8:02 am".
    _rule(rf"^(?=.*{_ANY_DATE})(?!{_SENTENCE_STOP})", Reason.NAVIGATION, 14),
    _rule(rf"^\W*(?:posted |story |words )?by\s+\w(?!{_SENTENCE_STOP})", Reason.AUTHOR_BIO, 15),
    _rule(r"^\W*posted (?:by|on)\b", Reason.AUTHOR_BIO, 20),
    _rule(r"^\W*(?:posted|filed) (?:in|under)\b", Reason.NAVIGATION, 30),
    _rule(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^@\w{2,}$", Reason.AUTHOR_BIO, 3),
    _rule(
        r"^\W*(?:tags?|topics?|subjects?|categories|category|keywords|related topics)\s*:",
        Reason.NAVIGATION,
        40,
    ),
    _rule(r"\bnewsletters?\b", Reason.PROMOTION, 20, weak=True),
    _rule(
        r"\b(?:every|each) (?:day|week|morning|evening)\b.*\b(?:e-?mail|inbox)\b|"
        r"\b(?:e-?mail|inbox)\b.*\b(?:every|each) (?:day|week|morning|evening)\b",
        Reason.PROMOTION,
        25,
        weak=True,
    ),
    _rule(
        r"\byou (?:have read and )?(?:agree|consent) to\b|\byour personal data\b|"
        r"\bby (?:submitting|registering|signing up|subscribing|clicking|continuing|using)\b"
        r"[^.]{0,80}\b(?:agree|accept|consent)|\bsubject to copyright\b|"
        r"\bnon-?commercial use\b|\bregistered trademarks?\b|\btrademarks? of\b|"
        r"\bhave not been evaluated by\b|\bmay not be (?:re)?published\b",
        Reason.BOILERPLATE,
        90,
        weak=True,
    ),
    _rule(
        r"\b(?:update|upgrade) (?:your|to a (?:newer|modern)) browser\b|"
        r"\bdetected (?:that )?you(?:'re| are) (?:on|using)\b|"
        r"\byou(?:'re| are) using an? (?:outdated|unsupported|older)\b",
        Reason.BOILERPLATE,
        40,
    ),
    _rule(
        r"\b(?:utilizziamo|usiamo|usamos|utilizamos|utiliza|utilizza|verwenden|utilisons|"
        r"uses?|using)\b[^.]{0,60}\bcookies?\b",
        Reason.BOILERPLATE,
        60,
        weak=True,
    ),
)

# "By Jane Doe, Reuters": names must be capitalised, so "By then, it was over." is not one.
# A name's word is atomic: it keeps its hyphens ("Jean-Paul"), so "A-A-A-…" is read one
# way, not split at each "-" in every possible way (which took minutes on 30 dashes).
_NAME_WORD = r"(?!(?i:and)\b)(?>[A-Z][\w.'’-]*)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
BYLINE = re.compile(
    rf"^(?i:by)\s+(?P<author>{_NAME})(?:\s*(?:,|(?i:and)\b|&|\||/|–|-)\s*{_NAME})*\W*$"
)
BYLINE_MAX_WORDS = 15
# Headings over an author's bio, matched on the whole `normalise_line` key.
BIO_HEADING = re.compile(
    r"(?:about (?:the )?(?:author|writer|reporter|journalist|columnist|contributor)s?"
    r"|author (?:experience and expertise|bio|biography|information|details|profile)"
    r"|expert biography|meet the (?:author|writer)|(?:author|writer)'?s? bio)$"
)
BIO_HEADING_MAX_WORDS = 6
BIO_MAX_PARAGRAPHS = 3
BIO_SENTENCE = re.compile(
    r"\b(?:is|was) an? (?:[\w-]+ ){0,5}(?:writer|editor|journalist|reporter|correspondent|"
    r"columnist|contributor|author)\b",
    re.IGNORECASE,
)

SOCIAL_WORDS = frozenset(
    phrases("""
    facebook | twitter | x | linkedin | whatsapp | email |
    e-mail | mail | print | reddit | telegram | pinterest | tumblr | messenger | flipboard | copy |
    link | share | tweet | pocket | sms | threads | bluesky | google | blogger |
    stumbleupon | vk | weibo | viber | skype | digg | mix | instagram | youtube | rss | snapchat |
    tiktok""")
)

PARAGRAPH_MIN_WORDS = 10
HEADLINE_WORDS = range(3, 31)
HEADLINE_GOOD_WORDS = 5
# The headline shares words with the lede, its first LEDE_PARAGRAPHS paragraphs.
LEDE_PARAGRAPHS = 3
TOPIC_WORD_LETTERS = 4
COMMON_WORDS = frozenset(
    phrases("""
    that | this | with | from | have | has | were | will | would | could | said | says |
    their | they | them | been | more | after | over | into | about | what | when | which |
    there | than | then | also | just | only | some | your | year | years""")
)
CAPTION_MAX_WORDS = 30
DATELINE_MAX_WORDS = 14
SITE_LINE_MAX_WORDS = 6
SITE_LINE_CAPITALS = 0.75
TAIL_CHROME_MAX_WORDS = 12
ARTICLE_SENTENCE_MIN_WORDS = 12
WRAPPED_LINE_MIN_CHARS = 40
# Text written all in capitals: at least SHOUTING_SHARE of the cased letters of its long
# lines upper case, and at least SHOUTING_MIN_LETTERS of them.
SHOUTING_SHARE = 0.9
SHOUTING_MIN_LETTERS = 80

# A line whose first HEADLINE_RUN_WORDS words are Title Case (small words aside) opens with a
# headline: in a menu or list of stories, a link and its teaser.
HEADLINE_RUN_WORDS = 8
TITLE_SMALL_WORDS = frozenset(
    phrases("a | an | the | and | or | of | in | on | at | to | for | by | with | from | as | vs")
)
