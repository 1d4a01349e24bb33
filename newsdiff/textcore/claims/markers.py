"""What is not a statement although the sentence splitter returns it: a stray quote mark, an
ellipsis, a source marker such as "(Yahoo! News article)" or "(AP)", a bare dateline such as
"DETROIT (Reuters) -", and a dateline that opens a paragraph before its first sentence
("TROY, Mich. (AP) — A man ..."). Plain string checks, no regular expressions (the text is
hostile).
"""

from __future__ import annotations

MIN_WORDS = 2
DATELINE_MAX_WORDS = 6
EDGE = " \t\n\"'“”‘’«».,;:…*"
DASHES = ("-", "–", "—")
# A dateline that opens a paragraph ends at a dash within its first LEAD_CHARS characters and
# has at most LEAD_WORDS words with a letter ("LONDON, July 21 (Reuters) -").
LEAD_CHARS = 80
LEAD_WORDS = 8
AGENCY_WORDS = 3  # "(AP)", "(Reuters)", "(Sports Network)", "(Yahoo! News)"
QUOTES = "\"“”‘'"


def letter_words(text: str) -> list[str]:
    """The whitespace-separated tokens that hold a letter."""
    return [token for token in text.split() if any(ch.isalpha() for ch in token)]


def is_source_marker(core: str) -> bool:
    """A whole claim in parentheses: "(USA Today article)", "(AP)"."""
    return core.startswith("(") and core.endswith(")") and core.count("(") == 1


def is_dateline(core: str) -> bool:
    """A short line ending in a dash before any statement: "TROY, Mich. (AP) —"."""
    return core.endswith(DASHES) and len(letter_words(core)) <= DATELINE_MAX_WORDS


def is_statement(text: str) -> bool:
    """Whether a claim's text states something (see the module doc)."""
    core = text.strip(EDGE)
    if len(letter_words(core)) < MIN_WORDS and not any(ch.isdigit() for ch in core):
        return False
    return not (is_source_marker(core) or is_dateline(core))


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the first sentence of the paragraph text[start:end] begins: after a dateline
    that opens it ("TROY, Mich. (AP) — ", "WASHINGTON (Reuters) - ", "Mannheim, Germany
    (Sports Network) - ", "ALASKA - "), else `start`.

    A dateline is a short lead before a dash (an en or em dash, or a hyphen after a space)
    that names a wire service in parentheses at its end, or opens with a place in capitals;
    what follows the dash starts with a capital, a digit or a quote mark. The sentence splitter
    had cut "TROY, Mich." off as a claim of its own and left "(AP) — A man ..." as the next.
    """
    head = text[start : min(end, start + LEAD_CHARS)]
    dash = _lead_dash(head)
    if dash <= 0:
        return start
    lead = head[:dash].rstrip()
    after = dash + 1
    while after < len(head) and (head[after] in DASHES or head[after].isspace()):
        after += 1
    first = head[after : after + 1]
    if not (first.isupper() or first.isdigit() or (first and first in QUOTES)):
        return start
    words = letter_words(lead)
    if not words or len(words) > LEAD_WORDS or any(mark in lead for mark in QUOTES):
        return start
    if _names_agency(lead) or (_opens_with_capitals(lead) and _opens_plainly(head[after:])):
        return start + after
    return start


def _lead_dash(head: str) -> int:
    """The index of the first en or em dash, or hyphen after a space, in `head`; -1 if none."""
    for index, char in enumerate(head):
        if char in "–—" or (char == "-" and index and head[index - 1].isspace()):
            return index
    return -1


def _names_agency(lead: str) -> bool:
    """The lead ends with a short name in parentheses: "(AP)", "(Sports Network)"."""
    if not lead.endswith(")") or "(" not in lead:
        return False
    inside = lead[lead.rindex("(") + 1 : -1]
    letters = sum(char.isalpha() for char in inside)  # not a party: "Obama (D) - The ..."
    return 0 < len(letter_words(inside)) <= AGENCY_WORDS and inside[:1].isupper() and letters > 1


def _opens_with_capitals(lead: str) -> bool:
    """The lead opens with a place in capitals: "ALASKA", "TROY, Mich.", "SAN FRANCISCO";
    not "A FIRE - BOMB attack" (its first word is one letter)."""
    place = lead.split(",")[0].split("(")[0].strip()
    letters = [char for char in place if char.isalpha()]
    first = [char for char in place.split()[0] if char.isalpha()] if place else []
    return len(first) >= 3 and all(char.isupper() for char in letters)


def _opens_plainly(rest: str) -> bool:
    """The text after the dash opens with a word in lower case after its capital ("Shortly",
    "A man"), not in capitals: "SKY - TV reports" is one name with a spaced hyphen."""
    word = rest.split(maxsplit=1)[0] if rest.strip() else ""
    letters = [char for char in word if char.isalpha()]
    return len(letters) == 1 or any(char.islower() for char in letters)
