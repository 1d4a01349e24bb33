"""Author bios: the heading "About the author" (and the like) and the bio under it go."""

from __future__ import annotations

import pytest

from newsdiff.textcore.clean.text import clean_text
from newsdiff.textcore.types import Reason

ARTICLE = """Hundreds of homes evacuated as river bursts its banks
Hundreds of residents were evacuated overnight after the River Severn burst its banks in Shropshire, the Environment Agency said on Sunday.
The agency said temporary flood barriers in Shrewsbury had been overwhelmed by water levels not seen since 2000.
"We have never seen the river rise this fast," said a spokesperson for the county council, adding that more rain was expected.
Emergency shelters were opened in three schools and a leisure centre, and the army was on standby to help.
"""  # noqa: E501
BIO = [
    "Jane Doe",
    "Senior reporter",
    "Jane Doe covers the environment and local government for the Shropshire Star, where she has worked since 2015.",  # noqa: E501
    "She previously worked for the BBC and holds a degree in geography from the University of Leeds.",  # noqa: E501
    "Follow Jane on Twitter",
]


@pytest.mark.parametrize(
    "heading",
    ["About the author", "Author Experience and Expertise", "ABOUT THE WRITER", "Author bio:"],
)
def test_the_bio_after_its_heading_is_removed_with_it(heading: str) -> None:
    cleaned = clean_text(ARTICLE + "\n".join([heading, *BIO]) + "\n")
    assert cleaned.text == clean_text(ARTICLE).text
    reasons = {span.text: span.reason for span in cleaned.removed}
    assert reasons[heading] == Reason.AUTHOR_BIO
    assert reasons[BIO[2]] == reasons[BIO[3]] == Reason.AUTHOR_BIO


def test_a_bio_box_in_the_middle_takes_one_paragraph_and_the_article_goes_on() -> None:
    lines = ARTICLE.strip().split("\n")
    more = [
        "Forecasters expect the water to peak on Tuesday evening, when another storm arrives from the Atlantic.",  # noqa: E501
        "The Environment Agency said it had issued 40 flood warnings across the West Midlands.",
        "Insurers said claims from the floods could reach 200 million pounds, according to early estimates.",  # noqa: E501
        "The prime minister is expected to visit Shrewsbury on Wednesday to meet rescue teams.",
    ]
    raw = "\n".join([*lines[:3], "About the author", BIO[2], *lines[3:], *more]) + "\n"
    cleaned = clean_text(raw)
    assert BIO[2] not in cleaned.text
    assert cleaned.text.split("\n\n") == [*lines[1:], *more]


def test_about_the_author_inside_a_sentence_is_no_heading() -> None:
    raw = ARTICLE + "A book about the author of the flood report was published in 2019.\n"
    assert "A book about the author" in clean_text(raw).text
