"""Figures: normalised values, units, periods and qualifiers; agreement; the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.textcore.figures.extract import figures_agree, find_figures, same_quantity
from newsdiff.textcore.figures.numwords import parse_number_words
from newsdiff.textcore.figures.units import unit_label
from newsdiff.textcore.types import Figure

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def summary(text: str) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.per, f.qualifier) for f in find_figures(text)]


def only(text: str) -> Figure:
    (figure,) = find_figures(text)
    return figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50,000 fighters", [(50000, "", "", "")]),
        ("50k fighters", [(50000, "", "", "")]),
        ("50K fighters", [(50000, "", "", "")]),
        ("fifty thousand fighters", [(50000, "", "", "")]),
        ("1,000 fighters", [(1000, "", "", "")]),
        ("10,000 contractors", [(10000, "", "", "")]),
        ("more than 23,000", [(23000, "", "", "more than")]),
        ("up to 50,000 strong", [(50000, "", "", "up to")]),
        ("approximately 50,000", [(50000, "", "", "about")]),
        ("Approximately 50,000 Wagner personnel", [(50000, "", "", "about")]),
        ("an estimated 50,000 fighters", [(50000, "", "", "about")]),
        ("some 40,000 convicts", [(40000, "", "", "about")]),
        ("over 3,200 pieces", [(3200, "", "", "more than")]),
        ("at least 12 people", [(12, "", "", "at least")]),
        ("$100 million per month", [(1e8, "USD", "month", "")]),
        ("about $100 million a month", [(1e8, "USD", "month", "about")]),
        ("$1.2 million", [(1.2e6, "USD", "", "")]),
        ("$3bn and €5m", [(3e9, "USD", "", ""), (5e6, "EUR", "", "")]),
        ("5%", [(5, "percent", "", "")]),
        ("5 percent", [(5, "percent", "", "")]),
        ("3.5 per cent", [(3.5, "percent", "", "")]),
        ("six months on the front line", [(6, "month", "", "")]),
        ("four dozen magazines", [(48, "", "", "")]),
        ("a thousand men", [(1000, "", "", "")]),
        ("twenty-five cars", [(25, "", "", "")]),
        ("Dec. 22", [(1222, "date", "", "")]),
        ("December 22, 2022", [(20221222, "date", "", "")]),
        ("22 December 2022", [(20221222, "date", "", "")]),
        ("in November 2022", [(20221100, "date", "", "")]),
        ("raised in 2014", [(20140000, "date", "", "")]),
        ("That ’90s Show", [(1990, "decade", "", "")]),
        ("the 1970s", [(1970, "decade", "", "")]),
        # hyphenated scales and currency words
        ("a $70-million deal", [(7e7, "USD", "", "")]),
        ("a 70-million-dollar deal", [(7e7, "USD", "", "")]),
        ("a seventy-million-dollar deal", [(7e7, "USD", "", "")]),
        ("a $5 billion-a-year business", [(5e9, "USD", "year", "")]),
        ("$5,000/month", [(5000, "USD", "month", "")]),
        # cents
        ("50 cents", [(0.5, "USD", "", "")]),
        ("75 cents a day", [(0.75, "USD", "day", "")]),
        ("$1.50", [(1.5, "USD", "", "")]),
        ("80 pence", [(0.8, "GBP", "", "")]),
        # hyphenated durations
        ("four-year", [(4, "year", "", "")]),
        ("a four-year sentence", [(4, "year", "", "")]),
        ("10-day", [(10, "day", "", "")]),
        ("a 90-minute meeting", [(90, "minute", "", "")]),
        ("two decades", [(20, "year", "", "")]),
        # halves and mixed numbers
        ("2 1/2 weeks", [(2.5, "week", "", "")]),
        ("2½ weeks", [(2.5, "week", "", "")]),
        # ECB+ 32_ecb: "a 2-1/2 year sentence" had read as 2 (and "2 1/2 years" as differing)
        ("a 2-1/2 year sentence", [(2.5, "year", "", "")]),
        ("a 1-3/4 inch pipe", [(1.75, "inch", "", "")]),
        ("two and a half years", [(2.5, "year", "", "")]),
        ("two-and-a-half years", [(2.5, "year", "", "")]),
        ("1.5 million", [(1.5e6, "", "", "")]),
        ("half a million people", [(5e5, "", "", "")]),
        ("two and a half million", [(2.5e6, "", "", "")]),
        # fractions of a whole are percentages
        ("two-thirds of voters", [(pytest.approx(200 / 3), "percent", "", "")]),
        ("two thirds of voters", [(pytest.approx(200 / 3), "percent", "", "")]),
        ("cut by two-thirds", [(pytest.approx(200 / 3), "percent", "", "")]),
        ("a quarter of the vote", [(25, "percent", "", "")]),
        ("one-third of the budget", [(pytest.approx(100 / 3), "percent", "", "")]),
        ("three quarters of the budget", [(75, "percent", "", "")]),
        ("half of the troops", [(50, "percent", "", "")]),
        ("nearly half the country", [(50, "percent", "", "about")]),
        ("a quarter of a million people", [(2.5e5, "", "", "")]),
        ("in the second half of 2023", [(20230000, "date", "", "")]),
        ("the first quarter of 2023", [(20230000, "date", "", "")]),
        # measures keep their unit
        ("15 kilometres", [(15, "km", "", "")]),
        ("15 kilometers", [(15, "km", "", "")]),
        ("15 km", [(15, "km", "", "")]),
        ("15km", [(15, "km", "", "")]),
        ("a 15-kilometre stretch", [(15, "km", "", "")]),
        ("fifteen kilometres", [(15, "km", "", "")]),
        ("10 miles", [(10, "mile", "", "")]),
        ("12 nautical miles", [(12, "nautical mile", "", "")]),
        ("300 metres", [(300, "metre", "", "")]),
        ("155mm shells", [(155, "mm", "", "")]),
        ("5 tonnes", [(5, "tonne", "", "")]),
        ("5 tons", [(5, "tonne", "", "")]),
        ("20 kg", [(20, "kg", "", "")]),
        ("20 kilograms", [(20, "kg", "", "")]),
        ("2,000 square kilometres", [(2000, "sq km", "", "")]),
        ("2,000 sq km", [(2000, "sq km", "", "")]),
        ("2,000 km²", [(2000, "sq km", "", "")]),
        ("500 hectares", [(500, "hectare", "", "")]),
        ("120 km/h", [(120, "km", "hour", "")]),
        ("120 kilometres per hour", [(120, "km", "hour", "")]),
        ("60 mph", [(60, "mile", "hour", "")]),
        ("1 million barrels a day", [(1e6, "barrel", "day", "")]),
        ("55 billion cubic metres", [(5.5e10, "cubic metre", "", "")]),
        ("1,000 megawatts", [(1000, "MW", "", "")]),
        ("40 degrees Celsius", [(40, "°C", "", "")]),
        ("40°C", [(40, "°C", "", "")]),
        ("3 percentage points", [(3, "percentage point", "", "")]),
        ("25 basis points", [(25, "basis point", "", "")]),
        # years: ranges and prefixed
        ("from 2014-2016", [(20140000, "date", "", ""), (20160000, "date", "", "")]),
        ("from 2014–16", [(20140000, "date", "", ""), (20160000, "date", "", "")]),
        ("by mid-2023", [(20230000, "date", "", "")]),
        ("in early-2022", [(20220000, "date", "", "")]),
        ("in the mid-1990s", [(1990, "decade", "", "")]),
        ("in the 1990s", [(1990, "decade", "", "")]),
        (
            "the 1998-99 and 1999-00 seasons",
            [
                (19980000, "date", "", ""),
                (19990000, "date", "", ""),
                (19990000, "date", "", ""),
                (20000000, "date", "", ""),
            ],
        ),
    ],
)
def test_find_figures_normalises(text: str, expected: list[tuple[float, str, str, str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A Senior Editor for 19FortyFive.",
        "IE 11 is not supported.",
        "They met at 3 p.m. and again at 15:11 GMT.",
        "It was the 21st time.",
        "F-16 jets and COVID-19 and MH17.",
        "one of the most intense battles",
        "for use in Ukraine",
        "He is No. 1 in the world.",
        "He is No. 2 in the world.",
        # vague multitudes are not figures
        "tens of thousands of people",
        "hundreds of protesters",
        "thousands of troops",
        "dozens of drones and millions of dollars",
        "several thousand troops, a few hundred metres, several dozen drones",
        "hundreds of thousands of people",
        # fractions that are not shares of a whole
        "Nearly a quarter of a century after",
        "a third time, a quarter-final and the other half",
        "on behalf of the Kremlin",
        # digits around a slash
        "24/7 coverage since 9/11",
        "1/2 of them",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == ()


@pytest.mark.parametrize(
    ("unit", "value", "label"),
    [("km", 15, "km"), ("mile", 10, "miles"), ("mile", 1, "mile"), ("foot", 6, "feet"),
     ("sq km", 2000, "sq km"), ("°C", 40, "°C"), ("MW", 5, "MW"), ("tonne", 5, "tonnes"),
     ("percentage point", 3, "percentage points"), ("", 3, "")],
)  # fmt: skip
def test_unit_label(unit: str, value: float, label: str) -> None:
    assert unit_label(unit, value) == label


def test_offsets_index_the_text() -> None:
    text = "Wagner spends more than $100 million per month, with 50,000 men since 2014."
    figures = find_figures(text)
    assert [text[f.start : f.end] for f in figures] == [f.text for f in figures]
    assert [f.text for f in figures] == ["more than $100 million per month", "50,000", "2014"]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("fifty thousand", 50000),
        ("two hundred and five", 205),
        ("one million", 1e6),
        ("one", None),
        ("a", None),
    ],
)
def test_parse_number_words(phrase: str, value: float | None) -> None:
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("50,000", "fifty thousand", True),
        ("50k", "approximately 50,000", True),
        ("$100 million per month", "about $100 million a month", True),
        ("$100 million per month", "$100 million", False),
        ("$100 million", "€100 million", False),
        ("40,000", "50,000", False),
        ("50,000", "54,000", False),
        ("1.2 million", "1,234,000", True),
        ("5%", "5 percent", True),
        ("5%", "5", False),
        ("Dec. 22", "December 22, 2022", True),
        ("Dec. 20", "Dec. 22", False),
        ("in 2014", "in 2015", False),
        ("in 2014", "in 2014", True),
        ("in 2014", "Dec. 22", False),  # no part stated by both
        ("in 2022", "Dec. 22", False),
        ("in 2022", "December 22, 2022", True),  # the year is shared, nothing differs
        ("December 2022", "Dec. 22", True),  # the month is shared, nothing differs
        ("December 2014", "December 22, 2022", False),
        ("six months", "6 people", False),
        ("a $70-million deal", "$70 million", True),
        ("a 70-million-dollar deal", "$70m", True),
        ("50 cents", "$0.50", True),
        ("2 1/2 weeks", "two and a half weeks", True),
        ("a 2-1/2 year sentence", "2 1/2 years", True),
        ("a four-year sentence", "4 years", True),
        ("two-thirds of voters", "67% of voters", True),
        ("half of the troops", "50% of the troops", True),
        ("3 percentage points", "3%", False),
        ("15 km", "15 kilometres", True),
        ("15 km", "15", False),
        ("15 km", "15 miles", False),
        ("10 miles", "10 men", False),
        ("5 tonnes", "5 tons", True),
        ("5 tonnes", "5 kg", False),
        ("2,000 square kilometres", "2,000 km", False),
        ("120 km/h", "120 kilometres per hour", True),
        ("120 km/h", "120 km", False),
        # units convert, within the rounding of a conversion
        ("48 km", "30 miles", True),
        ("100 km", "60 miles", True),
        ("48 km", "40 miles", False),
        ("120 mph", "193 km/h", True),
        ("up to 120 mph", "up to 193 km/h", True),
        ("100 mph", "190 km/h", False),
        ("10 knots", "18.5 km/h", True),
        ("170,000 square feet", "15,800 square metres", True),
        ("86 °F", "30 °C", True),
        ("86 °F", "35 °C", False),
        ("2,000 sq miles", "2,000 km", False),
        # a qualifier is a range: what both can mean
        ("at least 50 injured", "52 injured", True),
        ("more than 100 mph", "120 mph", True),
        ("more than 100 mph", "200 mph", False),
        ("up to 100 mph", "up to 120 mph", False),
        ("fewer than 100 people", "80 people", True),
        ("about 50,000 fighters", "52,000 fighters", True),
        ("about 50,000 fighters", "60,000 fighters", False),
        # only figures of the same thing counted
        ("three live shells", "three entrances", False),
        ("three live shells", "three shells", True),
        ("three counts of murder", "a three-story building", False),
        ("24 were killed", "24 were injured", False),
        ("24 were killed", "24 dead", True),
        ("two men", "two injured", True),  # people, and their fate
        ("only 10,000 of them", "10,000 contractors", True),  # no thing said, and people
        ("Jean Larson, 48,", "Steinberg, 48,", False),
        ("Jean Larson, 48,", "a 48-year-old woman", True),
        ("a 48-year-old woman", "48 years", False),  # an age, not a duration
        ("a 50-year-old man", "a total of 50", False),  # a bare number is no age
        ("a magnitude 6.1 quake", "6.1 miles", False),
    ],
)
def test_figures_agree(a: str, b: str, agree: bool) -> None:
    assert figures_agree(only(a), only(b)) is agree
    assert figures_agree(only(b), only(a)) is agree


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("24 were killed", "at least 50 were injured", False),
        ("24 were killed", "more than 30 dead", True),
        ("three shells", "three entrances", False),
        ("48 km", "30 miles", True),
        ("48 km", "30 sq miles", False),
        ("Jean Larson, 48,", "Steinberg, 48,", False),
        ("Larson, 48,", "a 50-year-old", True),
        ("three people", "three dead", False),  # may agree, but 3 people never clash with 1 dead
        ("in 2014", "Dec. 22", True),  # dates are one quantity; they agree only on a shared part
    ],
)
def test_same_quantity(a: str, b: str, same: bool) -> None:
    assert same_quantity(only(a), only(b)) is same
    assert same_quantity(only(b), only(a)) is same


def test_seed_figures_for_wagner_strength() -> None:
    approximately = find_figures(seed("000"))
    assert (50000, "", "", "about") in [
        (f.value, f.unit, f.per, f.qualifier) for f in approximately
    ]
    assert (50000, "up to") in [(f.value, f.qualifier) for f in find_figures(seed("002"))]
    assert (50000, "about") in [(f.value, f.qualifier) for f in find_figures(seed("001"))]
    assert any(f.text == "an estimated 50,000" for f in find_figures(seed("001")))


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_seed_monthly_spending_agrees_across_outlets(prefix: str) -> None:
    (per_month,) = [f for f in find_figures(seed(prefix)) if f.unit == "USD"]
    (a_month,) = [f for f in find_figures(seed("003")) if f.unit == "USD"]
    assert (per_month.value, per_month.per, a_month.qualifier) == (1e8, "month", "about")
    assert figures_agree(per_month, a_month)


def test_seed_convicts_do_not_agree_with_personnel() -> None:
    figures = find_figures(seed("000"))
    personnel = next(f for f in figures if f.value == 50000)
    convicts = next(f for f in figures if f.value == 40000)
    assert not figures_agree(personnel, convicts)


def test_seed_dates_and_decades_are_not_counts() -> None:
    units = {f.text: f.unit for f in find_figures(seed("004"))}
    assert units["Dec. 22"] == "date"
    assert units["1998"] == "date"
    assert units["’90s"] == "decade"
