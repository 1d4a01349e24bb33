"""Bad and odd inputs, each through the upload form and through `manage.py ingest`.

Every case ends in a clear message or a correct import: never a server error, never a partial
article (an article without claims), never a job left unfinished.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from newsdiff.articles import ingest, inputs, jobs, limits
from newsdiff.articles.models import Article, IngestJob, Story
from newsdiff.compare import forms

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

STORED = "stored"
ARTICLE = (
    "Council approves the new budget\n\n"
    "The city council approved a budget of 5 million dollars on Monday, officials said.\n\n"
    '"We will build three new schools this year," said Mayor Ann Smith.\n\n'
    "Critics said the plan raises taxes on small shops without asking the voters first."
)
ACCENTED = (
    ARTICLE.replace("Mayor Ann Smith", "Mayor Zoë Müller of Café Rïver")
    + " “Déjà vu,” one wrote. €5."
)
HTML = "<html><head><title>Budget</title></head><body><article>{}</article></body></html>".format(
    "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
)
MANY_SENTENCES = "\n".join(
    f"Report number {n} says the council met on day {n} and voted." for n in range(2_500)
)
EMPTY = inputs.EMPTY_INPUT
BINARY = "not a text file"
TOO_LARGE = "the limit is"
NOT_UPLOADABLE = "Only .txt, .text, .html and .htm files can be uploaded"
NOTHING_LEFT = (ingest.EMPTY_AFTER_CLEANING, ingest.NO_CLAIMS)
# Reasons found when the text is cleaned and split: by the worker, for an upload.
WORKER_REASONS = (*NOTHING_LEFT, "statements found")


@pytest.fixture(autouse=True)
def fast_passwords(settings: Settings) -> None:
    """Each case signs an editor in: a fast hasher keeps the table quick (tests only)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def jsonl(*objects: object) -> bytes:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects).encode()


@dataclass(frozen=True)
class Case:
    """One input; what the upload form and the ingest command must each make of it.

    An outcome is `STORED`, or the text (or alternative texts) the message must contain.
    """

    id: str
    name: str
    data: bytes
    upload: str | tuple[str, ...]
    ingest: str | tuple[str, ...]


