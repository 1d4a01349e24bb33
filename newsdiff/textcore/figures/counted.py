"""What a figure counts, read from a few words around it: "24 dead", "killing 24", "three live
shells", "a magnitude 6.1 quake", "a 48-year-old man", "Jean Larson, 48,".

`counted_of` returns the thing counted as one word without its plural ("shell", "entrance",
"count"), or a role that several wordings share:
- "dead": "24 dead", "24 people were killed", "killing 24", "the death toll rose to 24",
  "claimed 24 lives"; "injured": "injuring 50", "50 wounded", "2 hurt", "50 injuries";
  "shot": "shot three people", "three people were shot";
- "people": a count of people of no stated fate ("50,000 fighters", "Wagner personnel",
  "50,000 strong", "two men", "12 others");
- "magnitude": "magnitude 6.1", "a 6.1-magnitude quake", "a magnitude of 6.1";
- "age": "a 48-year-old man", "48 years old", "aged 47"; "age of Larson" when an apposition
  names whose age it is ("Jean Larson, 48, a staff accountant").
A part of a whole counts what the whole counts: "40,000 of the Wagner personnel" is people.
A number joined to a noun by a hyphen before another noun is an attribute of that noun and
counts the joined word: "a three-story building" counts "story", not buildings; "a 12-gauge
shotgun" counts "gauge". "" when the words do not say ("two of them", "three, police said").

Only a bounded window is read: at most BEFORE characters before the figure and AFTER after
it, and at most MAX_WORDS words of that; each pattern is anchored and has no nested
quantifier, so a hostile text costs a constant per figure.
"""

from __future__ import annotations

import re

from newsdiff.textcore.figures.numwords import NUMBER_WORDS_RE

BEFORE = 48
AFTER = 64
MAX_WORDS = 6

DEAD = "dead"
INJURED = "injured"
SHOT = "shot"
PEOPLE = "people"
AGE = "age"
MAGNITUDE = "magnitude"
FATES = frozenset({DEAD, INJURED, SHOT})

CASUALTY_WORDS = {
    **dict.fromkeys(
        str.split("dead killed died die deaths death fatalities fatality lives bodies"), DEAD
    ),
    **dict.fromkeys(str.split("injured wounded hurt injuries injury"), INJURED),
    SHOT: SHOT,
}
PEOPLE_WORDS = frozenset(
    str.split(
        "people person persons man men woman women child children individual individuals"
        " personnel fighter fighters troop troops soldier soldiers mercenary mercenaries worker"
        " workers employee employees co-worker co-workers coworker coworkers resident residents"
        " civilian civilians adult adults strong other others contractor contractors convict"
        " convicts recruit recruits prisoner prisoners inmate inmates combatant combatants"
        " member members staff staffers volunteer volunteers refugee refugees migrant migrants"
        " citizen citizens official officials officer officers police"
    )
)
# Between a count and its casualty word: "24 people were killed", "2 others reportedly hurt".
AUXILIARIES = frozenset(
    str.split("were was are is have has had been being be reportedly also all later since who")
)
# Words that end the noun phrase after a count: no noun follows ("three of the victims").
STOPS = frozenset(
    str.split(
        "of in at on to from for with by as than and or but nor the a an that this these those"
        " their his her its our your my who which whom whose per into onto over under after"
        " before during between about around since until while when where if then there here"
        " it they he she we you i more less last next each apiece times up down out off away"
        " back ago later earlier"
    )
)
# Words between a count and its noun that say what kind ("three live shells").
MODIFIERS = frozenset(
    str.split(
        "other more additional further female male young old elderly small large big new live"
        " former senior junior separate different local foreign unarmed armed innocent total"
        " full actual only long-time"
    )
)
NAME_SUFFIXES = r"(?:\s+(?:Jr\.?|Sr\.?|II|III|IV))?"

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
CASUALTY_VERB_BEFORE = re.compile(
    r"\b(?P<verb>kill(?:s|ed|ing)?|injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?|hurt(?:s|ing)?"
    r"|shoot(?:s|ing)?|shot)\s+$",
    re.IGNORECASE,
)
DEATH_TOLL_BEFORE = re.compile(r"\bdeath\s+toll\b[^.;:!?]{0,24}$", re.IGNORECASE)
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]+$", re.IGNORECASE)
MAGNITUDE_AFTER = re.compile(r"[\s-]{1,3}magnitude\b", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:\d{1,3}\s+(?:and|or|to)\s+)?$", re.IGNORECASE)
AGE_AFTER = re.compile(r"(?:\s?-\s?|\s)old\b", re.IGNORECASE)
PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the\s+|these\s+|those\s+|all\s+)?$", re.IGNORECASE)
# "a total of 10 people had been killed" counts the dead, not a part of a whole.
TOTAL_BEFORE = re.compile(r"\b(?:total|toll|tally|number|count|sum)\s+of\s+$", re.IGNORECASE)
APPOSITION_BEFORE = re.compile(rf"\b(?P<name>[A-Z][\w'’-]{{1,40}}){NAME_SUFFIXES}\s?,\s?$")
APPOSITION_AFTER = re.compile(r"\s?(?:[,;)]|\.(?!\d)|$)")
COMPOUND_AFTER = re.compile(r"-(?P<word>[A-Za-z]{2,30})\b(?!-)")
WHOLES = frozenset({"the", "these", "those", "its", "their", "his", "her", "our"})
AGE_UNITS = frozenset({"year", "month", "week", "day"})
IRREGULAR_SINGULARS = {"people": "people", "series": "series", "species": "species"}


