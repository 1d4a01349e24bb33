"""One name per person across a story's outlets: "Kirby", "John Kirby" and "White House
spokesman John Kirby" are all "John Kirby" when the story names one Kirby in full."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdiff.textcore.differences import same_speaker
from newsdiff.textcore.lexical import word_set

HONORIFICS = word_set(
    """
    mr mr. mrs mrs. ms ms. dr dr. president prime minister foreign secretary ambassador
    spokesman spokeswoman spokesperson general gen. senator sen. rep. chancellor
    """
)
NAME_TOKEN = re.compile(r"^[A-Z][\w.’'-]*$")


def speaker_names(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker as given -> the person's name; a lone surname -> the one full name in the
    story that ends in it (left as it is when several do)."""
    names = {raw: _person(raw) for raw in set(speakers) if raw.strip()}
    full = {name for name in names.values() if len(name.split()) > 1}
    for raw, name in names.items():
        if len(name.split()) == 1:
            same = {f for f in full if _is_surname_of(name, f)}
            if len(same) == 1:
                names[raw] = same.pop()
    return names


def _person(raw: str) -> str:
    """The trailing run of capitalised words, without titles; else the text as given."""
    tokens = raw.split()
    run: list[str] = []
    for token in reversed(tokens):
        if not NAME_TOKEN.match(token):
            break
        run.insert(0, token)
    while run and run[0].casefold() in HONORIFICS:
        run.pop(0)
    return " ".join(run) if run else " ".join(tokens)


def _is_surname_of(surname: str, full: str) -> bool:
    """`same_speaker` reads "O’Neill" as "O'Neill" and "Kirby." as "Kirby"; it splits
    "Smith-Jones" in two, so the full name's last word is compared as it is too."""
    return full.split()[-1].casefold() == surname.casefold() or bool(same_speaker(surname, full))
