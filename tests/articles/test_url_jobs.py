"""Jobs that fetch: a URL added in the background, a check for changes, a dead worker's retry."""

from __future__ import annotations

import pytest

from newsdiff.articles import jobs
from newsdiff.articles.ingest import story_get_or_create
from newsdiff.articles.models import Article, IngestJob
from tests.articles.test_versions import FIRST, SECOND, serve
from tests.pages_server import PagesServer

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_url_job_stores_the_fetched_page_as_the_input(pages_server: PagesServer) -> None:
    url = serve(pages_server, *FIRST)
    story = story_get_or_create(title="Floods")
    batch = jobs.batch_queue(story=story, urls=[url], outlet="Valley News")
    job = IngestJob.objects.get(batch=batch)
    assert job.status == IngestJob.Status.DONE and job.message == ""
    assert job.raw_format == "html" and "<nav>" in job.raw
    article = Article.objects.get(url=url)
    assert article.raw == job.raw and article.outlet is not None
    assert article.outlet.name == "Valley News"


def test_a_url_job_a_dead_worker_left_fetching_is_fetched_again(
    pages_server: PagesServer,
) -> None:
    url = serve(pages_server, *FIRST)
    story = story_get_or_create(title="Floods")
    IngestJob.objects.create(
        batch="00000000-0000-0000-0000-000000000001", story=story, url=url, fetch=True,
        status=IngestJob.Status.FETCHING, attempts=1,
    )  # fmt: skip
    assert jobs.jobs_recover() == (1, 0)
    assert Article.objects.filter(story=story, url=url).count() == 1


def test_a_check_job_of_a_changed_page_makes_a_version_and_aligns(
    pages_server: PagesServer,
) -> None:
    url = serve(pages_server, *FIRST)
    story = story_get_or_create(title="Floods")
    jobs.batch_queue(story=story, urls=[url])
    article = Article.objects.get(url=url)
    serve(pages_server, *SECOND)
    batch = jobs.batch_queue(story=story, checks=[article])
    job = IngestJob.objects.get(batch=batch)
    assert job.article == article and job.status == IngestJob.Status.DONE
    assert job.message.startswith("new version 2: ") and "3 dead -> 5 dead" in job.message
    assert not article.claims.filter(embedding__isnull=True).exists(), "the story was aligned"


def test_a_check_job_of_a_page_gone_fails_with_the_reason(pages_server: PagesServer) -> None:
    url = serve(pages_server, *FIRST)
    story = story_get_or_create(title="Floods")
    jobs.batch_queue(story=story, urls=[url])
    article = Article.objects.get(url=url)
    pages_server.serve("/floods", "gone", status=404)
    batch = jobs.batch_queue(story=story, checks=[article])
    job = IngestJob.objects.get(batch=batch)
    assert job.status == IngestJob.Status.FAILED
    assert job.message == "the server answered 404 Not Found"
    assert article.versions.count() == 1
