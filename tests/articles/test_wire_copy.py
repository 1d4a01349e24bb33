"""Article identity end to end: wire copy kept with each outlet, the same source stored once,
outlet and date found, the file named as given (ingest, export, alignment)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from newsdiff.articles.export import story_export
from newsdiff.articles.models import Article, Story
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

WIRE = (SEEDS / "001_17f443fb6246cec4.txt").read_text(encoding="utf-8")
REWRITE = (SEEDS / "003_3f3274e93fbad53a.txt").read_text(encoding="utf-8")
OUTLETS = [
    ("The Star", "https://star.example/wire-1", "North Korea sent arms to Wagner"),
    ("Evening Post", "https://post.example/world/42", "Wagner got North Korean rockets"),
    ("Daily Courier", "https://courier.example/a/7", "US: Pyongyang armed Wagner"),
]


def ingest(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def wire_file(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"text": WIRE, "outlet": outlet, "url": url, "title": title})
        for outlet, url, title in OUTLETS
    ]
    lines.append(json.dumps({"text": REWRITE, "outlet": "Rewrite Daily"}))
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_wire_copy_run_by_three_outlets_is_three_articles_marked_as_the_same_text(
    tmp_path: Path,
) -> None:
    out = ingest(str(wire_file(tmp_path)), "--story", "Wire")
    assert "4 new, 0 already stored, 0 failed" in out
    assert "same text as The Star" in out
    exported = story_export(Story.objects.get(title="Wire"))
    by_outlet = {article["outlet"]: article for article in exported["articles"]}
    assert set(by_outlet) == {"The Star", "Evening Post", "Daily Courier", "Rewrite Daily"}
    star, post, courier = (by_outlet[name] for name, _, _ in OUTLETS)
    assert star["same_text_as"] == sorted([post["id"], courier["id"]])
    assert courier["same_text_as"] == sorted([star["id"], post["id"]])
    assert by_outlet["Rewrite Daily"]["same_text_as"] == []
    assert [star["title"], post["title"]] == [OUTLETS[0][2], OUTLETS[1][2]]


def test_the_same_sources_again_change_nothing(tmp_path: Path) -> None:
    path = wire_file(tmp_path)
    ingest(str(path), "--story", "Again")
    before = list(Article.objects.filter(story__title="Again").values_list("pk", "content_hash"))
    out = ingest(str(path), "--story", "Again")
    assert "0 new, 4 already stored, 0 failed" in out
    after = list(Article.objects.filter(story__title="Again").values_list("pk", "content_hash"))
    assert after == before


def test_copies_are_aligned_as_one_text_and_every_outlet_is_in_the_rows(tmp_path: Path) -> None:
    ingest(str(wire_file(tmp_path)), "--story", "Rows")
    exported = story_export(Story.objects.get(title="Rows"))
    article_of = {claim["id"]: claim["article"] for claim in exported["claims"]}
    copies = {a["id"] for a in exported["articles"] if a["same_text_as"]}
    claims_of_copies = [c for c in exported["claims"] if c["article"] in copies]
    grouped = {claim for group in exported["groups"] for claim in group["claims"]}
    assert {claim["id"] for claim in claims_of_copies} <= grouped  # every copy's claim has a row
    for group in exported["groups"]:
        articles = {article_of[claim] for claim in group["claims"]}
        assert len(articles) == len(group["claims"])  # one claim per article in a row
        assert articles & copies in (set(), copies)  # a row holds all copies or none
    same_text = [m for m in exported["matches"] if "same text" in m["signals"]]
    assert same_text and all(m["score"] == 1.0 for m in same_text)


def test_the_file_is_named_as_given_never_by_the_server_path(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "CNN.txt"
    path.parent.mkdir()
    path.write_text(REWRITE, encoding="utf-8")
    ingest(str(path.resolve()), "--story", "Named")
    ingest(str(path.parent.resolve()), "--story", "Named folder")
    [first] = story_export(Story.objects.get(title="Named"))["articles"]
    assert (first["source_file"], first["outlet"]) == ("CNN.txt", "CNN")
    [second] = story_export(Story.objects.get(title="Named folder"))["articles"]
    assert second["source_file"] == "CNN.txt"
    assert str(tmp_path) not in json.dumps([first, second])


def test_outlet_and_date_come_from_the_page_the_url_or_the_dateline(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n}: the city council voted on Tuesday to close the old harbour bridge "
        "to cars, officials said.</p>"
        for n in range(5)
    )
    page = (
        '<html><head><meta property="og:site_name" content="Harbour Gazette">'
        '<meta property="article:published_time" content="2023-01-20T14:30:00Z">'
        f"<title>Bridge closes</title></head><body><article>{paragraphs}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    text = "Bridge closes to cars\n\nPublished April 11, 2007\n\n" + REWRITE
    lines = [
        json.dumps({"text": text, "url": "https://www.nytimes.com/2007/04/11/bridge.html"}),
    ]
    (tmp_path / "lines.jsonl").write_text("\n".join(lines), encoding="utf-8")
    ingest(str(tmp_path), "--story", "Found")
    articles = {
        a["source_file"]: a for a in story_export(Story.objects.get(title="Found"))["articles"]
    }
    assert (articles["page.html"]["outlet"], articles["page.html"]["published"]) == (
        "Harbour Gazette",
        "2023-01-20T14:30:00+00:00",
    )
    line = articles["lines.jsonl"]
    assert (line["outlet"], line["published"]) == (
        "The New York Times",
        "2007-04-11T00:00:00+00:00",
    )
    assert {"text": "Published April 11, 2007", "reason": "dateline"} in line["removed"]


# One web process creating a story: it waits for the "go" file, so that both ask at once.
RACER = """
import sys, time
from pathlib import Path
import django
django.setup()
from newsdiff.articles.ingest import story_find_or_create
go = Path(sys.argv[1])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
story, created = story_find_or_create(title="Raced title")
print(story.pk, created, flush=True)
"""


def test_two_processes_creating_one_new_story_title_make_one_story(tmp_path: Path) -> None:
    """Two web processes on one SQLite file (WAL, a busy timeout, as deployed): both get the
    same story, made once. (Threads on the test run's in-memory database cannot show this:
    its shared cache answers "table is locked" at once instead of waiting.)"""
    database = tmp_path / "race.sqlite3"
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}"}
    env["DJANGO_SETTINGS_MODULE"] = "newsdiff.settings"
    root = Path(__file__).resolve().parents[2]
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=root, env=env, check=True, timeout=120)
    go = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(go)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for racer in racers:
            assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
        go.touch()
        answers = [racer.communicate(timeout=60)[0].split() for racer in racers]
    finally:
        for racer in racers:
            if racer.poll() is None:
                racer.kill()
    assert all(racer.returncode == 0 for racer in racers)
    assert answers[0][0] == answers[1][0]
    assert sorted(answer[1] for answer in answers) == ["False", "True"]
    with sqlite3.connect(database) as db:
        rows = db.execute("select count(*) from articles_story where title = 'Raced title'")
        assert rows.fetchone() == (1,)
