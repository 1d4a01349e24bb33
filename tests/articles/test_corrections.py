"""Editors restore and remove lines; outlets learn the lines they print around every article."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from newsdiff.articles import corrections, jobs
from newsdiff.articles.alignment import story_align
from newsdiff.articles.ingest import article_ingest
from newsdiff.articles.inputs import ArticleInput
from newsdiff.articles.models import Article, IngestJob, OutletRule, Story
from newsdiff.textcore.clean import normalise_line

pytestmark = pytest.mark.django_db

FOOTER = "The Daily Planet is an independent newspaper owned by its readers since 1938."
PROMO = "Our reporters are on the ground in every district of the city, day and night."
BODIES = [
    "The city council approved the new budget on Tuesday after a long debate.\n\n"
    "The mayor said the plan would fund two new libraries and a bus line.",
    "Heavy rain flooded several streets in the harbour district overnight.\n\n"
    "Firefighters pumped water from basements until the early morning.",
    "The football club signed a young striker from a rival team this week.\n\n"
    "The coach said the player would start in Saturday's match.",
]


def page(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n\n{FOOTER}\n\n{PROMO}\n"


def ingest(story: Story, outlet: str, title: str, body: str) -> Article:
    item = ArticleInput(raw=page(title, body), fmt="text", outlet=outlet, source_file=title)
    return article_ingest(item=item, story=story).article


def line_index(article: Article, text: str) -> int:
    return next(n for n, (t, _, _) in enumerate(article.blocks) if text in t)


def test_a_footer_one_outlet_prints_under_every_article_is_learned() -> None:
    story = Story.objects.create(title="Local news")
    first = ingest(story, "Daily Planet", "Budget passes", BODIES[0])
    assert FOOTER in first.text  # one article alone cannot tell a footer from the article
    ingest(story, "Daily Planet", "Streets flooded", BODIES[1])
    learned = set(
        OutletRule.objects.filter(outlet__name="Daily Planet").values_list("line", "source")
    )
    assert (normalise_line(FOOTER), "learned") in learned
    third = ingest(story, "Daily Planet", "Striker signed", BODIES[2])
    assert FOOTER not in third.text and PROMO not in third.text
    assert {s.reason for s in third.removed_spans.all()} >= {"boilerplate"}
    assert "The coach said the player would start" in third.text


def test_a_line_two_outlets_share_is_not_boilerplate() -> None:
    story = Story.objects.create(title="Wire copy")
    wire = "The central bank raised interest rates by a quarter point on Wednesday, officials said."
    ingest(story, "Paper A", "Rates up", f"{wire}\n\n{BODIES[0]}")
    ingest(story, "Paper B", "Rates rise", f"{wire}\n\n{BODIES[1]}")
    ingest(story, "Paper A", "Rates again", f"{wire}\n\n{BODIES[2]}")
    lines = set(OutletRule.objects.values_list("line", flat=True))
    assert not any("central bank" in line for line in lines)


def test_two_versions_of_one_article_teach_nothing() -> None:
    story = Story.objects.create(title="Versions")
    ingest(story, "Daily Planet", "Budget passes", BODIES[0])
    ingest(story, "Daily Planet", "Budget passes (updated)", BODIES[0] + "\n\nThe vote was 7 to 2.")
    assert not OutletRule.objects.filter(line__contains="council approved").exists()


def test_an_editor_restores_a_removed_line_and_the_worker_recomputes_the_claims(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    story = Story.objects.create(title="Restore")
    raw = (
        "City council approves the new budget after a long debate\n\nAdvertisement\n\n"
        + BODIES[0]
        + "\n\nSubscribe to our newsletter for daily updates."
    )
    article = article_ingest(item=ArticleInput(raw=raw, fmt="text"), story=story).article
    story_align(story=story)
    index = line_index(article, "Subscribe to our newsletter")
    assert article.blocks[index][1] == "removed"
    before = article.claims.count()
    with django_capture_on_commit_callbacks() as queued:
        url = f"{article.get_absolute_url()}lines/{index}/"
        response = editor_client.post(url, {"action": "keep"})
    assert response.status_code == 302
    # the request stores the decision and queues the article; it cleans nothing itself
    assert article.corrections.get().action == "keep"
    article.refresh_from_db()
    assert "Subscribe to our newsletter" not in article.text
    job = IngestJob.objects.get(article=article, redo=True)
    assert job.status == "queued" and job.raw == ""
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "being cleaned again" in page and "/reading/" in page
    for callback in queued:  # the worker
        callback()
    job.refresh_from_db()
    assert job.status == "done"
    article.refresh_from_db()
    assert "Subscribe to our newsletter" in article.text
    assert article.claims.count() == before + 1
    assert not article.claims.filter(embedding__isnull=True).exists()  # aligned again
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "being cleaned again" not in page


def test_an_editor_removes_a_missed_line_with_htmx_and_the_text_follows_when_done(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    story = Story.objects.create(title="Remove")
    raw = (
        "City council approves the new budget after a long debate\n\n"
        + BODIES[0]
        + "\n\nThis story was produced with help from our partners at the agency."
    )
    article = article_ingest(item=ArticleInput(raw=raw, fmt="text"), story=story).article
    index = line_index(article, "produced with help")
    with django_capture_on_commit_callbacks() as queued:
        response = editor_client.post(
            f"{article.get_absolute_url()}lines/{index}/",
            {"action": "remove"},
            headers={"HX-Request": "true"},
        )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="reading"')
    reading = f"{article.get_absolute_url()}reading/"
    assert f'hx-get="{reading}"' in body and "being cleaned again" in body  # it polls
    polled = editor_client.get(reading, headers={"HX-Request": "true"})
    assert polled.status_code == 200 and "being cleaned again" in polled.content.decode()
    for callback in queued:  # the worker
        callback()
    done = editor_client.get(reading, headers={"HX-Request": "true"})
    assert done.status_code == 286  # htmx stops polling
    page = done.content.decode()
    assert "being cleaned again" not in page and 'hx-get="' not in page.split(">", 1)[0]
    article.refresh_from_db()
    assert "produced with help" not in article.text
    assert "removed by an editor" in page


def test_a_correction_the_worker_cannot_apply_is_shown_failed_in_the_reading_view(
    editor_client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    story = Story.objects.create(title="Refused correction")
    raw = "Budget passes\n\n" + BODIES[0]
    article = article_ingest(item=ArticleInput(raw=raw, fmt="text"), story=story).article
    body_lines = [n for n, (_, role, _) in enumerate(article.blocks) if role == "body"]
    with django_capture_on_commit_callbacks(execute=True):
        for index in body_lines:  # nothing left: the worker refuses the article as corrected
            editor_client.post(f"{article.get_absolute_url()}lines/{index}/", {"action": "remove"})
    job = IngestJob.objects.filter(article=article, redo=True).order_by("pk").last()
    assert job is not None and job.status == "failed"
    assert "nothing is left after cleaning" in job.message
    article.refresh_from_db()
    assert "The mayor said" in article.text  # the stored article is as it was
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "after the last correction failed: nothing is left after cleaning" in page


def test_the_redo_of_an_article_deleted_meanwhile_ends_saying_so(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    story = Story.objects.create(title="Deleted meanwhile")
    article = ingest(story, "", "Budget passes", BODIES[0])
    with django_capture_on_commit_callbacks() as queued:
        jobs.article_redo_queue(article=article)
    article.delete()
    for callback in queued:
        callback()
    job = IngestJob.objects.get(story=story, redo=True)
    assert (job.status, job.message) == ("done", jobs.REDO_GONE)


def test_corrections_teach_the_outlet() -> None:
    story = Story.objects.create(title="Teach")
    first = ingest(story, "Daily Planet", "Budget passes", BODIES[0])
    corrections.correction_record(
        article=first, index=line_index(first, PROMO), action="remove", editor=None
    )
    rule = OutletRule.objects.get(outlet__name="Daily Planet", line=normalise_line(PROMO))
    assert (rule.action, rule.source) == ("remove", "editor")


def test_the_headline_and_unknown_lines_cannot_be_corrected() -> None:
    story = Story.objects.create(title="Refused")
    article = ingest(
        story, "", "City council approves the new budget after a long debate", BODIES[0]
    )
    assert article.blocks[0][1] == "title"
    with pytest.raises(corrections.CorrectionRefused, match="headline"):
        corrections.correction_record(article=article, index=0, action="remove", editor=None)
    with pytest.raises(corrections.CorrectionRefused, match="no line 99"):
        corrections.correction_record(article=article, index=99, action="remove", editor=None)


def test_a_bad_action_is_refused(editor_client: Client) -> None:
    story = Story.objects.create(title="Bad action")
    article = ingest(story, "", "Budget passes", BODIES[0])
    response = editor_client.post(f"{article.get_absolute_url()}lines/1/", {"action": "explode"})
    assert response.status_code == 400
