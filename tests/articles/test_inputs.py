"""Reading files and JSON lines: decoding and the problems reported for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsdiff.articles import inputs
from newsdiff.articles.inputs import ArticleInput, DecodeError, InputProblem, decode_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain text.", "Plain text."),
        ("\ufeffWith a BOM.".encode(), "With a BOM."),
        ("Caf\u00e9 au lait".encode("utf-16"), "Caf\u00e9 au lait"),
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Caf\u00e9 \u201cquoted\u201d"),
        ("na\u00efve".encode("latin-1"), "na\u00efve"),
    ],
)
def test_decode_bytes_reads_common_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


POLISH = (
    "Rząd w Warszawie ogłosił w poniedziałek, że ceny energii elektrycznej dla gospodarstw "
    "domowych zostaną zamrożone do końca przyszłego roku. Minister klimatu powiedział, że "
    "decyzja kosztować będzie budżet państwa około dziesięciu miliardów złotych."
)
CZECH = (
    "Vláda v pondělí oznámila, že ceny elektřiny pro domácnosti zůstanou zmrazeny až do konce "
    "příštího roku. Ministr průmyslu řekl, že opatření bude stát státní rozpočet přibližně "
    "deset miliard korun. Opozice plán kritizovala jako příliš pozdní."
)
RUSSIAN = (
    "Правительство в понедельник объявило, что цены на электроэнергию для населения будут "
    "заморожены до конца следующего года. Министр энергетики заявил, что это решение "
    "обойдётся бюджету примерно в десять миллиардов рублей."
)
JAPANESE = (
    "政府は月曜日、家庭向けの電気料金を来年末まで据え置くと発表した。"
    "経済産業大臣は、この措置には約一千億円の費用がかかると述べた。野党は計画が遅すぎると批判した。"
)
GERMAN = (
    "Die Regierung kündigte am Montag an, dass die Strompreise für Haushalte bis Ende nächsten "
    "Jahres eingefroren werden. Der Minister sagte, die Maßnahme koste rund zehn Milliarden Euro."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "iso-8859-2"),
        (CZECH, "iso-8859-2"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "cp1251"),
        (JAPANESE, "shift_jis"),
        (GERMAN, "cp1252"),
    ],
)
def test_decode_bytes_detects_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("meta", "encoding", "text"),
    [
        ('<meta charset="iso-8859-2">', "iso-8859-2", "Żółw"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
            "cp1251",
            "Москва",
        ),
        ("<META CHARSET='Shift_JIS'>", "shift_jis", "東京"),
        ('<meta charset="iso-8859-1">', "cp1252", "Caf\u00e9 \u201cquoted\u201d"),
    ],
)
def test_decode_bytes_follows_a_pages_meta_charset(meta: str, encoding: str, text: str) -> None:
    """A few words are too few to detect: the page's own declaration decides."""
    html = f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"
    assert decode_bytes(html.encode(encoding)) == html


def test_decode_bytes_ignores_an_unknown_meta_charset() -> None:
    html = '<html><head><meta charset="no-such-codec"></head><body>Caf\u00e9</body></html>'
    assert decode_bytes(html.encode("cp1252")) == html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", inputs.EMPTY_INPUT),
        (b"  \n\t ", inputs.EMPTY_INPUT),
        (b"%PDF-1.7 ...", inputs.PDF_INPUT),
        (b"PK\x03\x04rest-of-zip", inputs.ZIP_INPUT),
        (b"text\x00with\x00nuls", inputs.BINARY_INPUT),
        (bytes(range(1, 32)) * 10, inputs.BINARY_INPUT),
    ],
)
def test_decode_bytes_rejects_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=re.escape(message)):
        decode_bytes(data)


def test_walk_lists_folders_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.txt", "b/1.html", ".hidden.txt"]:
        (tmp_path / name).write_text("x")
    found: list[str] = []
    for path in inputs.walk([tmp_path]):
        assert isinstance(path, Path), path
        found.append(path.relative_to(tmp_path).as_posix())
    assert found == ["a.txt", "b/1.html", "b/2.txt"]


def test_walk_reports_a_missing_path(tmp_path: Path) -> None:
    [problem] = list(inputs.walk([tmp_path / "nope"]))
    assert isinstance(problem, InputProblem)
    assert "no such file" in problem.reason


def test_read_path_rejects_an_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK\x03\x04")
    [problem] = list(inputs.read_path(path))
    assert isinstance(problem, InputProblem)
    assert ".docx" in problem.reason


def test_read_path_rejects_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    [problem] = list(inputs.read_path(path, max_bytes=50))
    assert isinstance(problem, InputProblem)
    assert "too large" in problem.reason


def test_read_path_detects_html_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<html><body><p>Hi.</p></body></html>")
    [item] = list(inputs.read_path(path))
    assert isinstance(item, ArticleInput)
    assert item.fmt == "html"


def test_read_jsonl_reports_each_bad_line_with_its_number() -> None:
    lines = [
        json.dumps({"text": "A good article.", "title": "T", "id": 7, "published": "2022-12-22"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": 5}),
        json.dumps({"html": "<p>Good html.</p>", "published": "yesterday"}),
        "",
        json.dumps({"html": "<p>Good html.</p>", "story": "S", "outlet": "O"}),
    ]
    data = "\n".join(lines).encode()
    results = list(inputs.read_jsonl(data, source="f.jsonl", max_bytes=10_000))
    problems = {r.line: r.reason for r in results if isinstance(r, InputProblem)}
    items = [r for r in results if isinstance(r, ArticleInput)]
    assert set(problems) == {2, 3, 4, 5, 6}
    assert "malformed JSON" in problems[2]
    assert problems[3] == inputs.NOT_AN_OBJECT
    assert problems[4] == inputs.NO_TEXT
    assert '"text"' in problems[5]
    assert "ISO 8601" in problems[6]
    assert [(i.line, i.fmt) for i in items] == [(1, "text"), (8, "html")]
    assert items[0].external_id == "7"
    assert items[0].published is not None and items[0].published.day == 22
    assert (items[1].story, items[1].outlet) == ("S", "O")
