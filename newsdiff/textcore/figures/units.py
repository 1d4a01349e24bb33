"""The units a figure can carry and the words news copy writes them with.

A unit word after a number gives the figure's `unit` name, a factor its value is multiplied
by ("50 cents" is 0.5 USD, "two decades" is 20 "year") and, for speeds, a period ("km/h" is
"km" per "hour"). Spelling variants share one name ("km", "kms", "kilometres", "kilometers"
-> "km"; "tons" and "tonnes" -> "tonne"). A figure keeps the unit it is written in; `in_base`
gives its value in the base unit of its dimension for comparing: "30 miles" is 48.3 "km",
"120 mph" 193.1 "km" per "hour", "170,000 square feet" 0.0158 "sq km", "86 °F" 30 "°C".
"2,000 sq km" is still not "2,000 km" (another dimension), and a figure with a unit is never
a plain count.
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
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "sq foot": "sq feet"}
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
    ("sq foot", 1, "", "square feet|square foot|sq ft|sq. ft.|ft²"),
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
# unit -> (base unit of its dimension, factor to it); °F converts with an offset too.
BASE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("km", 1.0),
    "mile": ("km", 1.609344),
    "nautical mile": ("km", 1.852),
    "knot": ("km", 1.852),  # per hour
    "metre": ("km", 1e-3),
    "cm": ("km", 1e-5),
    "mm": ("km", 1e-6),
    "foot": ("km", 3.048e-4),
    "inch": ("km", 2.54e-5),
    "sq km": ("sq km", 1.0),
    "sq mile": ("sq km", 2.589988110336),
    "sq metre": ("sq km", 1e-6),
    "sq foot": ("sq km", 9.290304e-8),
    "hectare": ("sq km", 0.01),
    "acre": ("sq km", 4.046856422e-3),
    "kg": ("kg", 1.0),
    "tonne": ("kg", 1000.0),
    "gram": ("kg", 1e-3),
    "lb": ("kg", 0.45359237),
    "litre": ("litre", 1.0),
    "gallon": ("litre", 3.785411784),
    "cubic metre": ("litre", 1000.0),
    "kW": ("kW", 1.0),
    "MW": ("kW", 1e3),
    "GW": ("kW", 1e6),
    "kWh": ("kWh", 1.0),
    "MWh": ("kWh", 1e3),
    "GWh": ("kWh", 1e6),
    "TWh": ("kWh", 1e9),
    "°C": ("°C", 1.0),
    "°F": ("°C", 5 / 9),
}
UNITS = {
    word: Unit(name, factor, per)
    for name, factor, per, words in _UNIT_WORDS
    for word in words.split("|")
}
UNIT_WORDS = "|".join(
    re.escape(word).replace(r"\ ", r"[\s-]+") for word in sorted(UNITS, key=len, reverse=True)
)


def in_base(unit: str, per: str, value: float) -> tuple[str, str, float]:
    """The dimension's base unit, the period and `value` in that unit ("mile", "", 30 ->
    "km", "", 48.28; a knot is a nautical mile per hour); a unit with no conversion (a
    currency, "percent", a duration, "" a count) is its own base."""
    base, factor = BASE_UNITS.get(unit, (unit, 1.0))
    if unit == "knot":
        per = "hour"
    if unit == "°F":
        return base, per, (value - 32) * factor
    return base, per, value * factor


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
