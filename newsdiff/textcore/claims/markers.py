"""What is not a statement although the sentence splitter returns it: a stray quote mark, an
ellipsis, a source marker such as "(Yahoo! News article)" or "(AP)", a bare dateline such as
"DETROIT (Reuters) -". Plain string checks, no regular expressions (the text is hostile).
"""

from __future__ import annotations

MIN_WORDS = 2
DATELINE_MAX_WORDS = 6
EDGE = " \t\n\"'“”‘’«».,;:…*"
DASHES = ("-", "–", "—")


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
