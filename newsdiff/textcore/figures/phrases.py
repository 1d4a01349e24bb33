"""A figure as editors read it, with what it counts when its words alone do not say.

`figure_phrase`: the figure's text, and the thing counted after it ("24" of "killing 24" ->
"24 dead", "three" of "three live shells" -> "three shells", "6.1" -> "magnitude 6.1", "48"
of "Larson, 48," -> "age 48 (Larson)"). `counted_label`: the thing counted after a value, for
a quantity's label ("shells", "dead", "age (Larson)").
A count of people ("50,000 fighters") and a figure with a unit read well as written.
"""

from __future__ import annotations

from newsdiff.textcore.figures.counted import AGE, MAGNITUDE, PEOPLE
from newsdiff.textcore.types import Figure

ROLES = frozenset({"dead", "injured", "shot"})


def figure_phrase(figure: Figure) -> str:
    """The figure's text with what it counts ("24 dead", "three shells", "age 48 (Larson)")."""
    counted, text = figure.counted, figure.text
    if not counted or counted == PEOPLE or figure.unit:
        return text
    thing, _, whose = counted.partition(" of ")
    if thing == AGE:
        number = text.split("-")[0].strip() if "year" in text else text
        return f"age {number} ({whose})" if whose else f"age {number}"
    if thing == MAGNITUDE:
        return text if MAGNITUDE in text.lower() else f"magnitude {text}"
    return f"{text} {counted_label(counted, figure.value)}"


def counted_label(counted: str, value: float) -> str:
    """The thing counted as written after `value`: "shells", "shell" for 1, "dead"."""
    thing, _, whose = counted.partition(" of ")
    if thing == AGE:
        return f"age ({whose})" if whose else "age"
    if thing in ROLES or thing in (PEOPLE, MAGNITUDE) or value == 1:
        return thing
    return plural(thing)


def plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
