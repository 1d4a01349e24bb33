"""Resources for reading a page's layout, used by `cleanzone`, `cleantails` and `cleanlinks`.

Tail markers ("Next Post", "Related", comment counts) and the shapes of comment sections, the
scores of the article zone, and what makes a list of the article's own or a box of links.
Like `cleanrules`, only data: the decisions live in the passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdiff.textcore.clean.rules import phrases
from newsdiff.textcore.types import Reason


@dataclass(frozen=True, slots=True)
class TailMarker:
    """A line after which the rest of the page is off the article ("Next Post", "Related").

    A `resumable` tail ends where the article clearly carries on; an `eager` one (a box above
    most of the article) ends at the next long paragraph.
    """

    reason: Reason
    tail_reason: Reason
    resumable: bool
    eager: bool = False


def _markers(reason: Reason, tail: Reason, resumable: bool, text: str) -> dict[str, TailMarker]:
    return dict.fromkeys(phrases(text), TailMarker(reason, tail, resumable))


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
# Headers of boxes of links to other pages ("More from The Times", "Most read in World"),
# compared with line keys of at most TAIL_PATTERN_MAX_WORDS words.
TAIL_PATTERN = re.compile(
    r"^(?:more (?:from|in|on|of|by|about|stories|news|articles|videos|coverage|headlines)\b"
    r"|most (?:read|popular|viewed|shared|emailed|commented|recent)\b"
    r"|(?:trending|related|recommended)(?: (?:now|today|news|stories|articles|posts|links|"
    r"videos|coverage|content|reading|topics|items|reads|for you|on|in|from|to)\b.{0,40})?$"
    r"|(?:top|latest|popular|featured|recent|editor'?s'?) (?:[\w'&.-]+ )?"
    r"(?:stories|news|headlines|articles|posts|videos|reads|picks|updates)$"
    r"|(?:you|we think you) (?:may|might|will|could|would) (?:also )?(?:like|enjoy|be interested)"
    r"|explore further$|read next$|also on\b|around the web$"
    r"|from (?:the|our) (?:web|network|partners)\b|(?:sponsored|promoted) (?:stories|links)$)"
)
TAIL_PATTERN_MAX_WORDS = 7
# "More Washington Examiner", "More World": "More" and a Title Case name (matched on the text).
# Its words are atomic: the trailing "\W*" cannot share their dots and dashes with them.
MORE_FROM_SITE = re.compile(r"^\W*(?:More|MORE)(?:\s+(?>[A-Z0-9][\w'&.-]*)){1,3}\W*$")
COMMENT_COUNT_MARKER = re.compile(
    r"^\d+ (?:comments?|responses?|replies|thoughts)(?: (?:to|on) .{1,200})?$"
)
# A comment's header or controls: "jane42 says:", "3 hours ago", "Reply". Several after a
# tail marker show that a comment section follows, however long it is.
COMMENT_HEADER = re.compile(
    r"^[^.!?\n]{1,60}\b(?:says|said|wrote|writes|commented)\s*:$"
    r"|^(?:posted )?\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago$",
    re.IGNORECASE,
)
COMMENT_CONTROLS = frozenset(
    phrases("""
    reply | report abuse | permalink | upvote | downvote | log in to reply |
    reply to this comment | load more comments | view replies""")
)
COMMENT_HEADER_MAX_WORDS = 12
COMMENT_HEADERS_MIN = 3
RESUME_MIN_WORDS = 12
TAIL_MAX_MASS_AFTER = 1.5  # a marker with more article text after it than this is no tail
ISOLATED_WEIGHT = 0.5  # what a paragraph between two non-paragraphs counts for in that mass

# The article zone (`cleanzone`): a sentence-like line scores its words minus
# ZONE_SENTENCE_COST; an unpunctuated line of ZONE_LONG_LINE_WORDS or more half its words minus
# that; other lines cost ZONE_SHORT_COST, link-like ones ZONE_LINK_COST, junk already found
# ZONE_JUNK_COST. A run below ZONE_MIN_SCORE is no zone. The headline is looked for among the
# HEAD_SEARCH lines above the zone; what stands between it and the zone (a byline, a dek) is
# kept if the headline is at most HEAD_WINDOW lines above the zone.
ZONE_SENTENCE_COST = 5
ZONE_LONG_LINE_WORDS = 20
ZONE_SHORT_COST = 3
ZONE_LINK_COST = 4
ZONE_JUNK_COST = 1
ZONE_MIN_SCORE = 25
HEAD_WINDOW = 6
HEAD_SEARCH = 12
# A list that follows the zone (tour dates, results) is taken in: LIST_MIN_ITEMS lines or more
# of one shape, starting at most LIST_MAX_GAP lines (a heading) after the zone.
LIST_MIN_ITEMS = 3
LIST_MAX_GAP = 2
LIST_SEPARATOR = re.compile(r"\s[-–—]{1,2}\s|[:@|(/]")

# Runs of LINK_RUN_MIN or more headline-like lines (of LINK_MIN_WORDS words or more) are boxes
# of links to other stories.
LINK_RUN_MIN = 3
LINK_MIN_WORDS = 3
NUMBERED_ITEM = re.compile(r"^\(?\d{1,3}[.)]\s")  # "1. ", "2) ": an item of a list of its own
