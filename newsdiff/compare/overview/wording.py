"""How close two claims' wordings are, as the overview measures it, and excerpts to show.

Two claims *share wording* when at least half of the shorter one's word trigrams occur in the
other (`shared_wording`): a reused wire sentence or quote, not a paraphrase that merely reuses
the content words. The stored match signals cannot tell these apart ("We can confirm that
North Korea has completed" and "He confirmed that North Korea completed" score 1.0 on content
words), word trigrams can.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newsdiff.textcore.lexical import word_set

VERBATIM_SHARE = 0.5  # of the shorter claim's word trigrams found in the other
MIN_SHARED_TRIGRAMS = 3
MIN_QUOTE_WORDS = 4  # a shorter run of the same words is a phrase, not a quote
WORD = re.compile(r"\w+")
STOP_WORDS = word_set(
    """
    that this with from have will were been they their about which would there what when said
    says also into than them then these those while where after before other some
    """
)


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.casefold()))


@lru_cache(maxsize=8192)
def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    found = words(text)
    return frozenset(zip(found, found[1:], found[2:], strict=False))


def shared_wording(a: str, b: str) -> float:
    """The share of the shorter text's word trigrams that the other text has too."""
    x, y = trigrams(a), trigrams(b)
    common = len(x & y)
    return common / min(len(x), len(y)) if common >= MIN_SHARED_TRIGRAMS else 0.0


def same_word_run(a: str, b: str) -> bool:
    """One text's words, in order, are a run of the other's (a full or partial quote).

    Unlike `textcore.diffwords.same_words` (the same words, all of them), a quote cut short
    by one outlet still counts.
    """
    (short, count), (long, _) = sorted((_spaced(a), _spaced(b)), key=lambda x: len(x[0]))
    return count >= MIN_QUOTE_WORDS and short in long


@lru_cache(maxsize=8192)
def _spaced(text: str) -> tuple[str, int]:
    """The text's words between single spaces, a space either side; how many words."""
    found = words(text)
    return f" {' '.join(found)} ", len(found)


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) >= 4 and w not in STOP_WORDS)


def topic_overlap(a: str, b: str) -> float:
    """The share of the smaller set of content words that the other text has too."""
    x, y = content_words(a), content_words(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


@lru_cache(maxsize=8192)
def excerpt(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return f"{cut}…"


def central(texts: Sequence[str]) -> str:
    """The text that says what most of the others say: the one whose content words recur
    most among them, per word and four more (so a long text does not win by its length, nor
    a short one by saying little);
    the shorter of two that score alike. A text without content words ("''") comes last."""
    if not texts:
        return ""
    found = [content_words(text) for text in texts]
    recurring = Counter(word for words in found for word in words)

    def score(n: int) -> tuple[float, int]:
        words = found[n]
        mean = sum(recurring[word] - 1 for word in words) / (len(words) + 4) if words else -1.0
        return mean, -len(texts[n])

    return texts[max(range(len(texts)), key=score)]
