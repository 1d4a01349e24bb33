"""An article's source, outlet and date, and the copies of one text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from newsdiff.articles.identity import (
    copies_of,
    file_stem,
    given_name,
    outlet_for,
    published_for,
    source_key,
)
from newsdiff.articles.inputs import ArticleInput
from newsdiff.textcore.types import Cleaned

CLEANED = Cleaned(title="", text="Body.", removed=())


def test_the_source_is_outlet_and_url_else_id_else_file() -> None:
    by_url = source_key(outlet="CNN", url="https://cnn.com/a", external_id="7", source_file="f")
    assert by_url == source_key(outlet=" cnn ", url="https://cnn.com/a")
    assert by_url != source_key(outlet="AP", url="https://cnn.com/a")
    assert source_key(outlet="CNN", url="", external_id="7") == source_key(
        outlet="AP", url="", external_id="7", source_file="other.jsonl"
    )
    assert source_key(outlet="", url="", source_file="a.jsonl", line=1) != source_key(
        outlet="", url="", source_file="a.jsonl", line=2
    )
    assert source_key(outlet="CNN", url="") == source_key(outlet=" cnn", url="")  # a paste
    assert source_key(outlet="CNN", url="") != source_key(outlet="AP", url="")
    assert source_key(outlet="", url="") == ""
    assert len(by_url) == 64


@pytest.mark.parametrize(
    ("item", "cleaned", "outlet"),
    [
        (ArticleInput("x", "html", outlet=" The  Given "), CLEANED, "The Given"),
        (
            ArticleInput("x", "html", url="https://www.nytimes.com/a"),
            Cleaned("", "", (), site_name="Site Says"),
            "Site Says",
        ),
        (ArticleInput("x", "html", url="https://www.nytimes.com/a"), CLEANED, "The New York Times"),
        (ArticleInput("x", "text", source_file="uploads/CNN.TXT"), CLEANED, "CNN"),
        (ArticleInput("x", "text"), CLEANED, ""),
    ],
)
def test_the_outlet_is_given_else_the_page_else_the_domain_else_the_file(
    item: ArticleInput, cleaned: Cleaned, outlet: str
) -> None:
    assert outlet_for(item, cleaned) == outlet


def test_the_date_is_given_else_the_page_or_dateline() -> None:
    given = datetime(2020, 1, 2, 3, 4)
    stated = Cleaned("", "", (), published="2007-04-11")
    assert published_for(ArticleInput("x", "text", published=given), stated) == given.replace(
        tzinfo=UTC
    )
    assert published_for(ArticleInput("x", "text"), stated) == datetime(2007, 4, 11, tzinfo=UTC)
    assert published_for(ArticleInput("x", "text"), CLEANED) is None


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("/srv/newsdiff/in/cnn.txt", "cnn.txt"),
        ("C:\\Users\\jo\\cnn.txt", "cnn.txt"),
        ("story/cnn.txt", "story/cnn.txt"),
        ("cnn.txt", "cnn.txt"),
        ("", ""),
    ],
)
def test_a_file_is_named_as_given_never_by_a_server_path(name: str, given: str) -> None:
    assert given_name(name) == given


def test_file_stem_drops_folder_and_extension() -> None:
    assert (file_stem("seeds/000_x.txt"), file_stem("a.b.html"), file_stem("")) == (
        "000_x",
        "a.b",
        "",
    )


@dataclass
class Stored:
    pk: int
    content_hash: str


def test_copies_are_the_other_articles_with_the_same_text() -> None:
    articles = [Stored(1, "a"), Stored(2, "b"), Stored(3, "a"), Stored(4, "a")]
    assert copies_of(articles) == {1: [3, 4], 2: [], 3: [1, 4], 4: [1, 3]}