CASES = [
    Case("empty", "a.txt", b"", "is empty", EMPTY),
    Case("one pasted quote", "a.txt", b'"We will not stop," he said."', STORED, STORED),
    Case("whitespace only", "a.txt", b"  \n\t\r\n   \n", EMPTY, EMPTY),
    Case("binary", "a.txt", bytes(range(256)) * 8, BINARY, BINARY),
    Case("control characters", "a.txt", b"\x07\x08\x1b" * 50 + b"text", BINARY, BINARY),
    Case(
        "PDF named .txt",
        "a.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        inputs.PDF_INPUT,
        inputs.PDF_INPUT,
    ),
    Case("PDF named .pdf", "a.pdf", b"%PDF-1.7\n1 0 obj", NOT_UPLOADABLE, "unsupported file type"),
    Case(
        "ZIP named .txt",
        "a.txt",
        b"PK\x03\x04\x14\x00" + b"\x00" * 40,
        inputs.ZIP_INPUT,
        inputs.ZIP_INPUT,
    ),
    Case(
        "Word document",
        "a.docx",
        b"PK\x03\x04\x14\x00\x06\x00",
        NOT_UPLOADABLE,
        "unsupported file type",
    ),
    Case("over the size limit", "big.txt", b"word " * (1_300_000), TOO_LARGE, TOO_LARGE),
    Case("UTF-16 LE with BOM", "a.txt", ACCENTED.encode("utf-16"), STORED, STORED),
    Case("UTF-16 BE with BOM", "a.txt", b"\xfe\xff" + ACCENTED.encode("utf-16-be"), STORED, STORED),
    Case("UTF-8 with BOM", "a.txt", ACCENTED.encode("utf-8-sig"), STORED, STORED),
    Case(
        "Latin-1",
        "a.txt",
        ACCENTED.replace("“", '"').replace("”", '"').replace("€", "EUR").encode("latin-1"),
        STORED,
        STORED,
    ),
    Case("Windows-1252", "a.txt", ACCENTED.encode("cp1252"), STORED, STORED),
    Case(
        "not decodable",
        "a.txt",
        b"Caf\x81 \x8d\x8f\x90\x9d" * 20,
        inputs.UNDECODABLE_INPUT,
        inputs.UNDECODABLE_INPUT,
    ),
    Case("NUL bytes", "a.txt", ARTICLE.encode().replace(b" ", b" \x00", 3), BINARY, BINARY),
    Case("CRLF line ends", "a.txt", ARTICLE.replace("\n", "\r\n").encode(), STORED, STORED),
    Case("CR line ends", "a.txt", ARTICLE.replace("\n", "\r").encode(), STORED, STORED),
    Case(
        "emoji, RTL and zero-width",
        "a.txt",
        (ARTICLE + "\n\nقال المسؤول إن الخطة جيدة 🎉.\u200b").encode(),
        STORED,
        STORED,
    ),
    Case("one 5 MB line", "a.txt", b"The council met. " * 300_000, TOO_LARGE, "a line of"),
    Case(
        "100,000 short lines",
        "a.txt",
        b"".join(b"Line %d.\n" % n for n in range(100_000)),
        "too many lines",
        "too many lines",
    ),
    Case(
        "just over the line limit",
        "a.txt",
        b"A line.\n" * (limits.MAX_LINES + 1),
        "too many lines",
        "too many lines",
    ),
    Case(
        "a line just over the limit",
        "a.txt",
        b"word " * (limits.MAX_LINE_CHARS // 5 + 1),
        "a line of",
        "a line of",
    ),
    Case(
        "more statements than an article",
        "a.txt",
        MANY_SENTENCES.encode(),
        "statements found",
        "statements found",
    ),
    Case(
        "only boilerplate",
        "a.txt",
        b"[ad_1]\n\nLeave a Reply\n\nShare this:\n",
        NOTHING_LEFT,
        NOTHING_LEFT,
    ),
    Case("a heading and nothing else", "a.txt", b"Breaking news", NOTHING_LEFT, NOTHING_LEFT),
    Case("HTML page", "a.html", HTML.encode(), STORED, STORED),
    Case(
        "HTML fragment without html or body",
        "a.htm",
        HTML.split("<article>")[1].split("</article>")[0].encode(),
        STORED,
        STORED,
    ),
    Case(
        "HTML with no body",
        "a.html",
        b"<html><head><title>Only a title</title></head></html>",
        NOTHING_LEFT,
        NOTHING_LEFT,
    ),
    Case(
        "HTML of scripts and styles only",
        "a.html",
        b"<html><body><script>var a=1;</script><style>p{}</style></body></html>",
        NOTHING_LEFT,
        NOTHING_LEFT,
    ),
    Case(
        "malformed HTML",
        "a.html",
        HTML.replace("</p>", "").replace("</article>", "<b><i>").encode(),
        STORED,
        STORED,
    ),
    Case(
        "deeply nested HTML",
        "a.html",
        ("<div>" * 20_000 + ARTICLE + "</div>" * 20_000).encode(),
        "nested too deeply",
        "nested too deeply",
    ),
    Case(
        "HTML with 20,000 paragraphs",
        "a.html",
        b"<p>A short paragraph here.</p>" * 20_000,
        "too many HTML blocks",
        "too many HTML blocks",
    ),
    Case("plain text named .html", "a.html", ARTICLE.encode(), STORED, STORED),
    Case(
        "JSON lines",
        "a.jsonl",
        jsonl({"text": ARTICLE, "outlet": "Gazette"}),
        NOT_UPLOADABLE,
        STORED,
    ),
    Case(
        "malformed JSON line",
        "a.jsonl",
        b'{"text": "The council met."\n',
        NOT_UPLOADABLE,
        "malformed JSON",
    ),
    Case(
        "truncated JSON lines",
        "a.jsonl",
        jsonl({"text": ARTICLE})[:-40],
        NOT_UPLOADABLE,
        "malformed JSON",
    ),
    Case(
        "JSON line without text",
        "a.jsonl",
        jsonl({"title": "No body"}),
        NOT_UPLOADABLE,
        inputs.NO_TEXT,
    ),
    Case(
        "JSON line with a number as text",
        "a.jsonl",
        jsonl({"text": 42}),
        NOT_UPLOADABLE,
        'field "text" must be a string',
    ),
    Case(
        "JSON line that is a list",
        "a.jsonl",
        jsonl([ARTICLE]),
        NOT_UPLOADABLE,
        inputs.NOT_AN_OBJECT,
    ),
    Case(
        "JSON line with a bad date",
        "a.jsonl",
        jsonl({"text": ARTICLE, "published": "yesterday"}),
        NOT_UPLOADABLE,
        "not an ISO 8601 date",
    ),
    Case(
        "JSON line with a javascript: URL",
        "a.jsonl",
        jsonl({"text": ARTICLE, "url": "javascript:alert(1)"}),
        NOT_UPLOADABLE,
        inputs.BAD_URL,
    ),
    Case(
        "JSON nested 100,000 deep",
        "a.jsonl",
        b"[" * 100_000 + b"]" * 100_000 + b"\n",
        NOT_UPLOADABLE,
        "malformed JSON",
    ),
    Case(
        "JSON number of 5,000 digits",
        "a.jsonl",
        b'{"text": "x", "id": ' + b"9" * 5_000 + b"}\n",
        NOT_UPLOADABLE,
        "malformed JSON",
    ),
    Case(
        "JSON line with U+2028 in the text",
        "a.jsonl",
        jsonl({"text": ARTICLE.replace(" on Monday", "\u2028on Monday\u0085")}),
        NOT_UPLOADABLE,
        STORED,
    ),
    Case(
        "JSON lines in UTF-16",
        "a.jsonl",
        jsonl({"text": ACCENTED}).decode().encode("utf-16"),
        NOT_UPLOADABLE,
        STORED,
    ),
    Case("JSON lines that are all blank", "a.jsonl", b"\n\n   \n", NOT_UPLOADABLE, EMPTY),
]


def expected_texts(outcome: str | tuple[str, ...]) -> tuple[str, ...]:
    return outcome if isinstance(outcome, tuple) else (outcome,)


def assert_no_partial_articles() -> None:
    assert not Article.objects.filter(claims__isnull=True).exists()
    assert not IngestJob.objects.unfinished().exists()


def form_errors(response: _MonkeyPatchedWSGIResponse) -> str:
    form = response.context["form"]
    return (
        " ".join(str(e) for e in form.non_field_errors())
        + " "
        + " ".join(str(e) for field in form for e in field.errors)
    )


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_upload(
    editor_client: Client,
    case: Case,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    title = f"Upload {case.id}"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/upload/", {"new_story": title, "file": SimpleUploadedFile(case.name, case.data)}
        )
    if case.upload == STORED:
        assert response.status_code == 302, form_errors(response)
        story = Story.objects.get(title=title)
        assert list(story.jobs.values_list("status", flat=True)) == ["done"]
        assert story.articles.get().claims.exists()
    elif set(expected_texts(case.upload)) & set(WORKER_REASONS):
        # Cleaning is the worker's: the request queued it, the job failed with the reason.
        assert response.status_code == 302, form_errors(response)
        job = Story.objects.get(title=title).jobs.get()
        assert job.status == "failed"
        assert any(text in job.message for text in expected_texts(case.upload))
        assert not Article.objects.filter(story__title=title).exists()
    else:
        assert response.status_code == 200
        assert any(text in form_errors(response) for text in expected_texts(case.upload))
        assert not Story.objects.filter(title=title).exists()
    assert_no_partial_articles()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_ingest(tmp_path: Path, case: Case) -> None:
    (tmp_path / case.name).write_bytes(case.data)
    title = f"Ingest {case.id}"
    err = io.StringIO()
    args = ("ingest", str(tmp_path / case.name), "--story", title)
    if case.ingest == STORED:
        call_command(*args, stdout=io.StringIO(), stderr=err)
        assert Story.objects.get(title=title).articles.get().claims.exists(), err.getvalue()
    else:
        with pytest.raises(CommandError, match="0 new, 0 already stored, 1 failed"):
            call_command(*args, stdout=io.StringIO(), stderr=err)
        assert any(text in err.getvalue() for text in expected_texts(case.ingest)), err.getvalue()
        assert str(tmp_path / case.name) in err.getvalue()
        assert not Story.objects.filter(title=title).exists()
    assert_no_partial_articles()


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_decoded_text_is_right_whatever_the_encoding(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-8-sig", "cp1252"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(ACCENTED.encode(encoding))
        call_command("ingest", str(path), "--story", encoding, stdout=io.StringIO())
        text = Story.objects.get(title=encoding).articles.get().text
        assert "Zoë Müller of Café Rïver" in text and not text.startswith("\ufeff")


def test_pasted_text_with_nul_bytes_or_only_spaces_gets_a_message(editor_client: Client) -> None:
    for text, message in [
        (ARTICLE + "\x00", "Null characters are not allowed"),
        ("   \n  ", forms.NEED_ONE_SOURCE),
    ]:
        response = editor_client.post("/upload/", {"new_story": "Pasted", "text": text})
        assert response.status_code == 200 and message in form_errors(response)
    assert not Story.objects.filter(title="Pasted").exists()


def test_pasted_text_over_the_limits_gets_a_message(editor_client: Client) -> None:
    for text, message in [
        ("word " * 450_000, "The pasted text is 2,250,000 bytes"),
        ("A line.\n" * 100_000, "The pasted text: too many lines"),
    ]:
        response = editor_client.post("/upload/", {"new_story": "Pasted", "text": text})
        assert response.status_code == 200 and message in form_errors(response)


def test_the_same_upload_twice_stores_one_article(
    editor_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post("/upload/", {"new_story": "Twice", "text": ARTICLE})
    story = Story.objects.get(title="Twice")
    assert story.articles.count() == 1
    assert sorted(story.jobs.values_list("message", flat=True)) == ["", jobs.ALREADY_STORED]


def test_the_same_file_ingested_twice_stores_one_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = io.StringIO()
    for _ in range(2):
        call_command("ingest", str(path), "--story", "Twice", stdout=out)
    assert Story.objects.get(title="Twice").articles.count() == 1
    assert "0 new, 1 already stored, 0 failed" in out.getvalue()


def test_a_story_name_of_10000_characters(
    editor_client: Client,
    tmp_path: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    long_name = "Budget " * 1_428 + "vote"
    response = editor_client.post("/upload/", {"new_story": long_name, "text": ARTICLE})
    assert "Ensure this value has at most 300 characters (it has 10000)" in form_errors(response)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    call_command("ingest", str(path), "--story", long_name, stdout=io.StringIO())
    story = Story.objects.get(title__startswith="Budget Budget")
    assert len(story.title) == 300 and len(story.slug) <= 90
    assert editor_client.get(story.get_absolute_url()).status_code == 200


def test_a_jsonl_file_with_good_and_bad_lines_loads_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = jsonl({"text": ARTICLE}) + b"{broken\n" + jsonl({"title": "none"}, {"text": ACCENTED})
    path.write_bytes(lines)
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 new, 0 already stored, 2 failed"):
        call_command("ingest", str(path), "--story", "Mixed", stdout=io.StringIO(), stderr=err)
    assert f"{path}:2: malformed JSON" in err.getvalue()
    assert f"{path}:3: {inputs.NO_TEXT}" in err.getvalue()
    assert Story.objects.get(title="Mixed").articles.count() == 2
    assert_no_partial_articles()


def test_a_pasted_text_over_the_request_limit_gets_the_form_with_a_message(
    editor_client: Client,
) -> None:
    response = editor_client.post("/upload/", {"new_story": "Huge", "text": "word " * 800_000})
    assert response.status_code == 413
    page = response.content.decode()
    assert "larger than the upload limit" in page and 'name="text"' in page
    assert not Story.objects.filter(title="Huge").exists()
