"""The units a figure can carry and the words news copy writes them with.

A unit word after a number gives the figure's `unit` name, a factor its value is multiplied
by ("50 cents" is 0.5 USD, "two decades" is 20 "year") and, for speeds, a period ("km/h" is
"km" per "hour"). Spelling variants share one name ("km", "kms", "kilometres", "kilometers"
-> "km"; "tons" and "tonnes" -> "tonne"), but no unit is converted into another: "10 miles" is
not "16 km", "2,000 sq km" is not "2,000 km", and a figure with a unit is never a plain count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR"}
CURRENCY_SIGNS |= {"£": "GBP", "gbp": "GBP"}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6}
SCALES |= {"billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
CURRENCY_ONLY_SCALES = frozenset({"m", "mn", "b"})
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}
PERIODS |= {"annum": "year", "daily": "day", "weekly": "week", "monthly": "month"}
PERIODS |= {"annually": "year", "yearly": "year"}
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches"}
INVARIABLE = frozenset({"km", "cm", "mm", "kg", "lb", "percent"})


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    factor: float = 1.0
    per: str = ""


# name, factor, per: the words for it, "|"-separated; a space also matches a hyphen.
_UNIT_WORDS: list[tuple[str, float, str, str]] = [
    ("USD", 1, "", "dollars|dollar"),
    ("USD", 0.01, "", "cents|cent"),
    ("EUR", 1, "", "euros|euro"),
    ("GBP", 1, "", "pounds"),
    ("GBP", 0.01, "", "pence"),
    ("percent", 1, "", "%|percent|per cent|pct"),
    ("percentage point", 1, "", "percentage points|percentage point"),
    ("basis point", 1, "", "basis points|basis point|bps"),
    *[(period, 1, "", f"{period}s|{period}") for period in ["day", "week", "month", "year"]],
    *[(period, 1, "", f"{period}s|{period}") for period in ["hour", "minute", "second"]],
    ("year", 10, "", "decades|decade"),
    ("km", 1, "", "kilometres|kilometers|kilometre|kilometer|kms|km"),
    ("mile", 1, "", "miles|mile"),
    ("nautical mile", 1, "", "nautical miles|nautical mile"),
    ("metre", 1, "", "metres|meters|metre|meter"),
    ("cm", 1, "", "centimetres|centimeters|centimetre|centimeter|cm"),
    ("mm", 1, "", "millimetres|millimeters|millimetre|millimeter|mm"),
    ("foot", 1, "", "feet|foot|ft"),
    ("inch", 1, "", "inches|inch"),
    ("km", 1, "hour", "km/h|kph|kmh"),
    ("mile", 1, "hour", "mph"),
    ("knot", 1, "", "knots|knot"),
    ("sq km", 1, "", "square kilometres|square kilometers|square kilometre|square kilometer"),
    ("sq km", 1, "", "square km|sq km|sq. km|sq kms|km²|km2"),
    ("sq mile", 1, "", "square miles|square mile|sq miles|sq mi"),
    ("sq metre", 1, "", "square metres|square meters|square metre|square meter|sq m|m²"),
    ("hectare", 1, "", "hectares|hectare"),
    ("acre", 1, "", "acres|acre"),
    ("tonne", 1, "", "metric tonnes|metric tons|tonnes|tonne|tons|ton"),
    ("kg", 1, "", "kilograms|kilogrammes|kilogram|kilos|kilo|kgs|kg"),
    ("gram", 1, "", "grams|grammes|gram"),
    ("lb", 1, "", "lbs|lb"),
    ("litre", 1, "", "litres|liters|litre|liter"),
    ("gallon", 1, "", "gallons|gallon"),
    ("barrel", 1, "", "barrels|barrel"),
    ("cubic metre", 1, "", "cubic metres|cubic meters|cubic metre|cubic meter|m³"),
    ("cubic metre", 1e9, "", "bcm"),
    ("kW", 1, "", "kilowatts|kilowatt|kw"),
    ("MW", 1, "", "megawatts|megawatt|mw"),
    ("GW", 1, "", "gigawatts|gigawatt|gw"),
    ("kWh", 1, "", "kilowatt hours|kilowatt hour|kwh"),
    ("MWh", 1, "", "megawatt hours|megawatt hour|mwh"),
    ("GWh", 1, "", "gigawatt hours|gigawatt hour|gwh"),
    ("TWh", 1, "", "terawatt hours|terawatt hour|twh"),
    ("°C", 1, "", "degrees celsius|degrees centigrade|°c|ºc"),
    ("°F", 1, "", "degrees fahrenheit|°f|ºf"),
    ("degree", 1, "", "degrees|degree|°"),
]
UNITS = {
    word: Unit(name, factor, per)
    for name, factor, per, words in _UNIT_WORDS
    for word in words.split("|")
}
UNIT_WORDS = "|".join(
    re.escape(word).replace(r"\ ", r"[\s-]+") for word in sorted(UNITS, key=len, reverse=True)
)


def unit_of(word: str) -> Unit:
    """The unit a matched unit word names ("Kilometres" -> km); "" for none."""
    return UNITS.get(" ".join(word.lower().replace("-", " ").split()), Unit(""))


def currency_of(sign: str) -> str:
    """The currency a sign names: "USD" for "$" or "US$", "" for none."""
    return CURRENCY_SIGNS.get(sign.strip().lower(), "")


def unit_label(unit: str, value: float) -> str:
    """How a reader writes `unit` after `value`: "km", "°C", "feet", "miles", "mile" for 1."""
    if not unit or value == 1 or not unit[0].islower() or unit.split()[-1] in INVARIABLE:
        return unit
    return IRREGULAR_PLURALS.get(unit, f"{unit}s")
