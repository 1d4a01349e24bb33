"""Cleaning pasted article text: the five seed articles, generic page junk, odd inputs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdiff.textcore.clean.text import clean_text, normalise_line, normalise_newlines
from newsdiff.textcore.types import Cleaned, Reason, Role

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def reasons(cleaned: Cleaned) -> dict[str, str]:
    return {span.text: span.reason for span in cleaned.removed}


def paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n")


def assert_covers(cleaned: Cleaned, raw: str) -> None:
    text = normalise_newlines(raw)
    assert "".join(block.text for block in cleaned.blocks) == text
    position = 0
    for block in cleaned.blocks:
        assert block.start == position
        assert text[block.start : block.end] == block.text
        position = block.end
    assert position == len(text)


# --- the seed articles --------------------------------------------------------------------

SEED_TITLES = [
    ("000", "Putin Should Be Scared: Wagner Group is Using North Korean Arms in Ukraine"),
    (
        "001",
        "North Korea has delivered rockets, missiles to Russian Wagner Group mercenaries for use "
        "in Ukraine, White House says",
    ),
    ("002", "Putin hopes in Bachmut?: USA: Wagner mercenaries fight with weapons from North Korea"),
    ("003", "North Korea supplied arms to Russia’s Wagner Group in Ukraine: US"),
    (
        "004",
        "Reuters: Wagner Group allegedly purchased North Korean weapons for war against Ukraine",
    ),
]

# Every line the seeds must lose, with the reason given. Lines not listed must be kept.
SEED_JUNK = {
    "000": {
        "Connect with us": Reason.NAVIGATION,
        "Hi, what are you looking for?": Reason.NAVIGATION,
        "The Embassy": Reason.NAVIGATION,
        "North Korean Military. Image Credit: Creative Commons.": Reason.CAPTION,
        "(Subscribe to Our YouTube Channel Here)": Reason.PROMOTION,
        "MORE: Putin Will Flip – Ukraine Is Getting Patriot Missiles": Reason.RELATED_LINK,
        "MORE: Could India and China Be Headed for War?": Reason.RELATED_LINK,
        "MORE: Can a Coup Takedown Putin for Good?": Reason.RELATED_LINK,
        "Written By": Reason.AUTHOR_BIO,
        "Advertisement": Reason.AD_MARKER,
    },
    "001": {
        "[ad_1]": Reason.AD_MARKER,
        "[ad_2]": Reason.AD_MARKER,
        "Check Also": Reason.RELATED_LINK,
        "South Korea’s president speaks on U.S. intelligence leak": Reason.OFF_TOPIC_TAIL,
        "IE 11 is not supported. For an optimal experience visit our site on another …": (
            Reason.BOILERPLATE
        ),
        "Leave a Reply": Reason.COMMENT_FORM,
        "Your email address will not be published. Required fields are marked *": (
            Reason.COMMENT_FORM
        ),
    },
    "002": {"Exit mobile version": Reason.NAVIGATION},
    "003": {
        (
            "File photo of Yevgeny Prigozhin - a close ally of PresidentPutin - "
            "who owns Wagner Group."
        ): Reason.CAPTION,
        "Please enter your comment!": Reason.COMMENT_FORM,
        "Please enter your name here": Reason.COMMENT_FORM,
    },
    "004": {
        "American Age Official": Reason.NAVIGATION,
        "Next Post": Reason.RELATED_LINK,
        "‘That ’90s Show’ Trailer: Netflix Brings ‘That ‘70s Show’ Fans Back to the Basement": (
            Reason.OFF_TOPIC_TAIL
        ),
    },
}
# Long junk lines, recognised by how they start.
SEED_JUNK_PREFIXES = {
    "000": {
        "Author Experience and Expertise:": Reason.AUTHOR_BIO,
        "Expert Biography:": Reason.AUTHOR_BIO,
    },
    "004": {"Nearly a quarter of a century after the 1998 series premiere": Reason.OFF_TOPIC_TAIL},
}
SEED_REMOVED_COUNTS = {"000": 13, "001": 8, "002": 1, "003": 3, "004": 4}


def _junk_reason(prefix: str, line: str) -> str | None:
    if line in SEED_JUNK.get(prefix, {}):
        return SEED_JUNK[prefix][line]
    starts = SEED_JUNK_PREFIXES.get(prefix, {})
    return next((reason for start, reason in starts.items() if line.startswith(start)), None)


def _seed_lines(prefix: str) -> list[str]:
    lines = (line.strip() for line in seed(prefix).splitlines())
    # "[ad_1] IE 11 ..." is two blocks: the marker and the notice after it.
    return [part for line in lines for part in re.split(r"(?<=\[ad_1\]) ", line) if part]


@pytest.mark.parametrize(("prefix", "title"), SEED_TITLES)
def test_seed_headline_is_the_title_not_body(prefix: str, title: str) -> None:
    cleaned = clean_text(seed(prefix))
    assert cleaned.title == title
    assert title not in cleaned.text
    assert [block.role for block in cleaned.blocks].count(Role.TITLE) == 1


@pytest.mark.parametrize(
    ("prefix", "line", "reason"),
    [(prefix, line, reason) for prefix, junk in SEED_JUNK.items() for line, reason in junk.items()],
)
def test_seed_junk_line_is_removed_with_reason(prefix: str, line: str, reason: Reason) -> None:
    cleaned = clean_text(seed(prefix))
    assert reasons(cleaned)[line] == reason
    assert line not in paragraphs(cleaned)


@pytest.mark.parametrize(
    ("prefix", "start", "reason"),
    [
        (p, start, reason)
        for p, junk in SEED_JUNK_PREFIXES.items()
        for start, reason in junk.items()
    ],
)
def test_seed_long_junk_is_removed_with_reason(prefix: str, start: str, reason: Reason) -> None:
    cleaned = clean_text(seed(prefix))
    spans = [span for span in cleaned.removed if span.text.startswith(start)]
    assert [span.reason for span in spans] == [reason]
    assert start not in cleaned.text


@pytest.mark.parametrize("prefix", sorted(SEED_REMOVED_COUNTS))
def test_seed_keeps_every_article_line(prefix: str) -> None:
    cleaned = clean_text(seed(prefix))
    article = [ln for ln in _seed_lines(prefix) if not _junk_reason(prefix, ln)]
    assert article[0] == cleaned.title
    assert paragraphs(cleaned) == article[1:]
    assert len(cleaned.removed) == SEED_REMOVED_COUNTS[prefix]


def test_caption_printed_twice_is_removed_twice_as_caption() -> None:
    cleaned = clean_text(seed("000"))
    caption = "North Korean Military. Image Credit: Creative Commons."
    assert [span.reason for span in cleaned.removed if span.text == caption] == ["caption"] * 2


@pytest.mark.parametrize("subheading", ["Armories of Terror", "Sanctions Violations"])
def test_mid_article_subheadings_stay_in_the_body(subheading: str) -> None:
    assert subheading in paragraphs(clean_text(seed("000")))


def test_body_keeps_curly_quotes_and_non_breaking_spaces() -> None:
    cleaned = clean_text(seed("001"))
    assert "founder of\xa0Wagner Group" in cleaned.text
    assert "“Putin’s chef”" in cleaned.text


@pytest.mark.parametrize("prefix", sorted(SEED_REMOVED_COUNTS))
@pytest.mark.parametrize(
    "layout",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r"), id="cr"),
        pytest.param(lambda text: re.sub(r"\n\s*\n", "\n", text), id="no-blank-lines"),
    ],
)
def test_seed_cleans_the_same_in_another_layout(prefix: str, layout: Callable[[str], str]) -> None:
    plain, other = clean_text(seed(prefix)), clean_text(layout(seed(prefix)))
    assert (other.title, other.text, other.removed) == (plain.title, plain.text, plain.removed)


# --- coverage of the input ----------------------------------------------------------------

ODD_INPUTS = {
    "empty": "",
    "whitespace": " \n\n\t\xa0\n",
    "single line": "Kirby said the shipment would not change the war in Ukraine.",
    "single headline": "Wagner receives North Korean rockets",
    "crlf": "Wagner receives North Korean rockets\r\n\r\nKirby said so, officials said.\r\n",
    "lone cr": "Headline about Wagner and Korea\rKirby said it, reporters were told.\r",
    "no headline": "Kirby said it.\n\nThe group paid for it.\n\nMore may follow, he said.",
    "leading blanks": "\n\n  \nWagner receives North Korean rockets\n\nKirby said so.\n\n\n",
    "very long line": " ".join(["Wagner bought rockets from North Korea, officials said."] * 2000),
    "ad marker inline": "[ad_1] Kirby said North Korea delivered rockets to Wagner last month.",
    "symbols only": "***\n\n—\n\n•",
}


@pytest.mark.parametrize("raw", [*ODD_INPUTS.values(), *(seed(p) for p, _ in SEED_TITLES)])
def test_blocks_cover_every_character_once(raw: str) -> None:
    assert_covers(clean_text(raw), raw)


def test_empty_input_gives_empty_article() -> None:
    assert clean_text("") == Cleaned(title="", text="", removed=())


def test_whitespace_only_input_is_one_empty_block_and_removes_nothing() -> None:
    cleaned = clean_text(ODD_INPUTS["whitespace"])
    assert [(b.role, b.reason) for b in cleaned.blocks] == [(Role.REMOVED, Reason.EMPTY)]
    assert (cleaned.title, cleaned.text, cleaned.removed) == ("", "", ())


def test_single_sentence_is_body() -> None:
    cleaned = clean_text(ODD_INPUTS["single line"])
    assert (cleaned.title, cleaned.text) == ("", ODD_INPUTS["single line"])


@pytest.mark.parametrize(
    "quote", ['"We will not stop," he said."', '"We will not stop," he said.', "“We will win.”"]
)
def test_a_one_sentence_article_is_body_even_with_a_stray_quote_mark(quote: str) -> None:
    cleaned = clean_text(quote + "\n")
    assert (cleaned.title, cleaned.text) == ("", quote)


def test_single_headline_like_line_is_the_title() -> None:
    cleaned = clean_text(ODD_INPUTS["single headline"] + "\n")
    assert (cleaned.title, cleaned.text) == ("Wagner receives North Korean rockets", "")


def test_text_without_headline_keeps_every_line_in_body() -> None:
    cleaned = clean_text(ODD_INPUTS["no headline"])
    assert cleaned.title == ""
    assert paragraphs(cleaned) == ODD_INPUTS["no headline"].split("\n\n")


def test_very_long_line_is_kept_whole() -> None:
    assert clean_text(ODD_INPUTS["very long line"]).text == ODD_INPUTS["very long line"]


def test_leading_ad_marker_is_split_off_the_paragraph() -> None:
    cleaned = clean_text(ODD_INPUTS["ad marker inline"])
    assert reasons(cleaned) == {"[ad_1]": Reason.AD_MARKER}
    assert cleaned.text == ODD_INPUTS["ad marker inline"].removeprefix("[ad_1] ")


def test_hard_wrapped_paragraph_is_one_block() -> None:
    raw = (
        "Wagner receives North Korean rockets\n\n"
        "North Korea has delivered rockets and missiles to the Russian private\n"
        "military company known as the Wagner Group for use in Ukraine, according\n"
        "to a spokesperson.\n"
    )
    cleaned = clean_text(raw)
    assert len(paragraphs(cleaned)) == 1
    assert cleaned.text.startswith("North Korea") and cleaned.text.endswith("spokesperson.")


# --- generic page junk, not from the seeds ------------------------------------------------

HEADLINE = "Wagner mercenaries receive North Korean rockets, US officials say"
BODY = [
    "North Korea has delivered rockets and missiles to Russia's Wagner Group for use in Ukraine, "
    "the White House said on Thursday.",
    "Kirby said the delivery would not change the battlefield dynamics, but Washington was "
    "concerned that more shipments would follow.",
    "The group is believed to have about 50,000 personnel in Ukraine, including 40,000 convicts "
    "recruited from Russian prisons.",
]


def article(*extra: str, at: int = 1) -> str:
    """The generic article with `extra` lines inserted before body paragraph `at`."""
    return "\n\n".join([HEADLINE, *BODY[:at], *extra, *BODY[at:]])


def assert_article_intact(cleaned: Cleaned) -> None:
    assert cleaned.title == HEADLINE
    for paragraph in BODY:
        assert paragraph in paragraphs(cleaned)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We use cookies to improve your experience. Accept", Reason.BOILERPLATE),
        ("Share this article", Reason.PROMOTION),
        ("Follow us on Twitter", Reason.PROMOTION),
        ("Sign up for our newsletter", Reason.PROMOTION),
        ("Click here to read more", Reason.PROMOTION),
        ("Facebook Twitter WhatsApp Email", Reason.PROMOTION),
        ("Sponsored: The best VPN deals of the year", Reason.PROMOTION),
        ("Photo: Reuters", Reason.CAPTION),
        ("AFP via Getty Images", Reason.CAPTION),
        ("Image 1 of 5", Reason.CAPTION),
        ("By Jane Doe, Reuters", Reason.AUTHOR_BIO),
        ("(Reporting by Jane Doe; Editing by John Roe)", Reason.AUTHOR_BIO),
        ("Read more: Wagner chief visits Bakhmut", Reason.RELATED_LINK),
        ("December 22, 2022", Reason.NAVIGATION),
        ("Updated: Dec. 22, 2022 3:45 pm ET", Reason.NAVIGATION),
        ("5 min read", Reason.NAVIGATION),
        ("© 2022 Example News. All rights reserved.", Reason.BOILERPLATE),
        ("Advertisement", Reason.AD_MARKER),
    ],
)
def test_generic_junk_inside_an_article_is_removed(line: str, reason: Reason) -> None:
    cleaned = clean_text(article(line))
    assert reasons(cleaned) == {line: reason}
    assert_article_intact(cleaned)


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States will share its information with the U.N. Security Council, "
        "officials said.",
        "Millions of Russians subscribe to the channel, which has become a major source of "
        "news about the war.",
        "Share prices of Russian defence firms rose sharply on Friday.",
        "Customers who sign up for the service will share data with the company, regulators said.",
        "By the end of the year, Wagner had lost thousands of fighters in Bakhmut.",
        "By then, it was over.",
        "Sanctions Violations",
    ],
)
def test_article_sentence_with_a_call_to_action_word_is_kept(sentence: str) -> None:
    cleaned = clean_text(article(sentence))
    assert cleaned.removed == ()
    assert sentence in paragraphs(cleaned)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("BY JANE DOE AND JOHN ROE | REUTERS", "JANE DOE"),
        ("by Jane Doe and John Roe", "Jane Doe"),
    ],
)
def test_byline_is_removed_and_names_the_author(byline: str, author: str) -> None:
    cleaned = clean_text(article(byline, at=0))
    assert reasons(cleaned) == {byline: Reason.AUTHOR_BIO}
    assert cleaned.author == author


def test_caption_printed_twice_in_a_row_is_a_caption_even_without_credit_words() -> None:
    caption = "Yevgeny Prigozhin at a funeral in Moscow, December 24, 2022."
    cleaned = clean_text(article(caption, caption))
    assert [(span.text, span.reason) for span in cleaned.removed] == [(caption, "caption")] * 2
    assert_article_intact(cleaned)


def test_related_articles_at_the_end_take_their_link_titles_along() -> None:
    links = ["Wagner chief visits Bakhmut front line", "Kremlin denies buying North Korean shells"]
    cleaned = clean_text(article("Related Articles", *links, at=3))
    assert reasons(cleaned) == dict.fromkeys(["Related Articles", *links], Reason.RELATED_LINK)
    assert_article_intact(cleaned)


def test_article_resumes_after_a_related_box_in_its_middle() -> None:
    resumed = (
        "Kirby said Wagner was spending more than $100 million a month on the war in Ukraine "
        "and that the United States would announce further sanctions against the group."
    )
    cleaned = clean_text(article("Related", "Wagner chief visits Bakhmut front line", resumed))
    assert set(reasons(cleaned)) == {"Related", "Wagner chief visits Bakhmut front line"}
    assert resumed in paragraphs(cleaned)
    assert_article_intact(cleaned)


def test_next_post_tail_is_removed_even_when_it_reads_like_an_article() -> None:
    teaser = (
        "Netflix said on Thursday that the long-awaited spinoff would premiere in January, "
        "reuniting the stars of the original series."
    )
    cleaned = clean_text(article("Next Post", "Netflix brings back a classic sitcom", teaser, at=3))
    assert reasons(cleaned)[teaser] == Reason.OFF_TOPIC_TAIL
    assert_article_intact(cleaned)


def test_comment_section_is_removed_to_the_end() -> None:
    comment = "This is outrageous, sanctions are not working and the West must do much more."
    cleaned = clean_text(article("3 Comments", "Ivan Petrov", comment, "Reply", at=3))
    assert {reasons(cleaned)[line] for line in ("3 Comments", "Ivan Petrov", comment)} == {
        Reason.COMMENT_FORM
    }
    assert_article_intact(cleaned)


def test_page_chrome_above_the_headline_is_removed() -> None:
    raw = "\n".join(["Skip to content", "World", "Defense One", article()])
    cleaned = clean_text(raw)
    assert reasons(cleaned) == {
        "Skip to content": Reason.NAVIGATION,
        "World": Reason.SECTION_LABEL,
        "Defense One": Reason.NAVIGATION,
    }
    assert_article_intact(cleaned)


def test_author_bio_after_the_last_paragraph_is_removed() -> None:
    bio = "Jane Doe is a senior correspondent at Example News covering defence and security."
    cleaned = clean_text(article("Tags: Russia, Wagner, North Korea", bio, at=3))
    assert reasons(cleaned) == {
        "Tags: Russia, Wagner, North Korea": Reason.NAVIGATION,
        bio: Reason.AUTHOR_BIO,
    }


def test_paragraph_repeated_later_is_removed_as_duplicate() -> None:
    cleaned = clean_text(article(BODY[0], at=3))
    assert reasons(cleaned) == {BODY[0]: Reason.DUPLICATE}
    assert paragraphs(cleaned) == BODY


def test_learned_outlet_lines_are_removed_as_boilerplate() -> None:
    raw = article("Defense News Daily Brief")
    assert "Defense News Daily Brief" in paragraphs(clean_text(raw))
    learned = frozenset({normalise_line("DEFENSE NEWS daily brief:")})
    cleaned = clean_text(raw, extra_boilerplate=learned)
    assert reasons(cleaned) == {"Defense News Daily Brief": Reason.BOILERPLATE}
    assert_article_intact(cleaned)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  Hi, what are you looking for?  ", "hi, what are you looking for"),
        ("(Subscribe to Our YouTube Channel Here)", "subscribe to our youtube channel here"),
        ("Don’t\xa0Miss", "don't miss"),
    ],
)
def test_normalise_line(line: str, key: str) -> None:
    assert normalise_line(line) == key


# --- editors' corrections -----------------------------------------------------------------


def test_line_an_editor_restored_is_kept_although_a_rule_removes_it() -> None:
    raw = article("Share this article")
    assert reasons(clean_text(raw)) == {"Share this article": Reason.PROMOTION}
    cleaned = clean_text(raw, keep_lines=[normalise_line("SHARE this article!")])
    assert cleaned.removed == ()
    assert paragraphs(cleaned) == [BODY[0], "Share this article", *BODY[1:]]


def test_restored_line_inside_a_tail_comes_back_alone() -> None:
    teaser = (
        "Netflix said on Thursday that the long-awaited spinoff would premiere in January, "
        "reuniting the stars of the original series."
    )
    raw = article("Next Post", "Netflix brings back a classic sitcom", teaser, at=3)
    cleaned = clean_text(raw, keep_lines=[normalise_line(teaser)])
    assert paragraphs(cleaned) == [*BODY, teaser]
    assert reasons(cleaned) == {
        "Next Post": Reason.RELATED_LINK,
        "Netflix brings back a classic sitcom": Reason.OFF_TOPIC_TAIL,
    }


def test_line_an_editor_removed_goes_as_boilerplate_even_if_it_reads_like_the_article() -> None:
    cleaned = clean_text(article(), extra_boilerplate=[normalise_line(BODY[1])])
    assert reasons(cleaned) == {BODY[1]: Reason.BOILERPLATE}
    assert paragraphs(cleaned) == [BODY[0], BODY[2]]


def test_restoring_wins_over_a_learned_line() -> None:
    line = normalise_line("Defense News Daily Brief")
    cleaned = clean_text(
        article("Defense News Daily Brief"), extra_boilerplate=[line], keep_lines=[line]
    )
    assert cleaned.removed == ()
    assert "Defense News Daily Brief" in paragraphs(cleaned)


def test_restoring_a_line_that_was_never_removed_changes_nothing() -> None:
    assert clean_text(article(), keep_lines=[normalise_line(BODY[0])]) == clean_text(article())


# --- inputs an editor can rely on (issue 12) ----------------------------------------------

WIRE_IN_CAPITALS = """PRESIDENT SIGNS BUDGET BILL INTO LAW
WASHINGTON (AP) - THE PRESIDENT SIGNED THE BUDGET BILL ON TUESDAY, ENDING A MONTH-LONG STANDOFF WITH CONGRESS.
THE BILL FUNDS THE GOVERNMENT THROUGH SEPTEMBER AND ADDS 12 BILLION DOLLARS FOR DISASTER RELIEF.
"THIS IS A GOOD DAY FOR THE COUNTRY," THE PRESIDENT SAID AT THE WHITE HOUSE.
REPUBLICAN LEADERS SAID THEY WOULD KEEP PRESSING FOR DEEPER SPENDING CUTS NEXT YEAR.
"""  # noqa: E501


def test_a_wire_story_in_capitals_is_kept_as_written() -> None:
    cleaned = clean_text(WIRE_IN_CAPITALS)
    lines = WIRE_IN_CAPITALS.strip().split("\n")
    assert cleaned.title == lines[0]
    assert paragraphs(cleaned) == lines[1:]
    assert_covers(cleaned, WIRE_IN_CAPITALS)


def test_a_menu_in_capitals_does_not_make_the_article_shouting() -> None:
    raw = "HOME\nNEWS\nSPORT\n" + seed("001")
    assert clean_text(raw).text == clean_text(seed("001")).text


@pytest.mark.parametrize(
    "raw",
    [
        'Police closed the bridge on Friday after a lorry hit its railing."',
        "Police closed the bridge on Friday.”",
    ],
)
def test_one_sentence_ending_in_a_stray_quote_mark_is_the_article(raw: str) -> None:
    cleaned = clean_text(raw)
    assert (cleaned.title, cleaned.text) == ("", raw)


NAVIGATION_THEN_HEADLINE = """Skip to content
Home
World
Politics
Business
Flood Defences Fail As River Severn Bursts Its Banks
Hundreds of homes evacuated in Shropshire overnight
By Jane Doe
3 July 2013 Last updated at 04:46
Hundreds of residents were evacuated overnight after the River Severn burst its banks in Shropshire, the Environment Agency said on Sunday.
The agency said temporary flood barriers in Shrewsbury had been overwhelmed by water levels not seen since 2000.
"We have never seen the river rise this fast," said a spokesperson for the county council, adding that more rain was expected.
Emergency shelters were opened in three schools and a leisure centre, and the army was on standby to help.
"""  # noqa: E501


def test_a_headline_right_under_the_menu_is_the_headline_and_its_dek_stays() -> None:
    cleaned = clean_text(NAVIGATION_THEN_HEADLINE)
    assert cleaned.title == "Flood Defences Fail As River Severn Bursts Its Banks"
    assert paragraphs(cleaned)[0] == "Hundreds of homes evacuated in Shropshire overnight"
    assert reasons(cleaned)["Business"] == Reason.SECTION_LABEL


def test_the_same_headline_printed_twice_keeps_the_one_nearest_the_body() -> None:
    raw = NAVIGATION_THEN_HEADLINE.replace(
        "Flood Defences Fail As River Severn Bursts Its Banks\nHundreds of homes evacuated "
        "in Shropshire overnight",
        "River Severn bursts its banks | The Star\nRiver Severn bursts its banks",
    )
    assert clean_text(raw).title == "River Severn bursts its banks"


def test_the_dateline_dates_the_article_and_is_marked_as_metadata() -> None:
    cleaned = clean_text(NAVIGATION_THEN_HEADLINE)
    assert cleaned.published == "2013-07-03"
    assert reasons(cleaned)["3 July 2013 Last updated at 04:46"] == Reason.DATELINE
    assert "04:46" not in cleaned.text


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("Published April 11, 2007", "2007-04-11"),
        ("Updated: Dec. 22, 2022 3:45 pm ET", "2022-12-22"),
    ],
)
def test_a_dateline_under_the_headline_gives_the_date(dateline: str, day: str) -> None:
    raw = NAVIGATION_THEN_HEADLINE.replace("3 July 2013 Last updated at 04:46", dateline)
    cleaned = clean_text(raw)
    assert (cleaned.published, reasons(cleaned)[dateline]) == (day, Reason.DATELINE)


def test_a_date_in_a_list_of_other_stories_is_no_dateline() -> None:
    raw = NAVIGATION_THEN_HEADLINE.replace("3 July 2013 Last updated at 04:46\n", "") + (
        "Related\nFloods hit Worcester\nJanuary 4, 2012\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.published == ""
    assert Reason.DATELINE not in reasons(cleaned).values()


def test_an_editor_can_make_a_removed_line_the_title() -> None:
    """The line becomes the title; the headline cleaning had found becomes a body line."""
    raw = NAVIGATION_THEN_HEADLINE.replace("Flood Defences Fail", "Flood defences fail")
    chosen = "Hundreds of homes evacuated in Shropshire overnight"
    cleaned = clean_text(raw, title_line=chosen)
    assert cleaned.title == chosen
    assert chosen not in cleaned.text
    assert_covers(cleaned, raw)


def test_a_line_an_editor_removed_is_labelled_as_the_editors() -> None:
    line = "The agency said temporary flood barriers in Shrewsbury had been overwhelmed by water levels not seen since 2000."  # noqa: E501
    cleaned = clean_text(NAVIGATION_THEN_HEADLINE, editor_removed=[line], extra_boilerplate=[line])
    assert reasons(cleaned)[line] == str(Reason.EDITOR) == "removed by an editor"
    assert line not in cleaned.text


def test_an_editors_restored_line_wins_over_an_editors_removal() -> None:
    line = "Business"
    cleaned = clean_text(NAVIGATION_THEN_HEADLINE, editor_removed=[line], keep_lines=[line])
    assert line not in reasons(cleaned)
