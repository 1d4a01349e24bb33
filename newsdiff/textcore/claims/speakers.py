"""Turn a speaker phrase into the name an article means, reading the article in order.

- a pronoun ("he") is the last speaker credited, or the last person described as the
  subject of a sentence ("The spokesman didn’t mention ..." then "..., he said");
- a surname ("Kirby") is the full name the article gives ("John Kirby"), the nearest
  mention before it first;
- a title and name ("British Foreign Secretary James Cleverly") is the name;
- a description ("the spokesman", "the unnamed official") is the named person holding that
  role when that person is the speaker being followed, else the description itself;
- a publication ("the Reuters report") is its name ("Reuters");
- anything else is an organisation, in its normal form ("the U.K. Defense Ministry" ->
  "UK Defense Ministry").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsdiff.textcore.claims.lexicon import PRONOUNS, ROLE_CANON, SOURCE_NOUNS, SPEAKER_NOUNS
from newsdiff.textcore.claims.names import find_people, normal_form, person_name

_ROLE = r"(?i:spokes(?:man|woman|person)|officials?|minister|ambassador|secretary|envoy)"
# A name starts where a word starts: tried inside a word, "[A-Z][\w’'-]+" would rescan the
# rest of a long capitalised word from each of its letters.
_NAME_WORD = r"(?<![\w’'-])[A-Z][\w’'-]+"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{1,2}}"
ROLE_THEN_NAME = re.compile(rf"\b(?P<role>{_ROLE})[ \u00a0]+(?P<name>{_NAME})")
NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?(?:[\w.’'-]+\s+){{0,3}}?(?P<role>{_ROLE})\b"
)
PERSON_SUBJECT = re.compile(
    r"^(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}?(?:spokes(?:man|woman|person)|officials?|insider"
    r"|diplomat|envoy|minister|ambassador|source)\b"
)
DETERMINER = re.compile(r"^(?:The|A|An)\b")


class SpeakerBook:
    """What one article says about its speakers, and who spoke last, as it is read."""

    def __init__(self, text: str) -> None:
        self.people = find_people(text)
        self.roles = frozenset(_roles(text))
        self.last: str | None = None
        self._by_surname: dict[str, tuple[list[int], list[str]]] = {}
        for person in self.people:
            starts, names = self._by_surname.setdefault(person.text.split()[-1], ([], []))
            starts.append(person.start)
            names.append(person.text)

    def resolve(self, phrase: str | None, at: int) -> str | None:
        """The name that `phrase`, found at offset `at`, stands for."""
        if not phrase:
            return None
        if phrase.lower() in PRONOUNS:
            return self.last
        if _is_description(phrase):
            return self._description(phrase)
        person = person_name(phrase)
        if person:
            return person if " " in person else self.full_name(person, at)
        return normal_form(phrase)

    def credit(self, speaker: str | None) -> None:
        """Remember who was credited last (pronouns that follow refer to them)."""
        if speaker:
            self.last = speaker

    def notice_subject(self, sentence: str) -> None:
        """Follow a person described as a sentence's subject ("The spokesman didn’t ...")."""
        match = PERSON_SUBJECT.match(sentence)
        if match:
            self.credit(self._description(match.group(0)))

    def full_name(self, surname: str, at: int) -> str:
        """The full name a surname found at `at` stands for: that of the nearest person
        mentioned before `at` with that surname, else of the first one after; else the
        surname. The same as `full_name(surname, self.known(at))`, by binary search."""
        starts, names = self._by_surname.get(surname, ([], []))
        index = bisect_left(starts, at)
        if index > 0:
            return names[index - 1]
        return names[index] if index < len(names) else surname

    def known(self, at: int) -> list[str]:
        """Full names of people, nearest mention before `at` first, then later ones."""
        before = [name.text for name in reversed(self.people) if name.start < at]
        after = [name.text for name in self.people if name.start >= at]
        return list(dict.fromkeys([*before, *after]))

    def _description(self, phrase: str) -> str:
        words = phrase.split()
        head = words[-1].lower()
        named = [w for w in words[1:] if w[:1].isupper()]
        if head in SOURCE_NOUNS and named:
            return normal_form(" ".join(named))
        if (ROLE_CANON.get(head, head), self.last) in self.roles:
            return str(self.last)
        return DETERMINER.sub(lambda m: m.group(0).lower(), phrase)


def _is_description(phrase: str) -> bool:
    words = phrase.split()
    return words[-1].lower() in SPEAKER_NOUNS and not words[-1][:1].isupper()


def _roles(text: str) -> set[tuple[str, str]]:
    """(role, full name) pairs the article states: "spokesperson John Kirby", "X, envoy"."""
    pairs = set()
    for pattern in (ROLE_THEN_NAME, NAME_THEN_ROLE):
        for match in pattern.finditer(text):
            name = person_name(match.group("name"))
            role = match.group("role").lower()
            if name:
                pairs.add((ROLE_CANON.get(role, role), name))
    return pairs
