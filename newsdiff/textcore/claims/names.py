"""Proper names in a text: people, organisations and places, in one spelling each.

A name is a run of capitalised words ("White House National Security Council", "Secretary
of State Antony Blinken"). Runs are cut at possessives ("Russia’s Wagner Group") and at
sentence ends; common capitalised words ("The", "However", "Thursday") are dropped; a title
separates an organisation from the person after it ("Russian President Vladimir Putin" ->
"Russia", "Vladimir Putin"); acronyms and country words get one form ("U.S.", "United
States", "American" -> "US"; "U.N." -> "UN"). With `known` full names, a surname on its own
becomes the full name ("Kirby" -> "John Kirby").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsdiff.textcore.claims.lexicon import ALIASES, DEMONYMS, NOT_NAMES, ORG_WORDS, ROLES, TITLES

_SPACE = r"[ \u00a0]+"
_WORD = r"[A-Z][\w’'‘.-]*"
RUN = re.compile(
    rf"{_WORD}(?:{_SPACE}(?:(?:of|de|al|bin|van|von|der){_SPACE}(?:the{_SPACE})?)?{_WORD})*"
)
ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,}$")
POSSESSIVE = re.compile(r"[’'‘]s?$")
CONNECTORS = frozenset({"of", "de", "al", "bin", "van", "von", "der", "the"})
SENTENCE_START = re.compile(r"(?:^|[.!?…][”\"’)]*\s+|^[“\"‘(])$")
NOT_PERSON = ORG_WORDS | NOT_NAMES | ROLES | frozenset(ALIASES) | DEMONYMS
TITLE_DOT = re.compile(r"^(?:Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof)\.$")


@dataclass(frozen=True, slots=True)
class Name:
    """One name found in a text: its normal form, the offset of the capitalised run it was
    found in, and whether it reads as a person's name."""

    text: str
    start: int
    person: bool


def find_names(
    text: str,
    *,
    known: Iterable[str] = (),
    full_name_of: Callable[[str], str] | None = None,
) -> tuple[str, ...]:
    """Distinct names mentioned in `text`, in order of first mention. A surname on its own is
    the first of `known` ending with it, or what `full_name_of` gives for it when given."""
    full_names = tuple(known)
    resolve = full_name_of or (lambda surname: full_name(surname, full_names))
    found = (name.text if " " in name.text else resolve(name.text) for name in scan_names(text))
    return tuple(dict.fromkeys(found))


def find_people(text: str) -> tuple[Name, ...]:
    """People named with at least a first name and a surname ("John Kirby"), in order."""
    return tuple(name for name in scan_names(text) if name.person and " " in name.text)


def scan_names(text: str) -> list[Name]:
    """Every name occurrence in `text`, in order, with its offset."""
    names: list[Name] = []
    for match in RUN.finditer(text):
        for start, tokens in _segments(text, match):
            names.extend(_names_in(tokens, start, _starts_sentence(text, start)))
    return names


def person_name(phrase: str) -> str | None:
    """The person at the end of a phrase ("British Foreign Secretary James Cleverly" ->
    "James Cleverly"), or None when the phrase names no person ("White House")."""
    tail = _name_tail([_clean(token) for token in phrase.split()])
    return " ".join(tail) if tail else None


def normal_form(phrase: str) -> str:
    """One spelling of an entity: "the U.N. Security Council" -> "UN Security Council"."""
    tokens = [_clean(token) for token in phrase.split()]
    while tokens and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    joined = " ".join(_acronym(token) for token in tokens)
    return ALIASES.get(joined.lower(), joined)


def full_name(surname: str, known: Iterable[str]) -> str:
    """The first known full name ending with `surname`, else `surname` itself."""
    for name in known:
        if name != surname and name.split()[-1] == surname:
            return name
    return surname


def _segments(text: str, match: re.Match[str]) -> list[tuple[int, list[str]]]:
    """Cut a run at possessives and at sentence-final dots; keep each piece's offset."""
    segments: list[tuple[int, list[str]]] = []
    tokens: list[str] = []
    start = match.start()
    for token_match in re.finditer(r"\S+", match.group(0)):
        token, ends = _token_end(token_match.group(0))
        if not tokens:
            start = match.start() + token_match.start()
        tokens.append(token)
        if ends:
            segments.append((start, tokens))
            tokens = []
    if tokens:
        segments.append((start, tokens))
    return segments


