"""The story overview: coverage, what only one outlet has, figures and quotes; and its page."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsdiff.articles.models import Article, Claim, ClaimGroup, Outlet, Story, content_hash
from newsdiff.compare.overview import (
    HAS,
    LACKS,
    PARAPHRASES,
    Overview,
    StoryClaims,
    build_coverage,
    build_figures,
    build_quotes,
    quantity_label,
    shared_wording,
    speaker_names,
)
from newsdiff.textcore.figures import find_figures
from newsdiff.textcore.types import Figure

MAX_QUERIES = 8  # session, user, two permission look-ups of the base template, and four of ours


def overview_url(story: Story) -> str:
    return f"/stories/{story.slug}/overview/"


# -- built from plain objects, no database --------------------------------------------------------


def article(pk: int) -> Article:
    return Article(pk=pk, position=pk, source_file=f"outlet-{pk}.txt")


def claim(pk: int, of: Article, text: str, **fields: object) -> Claim:
    figures = [asdict(figure) for figure in find_figures(text)]
    return Claim(pk=pk, article=of, position=pk, text=text, figures=figures, **fields)


def story_of(*claims: Claim, groups: dict[int, list[Claim]] | None = None) -> StoryClaims:
    articles = sorted({c.article_id: c.article for c in claims}.values(), key=lambda a: a.pk)
    by_article: dict[int, list[Claim]] = {}
    for item in claims:
        by_article.setdefault(item.article_id, []).append(item)
    return StoryClaims(articles, by_article, groups or {})


def test_reused_wording_is_told_from_a_paraphrase() -> None:
    quote = (
        "“We can confirm that North Korea has completed an initial arms delivery to Wagner,"
        " which paid for that equipment,” Kirby said."
    )
    reused = "Today we can confirm that North Korea has completed an initial arms delivery."
    paraphrase = (
        "He confirmed that North Korea completed an initial arms delivery to Wagner"
        " and that it paid for the equipment."
    )
    assert shared_wording(quote, reused) >= 0.5
    assert shared_wording(quote, paraphrase) < 0.5


def test_coverage_cells_say_has_paraphrases_or_lacks() -> None:
    a, b, c, d = article(1), article(2), article(3), article(4)
    wire = claim(1, a, "North Korea has delivered rockets and missiles to the Wagner Group.")
    copy = claim(
        2, b, "North Korea has delivered rockets and missiles to the Wagner Group, he said."
    )
    own = claim(3, c, "Pyongyang shipped arms to the Russian mercenaries.")
    other = claim(4, d, "An unrelated sentence.")
    story = story_of(wire, copy, own, other, groups={7: [wire, copy, own]})
    coverage = build_coverage(story, "/stories/s/")
    (row,) = coverage.rows
    assert [cell.state for cell in row.cells] == [HAS, HAS, PARAPHRASES, LACKS]
    assert row.cells[0].like == ("outlet-2.txt",)
    assert row.href == "/stories/s/#group-7"
    assert row.text == own.text  # the briefest wording labels the row
    assert row.outlet_count == 3


def test_coverage_puts_the_most_widely_carried_first_and_skips_one_outlet_groups() -> None:
    a, b, c = article(1), article(2), article(3)
    x = [claim(n, art, f"Statement x{n}.") for n, art in ((1, a), (2, b))]
    y = [claim(n, art, f"Statement y{n}.") for n, art in ((3, a), (4, b), (5, c))]
    alone = claim(6, a, "Alone.")
    story = story_of(*x, *y, alone, groups={1: x, 2: y, 3: [alone]})
    assert [row.group_id for row in build_coverage(story, "/").rows] == [2, 1]


def test_figures_that_agree_are_one_row_and_a_different_qualifier_is_marked() -> None:
    a, b, c = article(1), article(2), article(3)
    story = story_of(
        claim(1, a, "Approximately 50,000 Wagner personnel are deployed."),
        claim(2, b, "The group has an estimated 50,000 fighters."),
        claim(3, c, "The army is said to be up to 50,000 strong."),
    )
    (row,) = build_figures(story)
    assert row.quantity == "50,000"
    assert row.outlet_count == 3
    assert row.status == "qualifier"
    assert [cell.odd for cell in row.cells] == ["", "", "qualifier"]
    assert dict(row.qualifiers) == {"about": 2, "up to": 1}


def test_different_numbers_for_the_same_statement_are_one_row_marked_as_differing() -> None:
    a, b, c = article(1), article(2), article(3)
    fifty = claim(1, a, "Wagner has 50,000 fighters in Ukraine.")
    forty = claim(2, b, "Wagner has 40,000 fighters in Ukraine.")
    also_fifty = claim(3, c, "Wagner has 50,000 fighters there.")
    story = story_of(fifty, forty, also_fifty, groups={1: [fifty, forty, also_fifty]})
    (row,) = build_figures(story)
    assert row.status == "value"
    assert row.quantity == "50,000 vs 40,000"
    assert [cell.odd for cell in row.cells] == ["", "value", ""]


def test_the_same_numbers_in_unrelated_statements_are_not_a_disagreement() -> None:
    a, b = article(1), article(2)
    story = story_of(
        claim(1, a, "Wagner has 50,000 fighters in Ukraine."),
        claim(2, b, "Wagner has 40,000 fighters in Ukraine."),
    )
    assert [row.status for row in build_figures(story)] == ["single", "single"]


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        (Figure("50k", 50000.0), "50,000"),
        (Figure("$100 million a month", 1e8, "USD", "month"), "$100 million per month"),
        (Figure("1.5bn euros", 1.5e9, "EUR"), "€1.5 billion"),
        (Figure("12 per cent", 12.0, "percent"), "12%"),
        (Figure("six months", 6.0, "month"), "6 months"),
        (Figure("Dec. 22", 1222.0, "date"), "22 December"),
        (Figure("November 2022", 20221100.0, "date"), "November 2022"),
        (Figure("the ’90s", 1990.0, "decade"), "1990s"),
    ],
)
def test_quantity_labels_read_as_written_by_people(figure: Figure, label: str) -> None:
    assert quantity_label(figure) == label


def test_speakers_are_one_person_whatever_their_title_or_first_name() -> None:
    names = speaker_names(
        ["Kirby", "John Kirby", "White House spokesman John Kirby", "the insider"]
    )
    assert names["Kirby"] == names["White House spokesman John Kirby"] == "John Kirby"
    assert names["the insider"] == "the insider"
    assert speaker_names(["Smith", "John Smith", "Jane Smith"])["Smith"] == "Smith"  # which?


def test_quotes_of_several_outlets_share_a_row_with_verbatim_and_reported_wording() -> None:
    a, b, c = article(1), article(2), article(3)
    words = "Wagner is searching around the world for arms suppliers"
    first = claim(1, a, f"“{words},” Kirby said.", kind="quote", speaker="Kirby", quote=words)
    second = claim(2, b, f"“{words},” he said.", kind="quote", speaker="John Kirby", quote=words)
    told = claim(3, c, "Wagner is searching the world for arms suppliers, officials said.")
    story = story_of(first, second, told, groups={1: [first, second, told]})
    (row,) = build_quotes(story)
    assert row.speaker == "John Kirby"
    assert row.verbatim == ("outlet-1.txt", "outlet-2.txt")
    assert row.cells[0][0].exact
    assert row.cells[2][0].reported


# -- the seed story -------------------------------------------------------------------------------


@pytest.fixture
def overview(editor_client: Client, seed_story: Story) -> Overview:
    return editor_client.get(overview_url(seed_story)).context["overview"]


def test_seed_fifty_thousand_is_one_row_for_four_outlets(overview: Overview) -> None:
    row = next(r for r in overview.figures if r.quantity == "50,000")
    assert row.outlet_count == 4
    assert row.status == "qualifier"  # "up to 50,000" against "approximately 50,000"
    odd = [cell.mentions[0].figure.text for cell in row.cells if cell.odd]
    assert odd == ["up to 50,000"]


def test_seed_hundred_million_a_month_is_one_row_for_three_outlets(overview: Overview) -> None:
    row = next(r for r in overview.figures if r.quantity == "$100 million per month")
    assert row.outlet_count == 3
    assert row.status == "qualifier"  # "more than" twice, "about" once


def test_seed_only_in_lists_an_outlets_own_quote(overview: Overview, seed_story: Story) -> None:
    kuleba = Article.objects.get(story=seed_story, source_file__contains="004_")
    own = next(o for o in overview.outlets if o.article.pk == kuleba.pk)
    assert any("We must immediately recognize them" in c.text for c in own.only_here)
    shared = {c.pk for row in overview.coverage.rows for cell in row.cells for c in cell.claims}
    assert not shared & {c.pk for o in overview.outlets for c in o.only_here}


def test_seed_quotes_credit_john_kirby_with_verbatim_rows(overview: Overview) -> None:
    kirby = next(s for s in overview.shared_quotes if s.speaker == "John Kirby")
    searching = next(
        row
        for row in kirby.rows
        if any("searching around the world" in m.wording for cell in row.cells for m in cell)
    )
    assert len(searching.verbatim) == 2
    assert all(m.exact for label in searching.verbatim for m in quoted_by(searching, label))


def quoted_by(row: object, label: str) -> list[object]:
    return [m for cell in row.cells for m in cell if m.article.label == label]  # type: ignore[attr-defined]


def test_seed_coverage_rows_link_to_the_story_page(overview: Overview, seed_story: Story) -> None:
    rows = overview.coverage.rows
    assert len(rows) >= 10
    assert [r.outlet_count for r in rows] == sorted((r.outlet_count for r in rows), reverse=True)
    assert all(r.href == f"{seed_story.get_absolute_url()}#group-{r.group_id}" for r in rows)
    states = {cell.state for row in rows for cell in row.cells}
    assert states == {HAS, PARAPHRASES, LACKS}


def test_page_shows_matrix_tables_and_links(editor_client: Client, seed_story: Story) -> None:
    response = editor_client.get(overview_url(seed_story))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="matrix" role="img"' in page
    assert 'id="figures"' in page and 'id="quotes"' in page and 'id="only-in"' in page
    assert f'href="{seed_story.get_absolute_url()}#group-' in page
    assert " style=" not in page  # the CSP allows no inline styles


def test_page_queries_do_not_grow_with_the_story(editor_client: Client, seed_story: Story) -> None:
    with CaptureQueriesContext(connection) as seed_queries:
        editor_client.get(overview_url(seed_story))
    small = hostile_story()
    with CaptureQueriesContext(connection) as small_queries:
        editor_client.get(overview_url(small))
    assert len(seed_queries) <= MAX_QUERIES
    assert len(seed_queries) == len(small_queries)


def test_page_needs_sign_in(client: Client, seed_story: Story) -> None:
    response = client.get(overview_url(seed_story))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_page_of_a_story_without_articles(editor_client: Client, db: None) -> None:
    story = Story.objects.create(title="Nothing yet")
    page = editor_client.get(overview_url(story)).content.decode()
    assert "has no articles yet" in page


# -- untrusted text -------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"


def hostile_story() -> Story:
    story = Story.objects.create(title=f"Hostile {SCRIPT}")
    claims = []
    for n, name in enumerate(["One", f"Two {SCRIPT}"]):
        text = f"{SCRIPT} said “{SCRIPT} costs $100 million a month”."
        article = Article.objects.create(
            story=story,
            outlet=Outlet.objects.get_or_create(name=name)[0],
            position=n,
            title=SCRIPT,
            raw=text,
            text=text,
            content_hash=content_hash(text + str(n)),
        )
        claims.append(
            Claim.objects.create(
                article=article,
                position=0,
                text=text,
                start=0,
                end=len(text),
                kind=Claim.Kind.QUOTE,
                speaker=f"<img src=x onerror=alert({n})>",
                quote=f"{SCRIPT} costs $100 million a month",
                figures=[asdict(f) for f in find_figures(text)],
            )
        )
        Claim.objects.create(article=article, position=1, text=f"Only {SCRIPT} {n}", start=0, end=1)
    group = ClaimGroup.objects.create(story=story, position=0)
    group.claims.set(claims)
    return story


def test_untrusted_text_is_escaped_everywhere(editor_client: Client, db: None) -> None:
    page = editor_client.get(overview_url(hostile_story())).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "$100 million a month" in page
