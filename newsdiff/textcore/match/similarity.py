"""Pairwise signals between two claims and the calibrated score that combines them.

Every signal is symmetric, so score(a, b) == score(b, a). The combination is a logistic model
whose weights `bench/calibrate.py` fits and writes to `newsdiff/textcore/match/weights.py`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.textcore import lexical
from newsdiff.textcore.figures.extract import DATE_UNITS, figures_agree, same_quantity
from newsdiff.textcore.match import weights
from newsdiff.textcore.types import Claim, Figure

SIGNALS = weights.SIGNALS  # the order the calibrated weights were fitted in
PRIOR_DOCUMENTS = 20  # documents without the words, added to a story's count (`Idf`)


class Idf:
    """Word weights for the overlap signals: rare words count more. No weights = all 1."""

    def __init__(self, weights: dict[str, float] | None = None, default: float = 1.0) -> None:
        self.weights = weights or {}
        self.default = default
        self._masses: dict[frozenset[str], float] = {}

    @classmethod
    def from_documents(cls, documents: Sequence[frozenset[str]]) -> Idf:
        """Smoothed inverse document frequency over the given word sets (e.g. a story's claims),
        as if PRIOR_DOCUMENTS more documents held none of them: a story of a few claims says
        little about which words are common (in a story of two one-sentence articles, every
        shared word would weigh a quarter of an unshared one), a story of hundreds a lot."""
        counts: dict[str, int] = {}
        for doc in documents:
            for word in doc:
                counts[word] = counts.get(word, 0) + 1
        n = len(documents) + PRIOR_DOCUMENTS
        weights = {w: math.log((n + 1) / (c + 0.5)) for w, c in counts.items()}
        return cls(weights, math.log((n + 1) / 0.5))

    def mass(self, words: frozenset[str]) -> float:
        """The summed weight of the words."""
        get, default = self.weights.get, self.default
        return sum([get(w, default) for w in words])

    def set_mass(self, words: frozenset[str]) -> float:
        """`mass`, remembered per set (a claim's words are weighed once per story)."""
        if not self.weights:
            return self.default * len(words)
        if words not in self._masses:
            self._masses[words] = self.mass(words)
        return self._masses[words]


UNIFORM = Idf()


@dataclass(frozen=True, slots=True)
class Profile:
    """What the signals need from one claim, computed once per claim."""

    stems: frozenset[str]
    names: frozenset[str]
    figures: tuple[Figure, ...]
    negated: bool
    stages: frozenset[str]
    conditions: frozenset[str]
    no_comment_from: frozenset[str] | None
    core_stems: frozenset[str] | None
    question: bool
    quote_grams: frozenset[tuple[str, str, str]]
    text_grams: frozenset[tuple[str, str, str]]
    conceded: frozenset[int] = frozenset()  # start of each figure inside a concession


def profile(claim: Claim) -> Profile:
    """The claim's content stems, names, figures (in text order), negation, the steps of a
    case and the conditions of a wounded person it names (`lexical.stages`,
    `lexical.conditions`), who it reports gave no comment (`lexical.silent_party`),
    the stems of its core statement (`core_stems`), whether it asks (`lexical.asks`)
    quoted words, and which figures sit in a concession (`lexical.conceded_spans`)."""
    spans = lexical.quoted_spans(claim.text)
    if claim.quote and len(lexical.words(claim.quote)) >= lexical.MIN_QUOTE_WORDS:
        spans.append(claim.quote)
    names = lexical.name_tokens(claim.names) or lexical.guess_names(claim.text)
    conceded = lexical.conceded_spans(claim.text) if claim.figures else ()
    return Profile(
        stems=lexical.content_stems(claim.text),
        names=names,
        figures=tuple(sorted(claim.figures, key=lambda f: (f.start, f.value))),
        negated=lexical.negated(claim.text),
        stages=lexical.stages(claim.text),
        conditions=lexical.conditions(claim.text),
        no_comment_from=lexical.silent_party(claim.text),
        core_stems=core_stems(claim.text),
        question=lexical.asks(claim.text),
        quote_grams=frozenset().union(*(lexical.trigrams(s) for s in spans)),
        text_grams=lexical.trigrams(claim.text),
        conceded=frozenset(
            f.start for f in claim.figures if any(begin <= f.start < end for begin, end in conceded)
        ),
    )


def core_stems(text: str) -> frozenset[str] | None:
    """The content stems of the text without the aside about its named subject, or None when
    it has none (`lexical.core_statement`)."""
    core = lexical.core_statement(text)
    return None if core is None else lexical.content_stems(core)


def overlap(a: frozenset[str], b: frozenset[str], idf: Idf) -> tuple[float, float]:
    """(weighted Jaccard, weighted containment): the weight of the shared words over that of
    all words, and over that of the smaller side."""
    if not a or not b:
        return 0.0, 0.0
    shared = idf.mass(a & b)
    mass_a, mass_b = idf.set_mass(a), idf.set_mass(b)
    return shared / (mass_a + mass_b - shared), shared / min(mass_a, mass_b)


def comparable(a: Figure, b: Figure) -> bool:
    """The same quantity (`same_quantity`: units convert, "24 dead" is not "50 injured"), and
    for dates at least one part that both give."""
    if not same_quantity(a, b):
        return False
    if a.unit != "date":
        return True
    parts = ((10000, 10**9), (100, 100), (1, 100))
    return any(int(a.value) // d % m and int(b.value) // d % m for d, m in parts)


def same_figure(a: Figure, b: Figure) -> bool:
    """figures_agree ("in 2014" is not "Dec. 20": no part stated by both)."""
    return figures_agree(a, b)


def principal(figures: Sequence[Figure]) -> Figure:
    """The figure a claim is about: its first figure that is not a date."""
    return next((f for f in figures if f.unit not in DATE_UNITS), figures[0])


EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})


def names_not_counts(figure: Figure) -> bool:
    """Whether a plain number names a place or a line rather than counting anything: an
    address ("the 12000 block of East 223rd Street") or an emergency number ("a witness
    called 911"). A number that names a thing a statement is about stays (".357 Magnum")."""
    if figure.unit:
        return False
    return figure.counted == "block" or (not figure.counted and figure.text in EMERGENCY_NUMBERS)


def describes_a_noun(figure: Figure) -> bool:
    """Whether the figure is a measure joined to its unit by a hyphen, which makes it describe
    the noun that follows ("a 6,900-tonne destroyer", "an eight-year offer", "the
    170,000-square-foot building") rather than state the claim's figure."""
    return bool(figure.unit) and "-" in figure.text


def figure_signals(a: Sequence[Figure], b: Sequence[Figure]) -> tuple[float, float]:
    """(agreement, clash) of two claims' figures.

    Agreement is 1 when each claim's principal figure has an equal in the other,
    0.5 when some other figure does. Clash is 1 when a principal figure has no equal although
    the other claim states a figure of the same unit (50,000 vs 40,000 personnel).
    """
    if not a or not b:
        return 0.0, 0.0
    lead_a, lead_b = principal(a), principal(b)
    a_found = any(same_figure(lead_a, y) for y in b)
    b_found = any(same_figure(lead_b, x) for x in a)
    if a_found and b_found:
        return 1.0, 0.0
    clash = (not a_found and any(comparable(lead_a, y) for y in b)) or (
        not b_found and any(comparable(lead_b, x) for x in a)
    )
    if clash:
        return 0.0, 1.0
    some = any(same_figure(x, y) for x in a for y in b)
    return (0.5 if some else 0.0), 0.0


def quote_overlap(a: Profile, b: Profile) -> float:
    """Share of the quoted word trigrams of either claim found verbatim in the other's text."""
    total = len(a.quote_grams) + len(b.quote_grams)
    if not total:
        return 0.0
    shared = len(a.quote_grams & b.text_grams) + len(b.quote_grams & a.text_grams)
    return shared / total


def signals(a: Profile, b: Profile, cosine: float, idf: Idf = UNIFORM) -> tuple[float, ...]:
    """The signal values of one pair, in the order of SIGNALS; `idf` weighs the words."""
    agree, clash = figure_signals(a.figures, b.figures)
    return (
        max(0.0, min(1.0, cosine)),
        *overlap(a.stems, b.stems, idf),
        overlap(a.names, b.names, idf)[0],
        agree,
        clash,
        float(a.negated != b.negated),
        quote_overlap(a, b),
    )


def combine(values: Sequence[float]) -> float:
    """The calibrated probability (0..1) that two claims state the same thing."""
    z = weights.BIAS + sum([w * x for w, x in zip(weights.WEIGHTS, values, strict=True)])
    return 1.0 / (1.0 + math.exp(-z))


def pair_score(
    a: Profile, b: Profile, cosine: float, idf: Idf = UNIFORM
) -> tuple[float, tuple[float, ...]]:
    """The score of one pair and its signal values."""
    values = signals(a, b, cosine, idf)
    return combine(values), values
