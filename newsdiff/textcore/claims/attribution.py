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
from bisect import bisect_right

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
# The leading "[\s,]*+" is possessive, and a verb's trailing "\s*+(?:[,:]\s*+)?" too: the
# phrase after it, or the "$", never takes back spaces they took (a long run of spaces was
# split between them in every way).
AFTER_QUOTE = (
    re.compile(
        rf"^[\s,]*+(?P<np>{_NP}{{1,80}}?)\s+(?:(?:also|later|then|again)\s+)?(?:{_VERBS})\b"
    ),
    re.compile(rf"^[\s,]*+(?P<np>{_NP}{{1,60}}?),\s+[^.;:“”\"]{{1,120}}?,\s+(?:{_VERBS})\b"),
    re.compile(rf"^[\s,]*+(?:{_VERBS})\s+(?P<np>{_NP}+)"),
)
BEFORE_QUOTE = re.compile(rf"^(?P<left>.*?)\b(?:{_VERBS})\s*+(?:[,:]\s*+)?$", re.DOTALL)
ADDING_BEFORE = re.compile(r"\badding\s*+(?:[,:]\s*+)?$")
CLAUSE_SPLIT = re.compile(r"[,;:“”\"(–—]|\b(?:that|and|but|while|when|after|as)\b")
# A capitalised word; runs of them ("Secretary of State Antony Blinken") are read word by
# word from the end of a clause (`capitalised_run`), not searched for with a pattern anchored
# at "$", which rescans the run from each of its words.
CAPITALISED_WORD = re.compile(r"[A-Z][\w’'‘.-]*")
RUN_CONNECTORS = frozenset({"of", "for"})
# The words before a speaker noun start where a word starts (tried inside a long word, the
# pattern rescanned the rest of it from each letter).
DESCRIPTION = re.compile(
    rf"(?:\b(?:[Tt]he|[Aa]n?)\s+)?(?:(?<![\w’'.-])(?:[\w’'.-]+\s+){{1,3}}?)??(?:{_NOUNS})$"
)
FULL_DESCRIPTION = re.compile(rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'.-]+\s+){{0,3}}(?:{_NOUNS})$")
INVERTED_END = re.compile(
    rf"(?<!\s)\s+(?:in|on|at|to|from|during|about|with)\b[^\n]*+$|(?<!\s)\s+(?:{_VERBS})\b[^\n]*+$"
)
TAIL_WORD = re.compile(r"[\w’'.-]+")
ADVERB = re.compile(r"^[a-z]+ly$")
INVERTED_START = re.compile(r"\s+(?=[A-Z]|(?:the|a|an)\s)")
# How far from a speech verb its speaker is looked for, each side, in characters.
SPEAKER_WINDOW = 400


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
    """The speaker of one verb, looked for in SPEAKER_WINDOW characters each side of it (a
    sentence of thousands of verbs is not sliced whole for each)."""
    start = max(_last_end_before(quoted, verb.start()), verb.start() - SPEAKER_WINDOW)
    left = sentence[start : verb.start()]
    if left.rstrip()[-1:] in (",", "”", '"'):
        inverted = _inverted(sentence[verb.end() : verb.end() + SPEAKER_WINDOW])
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
    if _is_capitalised_run(last) or not head:
        return _subject_at_end(last)
    return _subject_at_end(CLAUSE_SPLIT.split(head)[-1].strip())


def _subject_at_end(clause: str) -> str | None:
    words = clause.split()
    if words and words[-1].lower() in PRONOUNS:
        return words[-1].lower()
    run_start = capitalised_run(clause)
    if run_start is not None and clause.split()[-1].lower() not in {"it", "i", "we", "you"}:
        return _with_article(clause, run_start, clause[run_start:])
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
    if _is_capitalised_run(phrase) or FULL_DESCRIPTION.match(phrase):
        return phrase
    bare = re.sub(r"^[Tt]he\s+", "", phrase)
    return phrase if bare != phrase and _is_capitalised_run(bare) else None


def capitalised_run(clause: str) -> int | None:
    """Where the run of capitalised words that ends `clause` starts ("... said Secretary of
    State Antony Blinken" -> the offset of "Secretary"), or None when the clause does not end
    on a capitalised word. Words are read from the end; "of"/"for" (maybe followed by "the")
    join two capitalised words. The run starts at the clause's start or after a space."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", clause)][::-1]
    if not words or words[0][0] + len(words[0][1]) != len(clause):
        return None
    start, index = None, 0
    while index < len(words) and CAPITALISED_WORD.fullmatch(words[index][1]):
        start, index = words[index][0], index + 1
        joined = _connector_length(words, index)
        following = index + joined < len(words) and words[index + joined][1]
        if joined and following and CAPITALISED_WORD.fullmatch(following):
            index += joined
    return start


def _connector_length(words: list[tuple[int, str]], index: int) -> int:
    """How many words from `index` on (read backwards) join two words of a run: 1 for
    "of"/"for", 2 for "of the"/"for the" (read as "the", "of"), 0 for none."""
    word = words[index][1] if index < len(words) else ""
    if word in RUN_CONNECTORS:
        return 1
    before = words[index + 1][1] if index + 1 < len(words) else ""
    return 2 if word == "the" and before in RUN_CONNECTORS else 0


def _is_capitalised_run(phrase: str) -> bool:
    return capitalised_run(phrase) == 0


def _is_final(sentence: str, verb: re.Match[str]) -> bool:
    """Whether the verb closes the sentence: "..., Kirby said in a statement on Thursday."""
    tail = TAIL_WORD.findall(sentence[verb.end() :])
    clause_start = sentence.rfind(",", 0, verb.start())
    return clause_start > 0 and len(tail) <= 6 and "that" not in tail


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` falls in one of `spans` (sorted, not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _last_end_before(spans: list[tuple[int, int]], position: int) -> int:
    """The end of the last of `spans` (sorted, not overlapping) that ends by `position`, or 0."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    while index >= 0 and spans[index][1] > position:
        index -= 1
    return spans[index][1] if index >= 0 else 0
