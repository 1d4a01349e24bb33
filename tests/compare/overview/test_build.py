"""The story overview page on the seed story: its figures, quotes and coverage, its queries,
and untrusted text escaped. The tables themselves are tested in their own modules."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsdiff.articles.models import Article, Claim, ClaimGroup, Outlet, Story, content_hash
from newsdiff.compare.overview.build import Overview
from newsdiff.compare.overview.coverage import HAS, LACKS, PARAPHRASES
from newsdiff.compare.overview.quotes_table import QuoteMention, QuoteRow
from newsdiff.textcore.figures import find_figures

MAX_QUERIES = 8  # session, user, two permission look-ups of the base template, and four of ours


def overview_url(story: Story) -> str:
    return f"/stories/{story.slug}/overview/"


# -- the seed story -------------------------------------------------------------------------------


@pytest.fixture
def overview(editor_client: Client, seed_story: Story) -> Overview:
    overview = editor_client.get(overview_url(seed_story)).context["overview"]
    assert isinstance(overview, Overview)
    return overview


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


def quoted_by(row: QuoteRow, label: str) -> list[QuoteMention]:
    return [m for cell in row.cells for m in cell if m.article.label == label]


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
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="matrix" role="group"' in page
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


def test_table_page_names_every_outlet_in_full_with_its_wording(
    editor_client: Client, seed_story: Story
) -> None:
    response = editor_client.get(f"/stories/{seed_story.slug}/overview/table/")
    assert response.status_code == 200
    coverage = response.context["coverage"]
    page = response.content.decode()
    for label in coverage.labels:
        assert f'<th scope="col">{label}</th>' in page
    wording = next(c for r in coverage.rows for c in r.cells if c.claims).claims[0].text
    assert wording[:40] in page
    overview = editor_client.get(overview_url(seed_story)).content.decode()
    assert f'href="/stories/{seed_story.slug}/overview/table/"' in overview
