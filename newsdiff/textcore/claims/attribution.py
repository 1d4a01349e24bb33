"""Find who a sentence or a quote credits, as written: "Kirby", "he", "the unnamed official".

Only the phrase is found here; `speakers` turns it into a name ("he" -> "John Kirby").
Patterns, all around a speech verb ("said", "told", "added", ...):
  - subject before the verb: "Kirby said ...", "..., the senior American insider said."
    (an appositive may stand between: "John Kirby, spokesperson for ..., told reporters");
  - inverted after a comma or a quote: "..., said Western military observers.";
  - "according to Reuters";
  - next to a quote: "“...,” he said Thursday." / "Cleverly said, “...”" / "..., adding, “...”".
A sentence-final attribution ("..., Kirby said.") wins over a verb earlier in the sentence.
"""

from __future__ import annotations

import re

from newsdiff.textcore.claims.lexicon import (
    PASSIVE,
    PRONOUNS,
    SKIPPABLE,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
)

ADDING = "adding"

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_NOUNS = "|".join(sorted(SPEAKER_NOUNS, key=len, reverse=True))
_NP = r"[^,.;:“”\"()]"
VERB = re.compile(rf"\b(?:{_VERBS})\b")
ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<np>{_NP}+)")
AFTER_QUOTE = (
    re.compile(rf"^[\s,]*(?P<np>{_NP}{{1,80}}?)\s+(?:(?:also|later|then|again)\s+)?(?:{_VERBS})\b"),
    re.compile(rf"^[\s,]*(?P<np>{_NP}{{1,60}}?),\s+[^.;:“”\"]{{1,120}}?,\s+(?:{_VERBS})\b"),
    re.compile(rf"^[\s,]*(?:{_VERBS})\s+(?P<np>{_NP}+)"),
)
BEFORE_QUOTE = re.compile(rf"^(?P<left>.*?)\b(?:{_VERBS})\s*[,:]?\s*$", re.DOTALL)
ADDING_BEFORE = re.compile(r"\badding\s*[,:]?\s*$")
CLAUSE_SPLIT = re.compile(r"[,;:“”\"(–—]|\b(?:that|and|but|while|when|after|as)\b")
CAPITALISED_RUN = re.compile(
    r"(?:^|(?<=\s))(?P<run>(?:[A-Z][\w’'‘.-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?)*[A-Z][\w’'‘.-]*)$"
)
DESCRIPTION = re.compile(rf"(?:\b(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'.-]+\s+){{0,3}}?(?:{_NOUNS})$")
FULL_DESCRIPTION = re.compile(rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'.-]+\s+){{0,3}}(?:{_NOUNS})$")
INVERTED_END = re.compile(rf"\s+(?:in|on|at|to|from|during|about|with)\b.*$|\s+(?:{_VERBS})\b.*$")
TAIL_WORD = re.compile(r"[\w’'.-]+")
ADVERB = re.compile(r"^[a-z]+ly$")
INVERTED_START = re.compile(r"\s+(?=[A-Z]|(?:the|a|an)\s)")


def sentence_speaker(sentence: str, quoted: list[tuple[int, int]]) -> str | None:
    """The speaker phrase a sentence credits outside its quotes, or None."""
    verbs = [m for m in VERB.finditer(sentence) if not _inside(m.start(), quoted)]
    if verbs and _is_final(sentence, verbs[-1]):
        found = _speaker_at(sentence, verbs[-1], quoted)
        if found:
            return found
    according = ACCORDING.search(sentence)
    if according and not _inside(according.start(), quoted):
        return _source(according.group("np").strip())
    return next(filter(None, (_speaker_at(sentence, m, quoted) for m in verbs)), None)


def quote_speaker(before: str, after: str) -> str | None:
    """The speaker phrase next to a quote: in `after` (the text following its closing mark)
    or in `before` (the text preceding its opening mark); ADDING for "..., adding, “...”"."""
    for pattern in AFTER_QUOTE:
        match = pattern.match(after)
        subject = match and _subject(match.group("np"))
        if subject:
            return subject
    if ADDING_BEFORE.search(before):
        return ADDING
    match = BEFORE_QUOTE.match(before)
    return speaker_before(match.group("left")) if match else None


def speaker_before(left: str) -> str | None:
    """The subject phrase that ends `left`, the text just before a speech verb."""
    left = left.rstrip()
    if left.endswith(","):
        return _appositive(left.rstrip(","))
    words = left.split()
    while words and (words[-1].lower() in SKIPPABLE | PASSIVE or ADVERB.match(words[-1])):
        if words.pop().lower() in PASSIVE:
            return None
    clause = CLAUSE_SPLIT.split(" ".join(words))[-1].strip()
    return _subject_at_end(clause)


def _speaker_at(sentence: str, verb: re.Match[str], quoted: list[tuple[int, int]]) -> str | None:
    left = sentence[max([0, *(end for _, end in quoted if end <= verb.start())]) : verb.start()]
    if re.search(r"[,”\"]\s*$", left):
        inverted = _inverted(sentence[verb.end() :])
        if inverted:
            return inverted
    return speaker_before(left)


def _source(phrase: str) -> str | None:
    """ "according to" whom: a name ("Reuters", "spokesperson John Kirby") or a speaker
    description ("the insider"); not "US information"."""
    words = phrase.split()
    if not words:
        return None
    if words[-1][:1].isupper():
        return phrase
    description = DESCRIPTION.search(phrase)
    return description.group(0) if description else None


def _inverted(right: str) -> str | None:
    if not INVERTED_START.match(right):
        return None
    match = re.match(rf"\s+(?P<np>{_NP}+)", right)
    return _subject(INVERTED_END.sub("", match.group("np"))) if match else None


def _appositive(left: str) -> str | None:
    """ "John Kirby, spokesperson for ..." -> "John Kirby"; "..., Linda Thomas-Greenfield"."""
    head, _, last = left.rpartition(",")
    last = last.strip()
    if CAPITALISED_RUN.fullmatch(last) or not head:
        return _subject_at_end(last)
    return _subject_at_end(CLAUSE_SPLIT.split(head)[-1].strip())


def _subject_at_end(clause: str) -> str | None:
    words = clause.split()
    if words and words[-1].lower() in PRONOUNS:
        return words[-1].lower()
    run = CAPITALISED_RUN.search(clause)
    if run and run.group("run").split()[-1].lower() not in {"it", "i", "we", "you"}:
        return _with_article(clause, run.start("run"), run.group("run"))
    description = DESCRIPTION.search(clause)
    return description.group(0) if description else None


def _with_article(clause: str, start: int, run: str) -> str:
    before = clause[:start].split()
    return f"the {run}" if before and before[-1].lower() == "the" else run


def _subject(phrase: str) -> str | None:
    """`phrase` when the whole of it can be a speaker, else None."""
    phrase = phrase.strip()
    if phrase.lower() in PRONOUNS:
        return phrase.lower()
    if CAPITALISED_RUN.fullmatch(phrase) or FULL_DESCRIPTION.match(phrase):
        return phrase
    bare = re.sub(r"^[Tt]he\s+", "", phrase)
    return phrase if bare != phrase and CAPITALISED_RUN.fullmatch(bare) else None


def _is_final(sentence: str, verb: re.Match[str]) -> bool:
    """Whether the verb closes the sentence: "..., Kirby said in a statement on Thursday."""
    tail = TAIL_WORD.findall(sentence[verb.end() :])
    clause_start = sentence.rfind(",", 0, verb.start())
    return clause_start > 0 and len(tail) <= 6 and "that" not in tail


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
