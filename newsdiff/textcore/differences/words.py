"""Word-level edit script between two texts: what one wording adds, drops or changes.

Texts split into tokens: words (with inner apostrophes, "Putin’s"), numbers ("50,000"),
dotted abbreviations ("U.S.") and single punctuation marks. Tokens compare by a key that
ignores case and the style of quotes, apostrophes and dashes; whitespace (NBSP included)
only separates tokens. Each op keeps both sides' original text and spacing: a token's piece
runs up to the next token, and a text's leading whitespace belongs to its first piece, so
joining the ops' `a_text` gives the first text back exactly (and `b_text` the second).

A short run of equal tokens between two changes (two tokens at most, every word a stop word:
"the", ", a", "that") is folded into the changes around it, so the diff reads in phrases
rather than word confetti; equal content words ("50,000", "Wagner") always stay visible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from newsdiff.textcore.lexical import STOP_WORDS

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*\w*|\w+(?:['’‘ʼ]\w+)*|\S")
WORDY = re.compile(r"\w")
FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "‚": "'", "‛": "'", "`": "'", "´": "'"}
    | {"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'}
    | {"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-"}
)
MAX_GLUE_TOKENS = 2

Code = tuple[str, int, int, int, int]


class OpKind(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of an edit script: `a_text` and `b_text` are the original pieces of text
    ("" on the side that has nothing); for "equal" they match up to case and mark style."""

    kind: OpKind
    a_text: str
    b_text: str

    def to_list(self) -> list[str]:
        return [self.kind.value, self.a_text, self.b_text]

    @classmethod
    def from_list(cls, data: list[str]) -> DiffOp:
        kind, a_text, b_text = data
        return cls(OpKind(kind), a_text, b_text)


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's tokens: their spans (without the whitespace around) and comparison keys."""

    text: str
    spans: tuple[tuple[int, int], ...]
    keys: tuple[str, ...]

    def piece(self, start: int, end: int) -> str:
        """The original text of tokens [start, end), with its spacing."""
        return self.text[self._cut(start) : self._cut(end)]

    def words(self) -> tuple[str, ...]:
        """The keys of the tokens that hold a word character (punctuation left out)."""
        return tuple(key for key in self.keys if WORDY.search(key))

    def _cut(self, index: int) -> int:
        if index == 0:
            return 0
        return len(self.text) if index >= len(self.spans) else self.spans[index][0]


def tokenize(text: str) -> Tokens:
    """`text` as tokens; a text of whitespace only is one token with the empty key."""
    matches = list(TOKEN.finditer(text))
    if not matches and text:
        return Tokens(text, ((0, len(text)),), ("",))
    spans = tuple(match.span() for match in matches)
    folded = text.translate(FOLD)  # one character for one, so the spans still apply
    return Tokens(text, spans, tuple(folded[start:end].casefold() for start, end in spans))


def word_diff(a: str, b: str) -> tuple[tuple[DiffOp, ...], float]:
    """The edit script from `a` to `b`, and their token-level similarity (0..1)."""
    left, right = tokenize(a), tokenize(b)
    matcher = SequenceMatcher(None, left.keys, right.keys, autojunk=False)
    codes = _coalesce(_glue(matcher.get_opcodes(), left))
    ops = tuple(
        DiffOp(OpKind(tag), left.piece(i1, i2), right.piece(j1, j2))
        for tag, i1, i2, j1, j2 in codes
    )
    return ops, round(matcher.ratio(), 4)


def same_words(a: str, b: str) -> bool:
    """Whether the two texts have the same words, ignoring case, punctuation and mark style."""
    return tokenize(a).words() == tokenize(b).words()


def phrase(text: str) -> str:
    """`text` from its first word to its last, without punctuation and spaces around; ""
    when it holds no word."""
    tokens = tokenize(text)
    wordy = [span for span, key in zip(tokens.spans, tokens.keys, strict=True) if WORDY.search(key)]
    return text[wordy[0][0] : wordy[-1][1]] if wordy else ""


def _glue(codes: Sequence[Code], left: Tokens) -> list[Code]:
    """Turn each short equal run between two changes into a change."""
    last = len(codes) - 1
    return [
        ("replace", *code[1:]) if 0 < n < last and _is_glue(code, left) else code
        for n, code in enumerate(codes)
    ]


def _is_glue(code: Code, left: Tokens) -> bool:
    tag, i1, i2, _, _ = code
    words = [key for key in left.keys[i1:i2] if WORDY.search(key)]
    return tag == "equal" and i2 - i1 <= MAX_GLUE_TOKENS and STOP_WORDS.issuperset(words)


def _coalesce(codes: list[Code]) -> list[Code]:
    """Merge neighbouring changes into one, tagged by which sides it covers."""
    merged: list[Code] = []
    for code in codes:
        if merged and code[0] != "equal" and merged[-1][0] != "equal":
            _, i1, _, j1, _ = merged.pop()
            code = (code[0], i1, code[2], j1, code[4])
        merged.append(code)
    return [_retag(code) for code in merged]


def _retag(code: Code) -> Code:
    tag, i1, i2, j1, j2 = code
    if tag != "equal":
        tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
    return (tag, i1, i2, j1, j2)
