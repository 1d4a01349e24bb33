"""Word-level helpers for comparing claims: content words, light stems, names, quotes, negation.

Small `str -> set` functions; the word lists and compiled patterns are collected at the top.
"""

from __future__ import annotations

import re
from itertools import pairwise

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
CAPITALISED = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]{2,}|(?:[A-Z]\.){2,})")
QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
POSSESSIVE = re.compile(r"['’]s?$")
MIN_QUOTE_WORDS = 3
# " – aside – ", " (aside) ", or a final " – aside": spaced en/em dashes, not hyphens
ASIDE = re.compile(r"\s[–—]\s[^–—]*?(?:\s[–—]\s|$)|\s\([^()]*\)")
MIN_MAIN_WORDS = 5


def word_set(block: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text."""
    return frozenset(block.split())


STOP_WORDS = word_set(
    """
    a about above after again against all also am an and any are around as at be because been
    before being below between both but by can could did do does doing down during each even
    ever every few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just many may me might more most much must my myself now
    of off on once one only or other others our ours ourselves out over own per quite rather
    same says said say she should since so some such than that the their theirs them themselves
    then there these they this those though through thus to too under until up upon us very was
    we were what when where which while who whom whose why will with would yet you your yours
    yourself according told added adding also however mr mrs ms
    """
)

NEGATION_CUES = word_set(
    """
    not no never none nor neither nobody nothing nowhere cannot without deny denies denied
    denying refuse refuses refused rejects rejected dismissed discounted disputed disputes
    """
)
# A "not" (or "n't") that a "but" or an "until" corrects within NEGATION_REACH words denies
# nothing: "the source was not one person, but probably a combination" states the combination;
# "the shop will not open until May" states when it opens; "Reagins didn't reveal the dollar
# amounts, but the newspaper speculates the deal is worth at least $160 million" states the
# figure (ECB+ 10_ecb: it had been kept from "The dollar amount was unspecified, but ...").
# ("not ... before" stays a denial: "not restored before 31 December" and "restored before 31
# December" disagree.)
NEGATION_CORRECTIONS = word_set("but until")
NEGATION_REACH = 8
# "has yet to revise it" denies as "has not revised it" does.
NEGATION_PAIRS = frozenset({("yet", "to")})
# Withdrawing from an engagement reverses taking part in it: "Gary Ross has pulled out of
# negotiations to direct the sequel" / "Gary Ross is in negotiations to direct the sequel"
# (ECB+ 6_ecbplus, model 0.86) state opposite things. Only an engagement counts: "survivors
# were pulled out of the rubble" withdraws nobody.
WITHDRAWALS = frozenset(
    {("pulled", "out"), ("pulls", "out"), ("pull", "out"), ("backed", "out"), ("backs", "out"),
     ("dropped", "out"), ("drops", "out"), ("walked", "away"), ("walks", "away"),
     ("withdrew", "from"), ("withdrawn", "from"), ("withdraws", "from")}
)  # fmt: skip
ENGAGEMENTS = word_set(
    """
    negotiations negotiation talks deal race contest agreement contract project bid election
    tournament competition film movie role sequel production treaty accord coalition
    """
)
WITHDRAWAL_REACH = 4
# A sentence that opens with a concession ("Though the newspaper doesn't cite its source, it
# stated that ...") states what follows the comma.
CONCESSIONS = word_set("though although while whereas despite")
# A concession runs from "despite", or from an opening "Although" or "Though", to the next
# comma: what it grants is not what the claim states ("Days after Hardwicke was ousted,
# despite having directed the film to $140 million of business, Weitz is close to signing
# on"). A "though" inside a sentence often states ("Reports varied, though WCVB-TV claims it
# was $184 million").
CONCESSION_SPAN = re.compile(
    r"(?:\b[Dd]espite\b|^(?:Although|Though|Even though)\b)(?:[^,;]|,(?=\S))*"
)  # a comma inside a number ("50,000") does not end it

# Steps of a manhunt and of a criminal case. Two claims that each name a step, and no step in
# common, report different moments of a story ("is charged with murder" / "was found guilty of
# murder"; "officers were searching for the gunman" / "the suspect was arrested"; "the murder
# trial starts Monday" / "a judge found her guilty"), however
# alike their words. Single words, then two-word cues; "accused" and "suspect" name no step
# (they are said at every step).
STAGE_WORDS = {
    word: stage
    for stage, block in {
        "sought": "manhunt fugitive",
        "tried": "trial",
        "arrested": "arrested arrest arrests apprehended captured custody surrendered",
        "charged": "charged indicted indictment",
        "arraigned": "arraigned arraignment plea pleaded pleads",
        "convicted": "convicted conviction",
        "sentenced": "sentenced sentencing",
        "acquitted": "acquitted acquittal",
    }.items()
    for word in block.split()
}
STAGE_PAIRS = {
    ("searching", "for"): "sought",
    ("search", "for"): "sought",
    ("hunt", "for"): "sought",
    ("at", "large"): "sought",
    ("found", "guilty"): "convicted",
    ("guilty", "verdict"): "convicted",
    ("found", "not"): "acquitted",
}

# With "court", an appearance there is a step of the case (ECB+ 18_ecb: "made a brief
# appearance in Vancouver provincial court Monday on a charge of first-degree murder" had
# shared a row with "was charged Saturday with one count of first-degree murder").
APPEARANCE_WORDS = word_set("appear appeared appears appearing appearance appearances")

# A source that gave no comment: "have not commented", "declined to comment", "did not respond
# to requests for comment", "could not be reached", "statements from X are not available".
# Every outlet says it of the parties it asked, in its own words, and the words barely
# overlap (the model gives such pairs 0.3); what tells two apart is who kept silent.
SILENCE_WORDS = word_set("comment commented commenting comments")
SILENCE_RESPONSES = word_set("respond responded reply replied")
SILENCE_RETURNS = word_set("return returned returning")
SILENCE_MESSAGES = word_set(
    "call calls message messages request requests email emails inquiry inquiries questions"
)
SILENCE_REFUSALS = word_set("declined declines decline refused refuses refuse")
SILENCE_UNAVAILABLE = word_set("available unavailable")
SILENCE_SOURCES = word_set(
    """
    statement statements comment comments spokesman spokeswoman spokesperson spokespeople
    representative representatives official officials
    """
)
# the word before a word of commenting: "not commented", "to comment", "for comment", "no
# further comment"; never "the comments"
SILENCE_LEADS = word_set(
    "not never no to for further immediate immediately seeking add any publicly been have has"
)
SILENCE_DENIALS = word_set("not no never")
SILENCE_CUES = (
    SILENCE_WORDS | SILENCE_RESPONSES | SILENCE_RETURNS | SILENCE_UNAVAILABLE | {"reached"}
)
MAX_SILENCE_WORDS = 30

# "Esther Williams, the swimming champion turned actress ..., has died": a named subject, an
# aside between commas about it, then the verb. The verb opens with one of these words or a
# past tense in -ed; the name's words are capitalised or name particles.
CORE_VERBS = word_set(
    """
    has have had is was were are will would could can may might should did does do died dies
    remains remained
    """
)
NAME_PARTICLES = word_set("de da del della di du van von der den la le al bin ibn st")
MAX_SUBJECT_WORDS = 5
MAX_ASIDE_WORDS = 30

# A wounded person's condition, which reports give at different times: "is hospitalized in
# critical condition" / "spent two weeks in the hospital and is recovering". Named only by
# these words (a state word counts before "condition"), so "a critical moment" names none.
CONDITION_STATES = word_set("critical serious stable fair good grave")
CONDITION_WORDS = {
    "critically": "critical",
    "recovering": "recovering",
    "recovered": "recovering",
    "discharged": "released",
}
CONDITION_PAIRS = {("released", "from"): "released"}

NAME_STOPS = word_set(
    """
    the a an but and or if in on at for of to by as it its this that these those there he she
    they we i his her their our you after before when while last next early late today
    yesterday however meanwhile earlier later according mr mrs ms
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec
    """
)

SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ers", ""), ("er", ""), ("ing", ""), ("ed", "")
)  # fmt: skip
STEM_LENGTH = 6


def words(text: str) -> list[str]:
    """Lower-cased words and numbers (thousands separators dropped), in order."""
    return [w.lower().replace("’", "'").replace(",", "") for w in WORD.findall(text)]


def stem(word: str) -> str:
    """A light stem: inflections off, final y as i, cut to STEM_LENGTH letters, so "supply"
    meets "suppliers" and "confirmed" meets "confirmation"."""
    if word[0].isdigit():
        return word
    word = POSSESSIVE.sub("", word)
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    return word[:STEM_LENGTH]


def content_stems(text: str) -> frozenset[str]:
    """Stems of the words that carry content (stop words and negation cues out)."""
    return frozenset(
        stem(w)
        for w in words(text)
        if (len(w) > 1 or w.isdigit()) and w not in STOP_WORDS and w not in NEGATION_CUES
    )


def negated(text: str) -> bool:
    """Whether the main clause carries a negation or denial cue ("not", "n't", "never",
    "denied", "has yet to") or a withdrawal from an engagement ("pulled out of
    negotiations"); an aside set off by dashes or brackets does not count ("X supplied arms,
    the US said – a charge later denied by Y": the claim still states that X supplied arms), nor
    an opening concession (CONCESSIONS), nor a "not" that a "but" or a time corrects
    (NEGATION_CORRECTIONS: "not one person, but a combination", "will not open until May")."""
    clause = main_clause(text)
    opening, comma, rest = clause.partition(", ")
    if comma and opening.split(" ", 1)[0].lower() in CONCESSIONS:
        clause = rest
    tokens = words(clause)
    if any(pair in NEGATION_PAIRS for pair in pairwise(tokens)) or withdraws(tokens):
        return True
    for n, token in enumerate(tokens):
        if token in NEGATION_CUES or token.endswith("n't"):
            corrected = (token == "not" or token.endswith("n't")) and any(
                t in NEGATION_CORRECTIONS for t in tokens[n + 1 : n + 1 + NEGATION_REACH]
            )
            if not corrected:
                return True
    return False


def withdraws(tokens: list[str]) -> bool:
    """Whether the words say that someone withdrew from an engagement (WITHDRAWALS followed
    within WITHDRAWAL_REACH words by one of ENGAGEMENTS)."""
    return any(
        pair in WITHDRAWALS and not ENGAGEMENTS.isdisjoint(tokens[n + 2 : n + 2 + WITHDRAWAL_REACH])
        for n, pair in enumerate(pairwise(tokens))
    )


def stages(text: str) -> frozenset[str]:
    """The steps of a manhunt or criminal case the text names (STAGE_WORDS, STAGE_PAIRS)."""
    tokens = words(text)
    found = named_in(tokens, STAGE_WORDS, STAGE_PAIRS)
    not_guilty = ("not", "guilty") in pairwise(tokens)
    if "guilty" in tokens and not found & {"arraigned", "acquitted"} and not not_guilty:
        found.add("convicted")  # "a judge found a former employee guilty of murder"
    if "court" in tokens and not APPEARANCE_WORDS.isdisjoint(tokens):
        found.add("arraigned")  # "made a brief appearance in provincial court Monday"
    return frozenset(found)


def named_in(
    tokens: list[str], singles: dict[str, str], pairs: dict[tuple[str, str], str]
) -> set[str]:
    """What the tokens name by the single words and the two-word cues of a vocabulary."""
    found = {singles[t] for t in tokens if t in singles}
    found.update(pairs[pair] for pair in pairwise(tokens) if pair in pairs)
    return found


def no_comment(text: str) -> bool:
    """Whether the text (its main clause, at most MAX_SILENCE_WORDS words) says that someone
    gave no comment (SILENCE_*): commenting denied or refused ("have not commented",
    "declined to comment", "no further comment", not "did not react to the comments"), a
    request unanswered ("did not respond to requests", "didn't return a call"), "could not
    be reached", or statements or spokespeople not available."""
    if SILENCE_CUES.isdisjoint(words(text)):
        return False  # most claims: no word of commenting, answering or reaching
    tokens = words(main_clause(text))
    if len(tokens) > MAX_SILENCE_WORDS:
        return False
    denied = any(denial(t) for t in tokens)
    said = set(tokens)
    if said & SILENCE_SOURCES and ("unavailable" in said or (denied and "available" in said)):
        return True
    if any(t in SILENCE_WORDS and before in SILENCE_LEADS for before, t in pairwise(tokens)):
        return denied or bool(said & SILENCE_REFUSALS) or "unavailable" in said
    asked = said & SILENCE_MESSAGES and said & (SILENCE_RESPONSES | SILENCE_RETURNS)
    unreached = any(
        denial(a) and b in ("be", "been") and c == "reached"
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
    )
    return denied and bool(asked or unreached)


def denial(token: str) -> bool:
    return token in SILENCE_DENIALS or token.endswith("n't")


def silent_party(text: str) -> frozenset[str] | None:
    """Who gave no comment, when the text says someone did (`no_comment`): the stems of the
    names in it, not counting its first word ("City hall did not respond"); None otherwise."""
    if not no_comment(text):
        return None
    return frozenset(stem(name) for name in guess_names(text))


def asks(text: str) -> bool:
    """Whether the text is a question of the writer's ("Should the Yankees go higher than $25
    million a season?"): it ends with a question mark. A question states nothing, so it is
    never the same as a statement; a quoted one ('He asked: "Why me?"') reports what was
    asked and is a statement."""
    return text.rstrip().endswith("?")


def conditions(text: str) -> frozenset[str]:
    """The conditions of a wounded person the text names (CONDITION_*): "critical" for "in
    critical condition" or "critically wounded", "recovering", "released"."""
    tokens = words(text)
    found = named_in(tokens, CONDITION_WORDS, CONDITION_PAIRS)
    found.update(a for a, b in pairwise(tokens) if b == "condition" and a in CONDITION_STATES)
    return frozenset(found)


def stages_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims' steps (`stages`) tell them apart: each names one, none in common."""
    return bool(a) and bool(b) and not a & b


def conceded_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each concession in the text (CONCESSION_SPAN)."""
    return tuple(m.span() for m in CONCESSION_SPAN.finditer(text))


def main_clause(text: str) -> str:
    """The text without its asides: spans between dashes or brackets, and a closing part
    after a dash, when what is left still has MIN_MAIN_WORDS words."""
    kept = ASIDE.sub(" ", text)
    return kept if len(words(kept)) >= MIN_MAIN_WORDS else text


def core_statement(text: str) -> str | None:
    """The text without the aside that describes its named subject ("Esther Williams, swimming
    champion, actress, and pin-up icon, has died" -> "Esther Williams has died"), or None when
    it has no such aside (nor a second subject in it: "Riva, 47, and Steinberg, 48, were
    treated"). Outlets describe one person in their own words and state the same
    thing about them; the model, trained on MRPC, reads the descriptions as a difference."""
    parts = text.split(", ")
    subject = parts[0].split()
    if len(parts) < 3 or not 1 <= len(subject) <= MAX_SUBJECT_WORDS:
        return None
    if not all(w[:1].isupper() or w in NAME_PARTICLES for w in subject):
        return None
    if subject[0].lower() in NAME_STOPS:
        return None
    for end in range(2, len(parts)):
        rest = ", ".join(parts[end:])
        verb = rest.split(" ", 1)[0]
        if verb in CORE_VERBS or (verb.islower() and verb.endswith("ed") and len(verb) > 4):
            aside = ", ".join(parts[1:end]).split()
            joined = any(a == "and" and b[:1].isupper() for a, b in pairwise(aside))
            if joined or len(aside) > MAX_ASIDE_WORDS or len(rest.split()) < 2:
                return None
            return f"{parts[0]} {rest}"
    return None


def guess_names(text: str) -> frozenset[str]:
    """Lower-cased capitalised words that are not the first word of the text nor common words."""
    found = set()
    for match in CAPITALISED.finditer(text):
        token = POSSESSIVE.sub("", match.group(0).lower().replace(".", ""))
        if match.start() == 0 or token in NAME_STOPS or len(token) < 2:
            continue
        found.add(token)
    return frozenset(found)


def name_tokens(names: tuple[str, ...]) -> frozenset[str]:
    """Single lower-cased tokens of given names ("John Kirby" -> {"john", "kirby"})."""
    return frozenset(w for name in names for w in words(name) if w not in NAME_STOPS)


def quoted_spans(text: str) -> list[str]:
    """Texts between quotation marks of at least three words."""
    # Searched only up to the last closing mark: an opening mark with none after it would
    # otherwise be followed to the end of the text, from each opening mark.
    last_close = max(text.rfind("”"), text.rfind('"'))
    found = QUOTED.findall(text, 0, last_close + 1)
    return [q for q in found if len(words(q)) >= MIN_QUOTE_WORDS]


def trigrams(text: str) -> frozenset[tuple[str, str, str]]:
    """Word trigrams of the text (all words, lower-cased)."""
    tokens = words(text)
    return frozenset(zip(tokens, tokens[1:], tokens[2:], strict=False))