def _token_end(token: str) -> tuple[str, bool]:
    """(token without a possessive or final dot, whether the run ends after it)."""
    if POSSESSIVE.search(token) and len(token) > 2:
        return POSSESSIVE.sub("", token), True
    if token.endswith(".") and not (ACRONYM.match(token) or TITLE_DOT.match(token)):
        return token.rstrip("."), True
    return token, False


def _names_in(tokens: list[str], start: int, initial: bool) -> list[Name]:
    pieces = _split_common(tokens)
    names: list[Name] = []
    for index, piece in enumerate(pieces):
        first = initial and index == 0 and piece[0] == tokens[0]
        names.extend(_piece_names(piece, start, first))
    return names


def _split_common(tokens: list[str]) -> list[list[str]]:
    """Pieces of a run between common capitalised words, without edge connectors."""
    pieces: list[list[str]] = [[]]
    for token in tokens:
        if token[:1].isupper() and token.lower() in NOT_NAMES:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [trimmed for piece in pieces if (trimmed := _trim(piece))]


def _trim(tokens: list[str]) -> list[str]:
    while tokens and tokens[0] in CONNECTORS:
        tokens = tokens[1:]
    while tokens and tokens[-1] in CONNECTORS:
        tokens = tokens[:-1]
    return tokens


def _piece_names(tokens: list[str], start: int, initial: bool) -> list[Name]:
    tail = _name_tail(tokens)
    if tail and len(tail) < len(tokens) and _is_role(tokens[-len(tail) - 1]):
        head = [t for t in tokens[: len(tokens) - len(tail)] if not _is_role(t)]
        return [*_entities(_trim(head), start), Name(" ".join(tail), start, True)]
    if initial and len(tokens) == 1 and not ACRONYM.match(tokens[0]) and tokens[0].endswith("ly"):
        return []
    return _entities(tokens, start)


def _entities(tokens: list[str], start: int) -> list[Name]:
    """Split a leading demonym off ("Russian Wagner Group" -> "Russia", "Wagner Group")."""
    for size in (2, 1):
        demonym = " ".join(tokens[:size]).lower()
        if len(tokens) >= size and demonym in DEMONYMS:
            rest = _trim(tokens[size:])
            return [Name(ALIASES[demonym], start, False), *_entity(rest, start)]
    return _entity(tokens, start)


def _entity(tokens: list[str], start: int) -> list[Name]:
    while tokens and tokens[-1].lower().rstrip(".") in TITLES:
        tokens = _trim(tokens[:-1])
    if not tokens or all(_is_role(token) or token in CONNECTORS for token in tokens):
        return []
    text = normal_form(" ".join(tokens))
    person = all(map(_name_like, tokens)) and text not in ALIASES.values()
    return [Name(text, start, person)]


def _is_role(token: str) -> bool:
    return token.lower().rstrip(".") in ROLES


def _name_tail(tokens: list[str]) -> list[str]:
    """The longest run of name-like words ending the tokens ("... Secretary John Kirby")."""
    size = 0
    while size < len(tokens) and _name_like(tokens[-size - 1]):
        size += 1
    return tokens[len(tokens) - size :]


def _name_like(token: str) -> bool:
    return (
        token[:1].isupper()
        and not ACRONYM.match(token)
        and (token.lower().rstrip(".") not in NOT_PERSON)
    )


def _clean(token: str) -> str:
    token = POSSESSIVE.sub("", token) if len(token) > 2 else token
    return token.strip(',;:“”"()') if ACRONYM.match(token) else token.strip('.,;:“”"()')


def _acronym(token: str) -> str:
    return token.replace(".", "") if ACRONYM.match(token) else token


def _starts_sentence(text: str, start: int) -> bool:
    return bool(SENTENCE_START.search(text[max(0, start - 4) : start]))