def counted_of(text: str, start: int, end: int, unit: str) -> tuple[str, str]:
    """What the figure at `text[start:end]` counts, and its unit once read so: a
    "48-year-old" is an age (unit "") and no longer a duration of 48 years."""
    after = text[end : end + AFTER]
    if unit in AGE_UNITS and AGE_AFTER.match(after):
        return AGE, "" if unit == "year" else unit
    if unit:
        return "", unit
    before = text[max(0, start - BEFORE) : start]
    return _count_of(before, after), unit


def _count_of(before: str, after: str) -> str:
    if AGE_BEFORE.search(before):
        return AGE
    if MAGNITUDE_BEFORE.search(before) or MAGNITUDE_AFTER.match(after):
        return MAGNITUDE
    if verb := CASUALTY_VERB_BEFORE.search(before):
        return _casualty_of_verb(verb.group("verb").lower())
    if DEATH_TOLL_BEFORE.search(before):
        return DEAD
    if compound := COMPOUND_AFTER.match(after):
        return _noun(compound.group("word").lower())
    if (name := APPOSITION_BEFORE.search(before)) and APPOSITION_AFTER.match(after):
        return f"{AGE} of {name.group('name')}"
    partitive = bool(PARTITIVE_BEFORE.search(before)) and not TOTAL_BEFORE.search(before)
    return _noun_after(after, partitive=partitive)


def _casualty_of_verb(verb: str) -> str:
    if verb.startswith("kill"):
        return DEAD
    if verb.startswith("sho"):
        return SHOT
    return INJURED


def _noun_after(after: str, *, partitive: bool) -> str:
    """The noun the count stands before, or the casualty word of "24 people were killed"
    (not for a part of a whole: "two of the three victims died" counts victims in three)."""
    noun = ""
    tokens = TOKEN.findall(after)[:MAX_WORDS]
    if len(tokens) > 2 and tokens[0].lower() == "of" and tokens[1].lower() in WHOLES:
        tokens, partitive = tokens[2:], True  # "40,000 of the Wagner personnel"
    for token in tokens:
        word = token.lower().strip("-'’")
        if not word or not word[0].isalpha() or NUMBER_WORDS_RE.fullmatch(word):
            break
        role = CASUALTY_WORDS.get(word)
        if role:
            return noun if noun and (partitive or noun != PEOPLE) else role
        if word in AUXILIARIES:
            if noun or word in ("were", "was", "are", "is", "had", "have", "has", "been"):
                continue
            break
        if noun or word in STOPS:
            break
        if word in PEOPLE_WORDS:
            noun = PEOPLE
        elif word in MODIFIERS or word.endswith(("ing", "ly", "ed")) or token[0].isupper():
            continue
        else:
            noun = _noun(word)
    return noun


def _noun(word: str) -> str:
    """The word without its plural ("shells" -> "shell", "stories" -> "story"), and "people"
    for a word that counts people."""
    if word in PEOPLE_WORDS:
        return PEOPLE
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
