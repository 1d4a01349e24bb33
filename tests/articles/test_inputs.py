"""Reading files and JSON lines: decoding and the problems reported for bad input."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from bench.hostile_inputs import hostile_inputs
from newsdiff.articles import inputs, limits
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


CZECH_SHORT = "Vláda schválila zákon o dani z příjmů. Premiér řekl, že je to krok, který čekali."
SLOVAK = (
    "Vláda v pondelok oznámila, že ceny elektriny pre domácnosti zostanú zmrazené do konca "
    "budúceho roka. Minister hospodárstva povedal, že opatrenie bude štát stáť približne "
    "desať miliónov eur a že ďalšie kroky príjme v januári."
)
ITALIAN_ZIZEK = (
    "Il governo ha annunciato lunedì che i prezzi dell'energia saranno congelati, perché la "
    "crisi è più grave del previsto, ha detto il filosofo Slavoj Žižek, ospite della serata."
)
FRENCH_ZIZEK = (
    "Le président a déclaré mercredi que la réforme serait votée à l'été, malgré l'opposition "
    "très vive. Le philosophe Slavoj Žižek était là, lui aussi très critique."
)


@pytest.mark.parametrize("text", [CZECH, CZECH_SHORT, SLOVAK])
def test_decode_bytes_reads_czech_and_slovak_in_cp1250_not_as_cp1252(text: str) -> None:
    """č ř ů ě ť are bytes that cp1252 reads as è ø ù ì (or not at all): the text decodes
    both ways, and must come out in cp1250."""
    data = text.encode("cp1250")
    assert data != text.encode("iso-8859-2")  # š and ž differ from ISO-8859-2 too
    assert decode_bytes(data) == text


def test_czech_in_cp1250_is_also_valid_cp1252_which_reads_it_wrong() -> None:
    """Why the case above is hard: the bytes are good cp1252, read as Latin-1 letters."""
    misread = CZECH.encode("cp1250").decode("cp1252")
    assert "elektøiny" in misread and "zùstanou" in misread and "rozpoèet" in misread


@pytest.mark.parametrize("text", [ITALIAN_ZIZEK, FRENCH_ZIZEK, GERMAN])
def test_decode_bytes_keeps_western_text_with_a_czech_name_in_cp1252(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == text


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
        json.dumps({"title": "A headline only", "text": " "}),
        json.dumps({"title": "A headline only", "text": "", "html": ""}),
    ]
    data = "\n".join(lines).encode()
    results = list(inputs.read_jsonl(data, source="f.jsonl", max_bytes=10_000))
    problems = {r.line: r.reason for r in results if isinstance(r, InputProblem)}
    items = [r for r in results if isinstance(r, ArticleInput)]
    assert set(problems) == {2, 3, 4, 5, 6, 9, 10}
    assert "malformed JSON" in problems[2]
    assert problems[3] == inputs.NOT_AN_OBJECT
    assert problems[4] == inputs.NO_TEXT
    assert '"text"' in problems[5]
    assert "ISO 8601" in problems[6]
    assert problems[9] == "the object's \"text\" is empty: the article's text is required"
    assert (
        problems[10] == 'the object\'s "text" and "html" are empty: the article\'s text is required'
    )
    assert [(i.line, i.fmt) for i in items] == [(1, "text"), (8, "html")]
    assert items[0].external_id == "7"
    assert items[0].published is not None and items[0].published.day == 22
    assert (items[1].story, items[1].outlet) == ("S", "O")


# --- shape limits on hostile input ---------------------------------------------------------

SHAPE_DEADLINE_SECONDS = 5.0  # far above the normal time (milliseconds), far below a blow-up
HOSTILE = {item.name: item for item in hostile_inputs()}


def _shape_within_deadline(raw: str, fmt: str) -> str:
    started = time.process_time()
    problem = inputs.shape_problem(raw, fmt)
    spent = time.process_time() - started
    assert spent < SHAPE_DEADLINE_SECONDS, f"the shape check took {spent:.1f} s of CPU"
    return problem


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("byline_dashes", ""),
        ("capitalised_word", "a word of 99,000 characters"),
        ("ones", ""),
        ("em_spaces_after_said", "a run of 99,000 spaces"),
        ("nbsp_after_said", "a run of 99,000 spaces"),
        ("capitalised_run", ""),
        ("html_long_word", ""),  # a page: its text is limited when extracted
        ("dots", "a word of 99,0"),
        ("comma_lines", "too many words for one article: 1,862,000"),
        ("open_tags", ""),
        ("quotes", "a word of 99,000 characters"),
    ],
)
def test_hostile_inputs_are_checked_within_the_deadline(name: str, expected: str) -> None:
    item = HOSTILE[name]
    problem = _shape_within_deadline(item.raw, item.fmt)
    assert problem.startswith(expected) if expected else problem == ""


def test_a_word_or_a_run_of_spaces_just_within_the_limits_is_accepted() -> None:
    word = "w" * limits.MAX_WORD_CHARS
    spaces = "\u2003" * limits.MAX_SPACE_RUN
    assert inputs.shape_problem(f"A {word} and{spaces}more.", "text") == ""
    assert inputs.shape_problem(f"A {word}x.", "text").startswith("a word of 5,002")
    assert inputs.shape_problem(f"A{spaces} more.", "text").startswith("a run of 1,001")


def test_text_of_more_words_than_the_limit_is_refused() -> None:
    text = ("a " * 50 + "\n") * (limits.MAX_WORDS // 50)
    assert inputs.shape_problem(text, "text") == ""
    problem = inputs.shape_problem(text + "a", "text")
    assert problem == inputs.TOO_MANY_WORDS.format(
        count=limits.MAX_WORDS + 1, limit=limits.MAX_WORDS
    )


def test_html_tags_are_read_by_a_scanner_that_stops_when_no_tag_can_close() -> None:
    tags = list(inputs.html_tags('<p class="a">x</p><br/><a_b><1><a href=">"/>'))
    assert tags == [
        (False, "p", False),
        (True, "p", False),
        (False, "br", True),
        (False, "a", False),
    ]
    assert list(inputs.html_tags("<a" * 60_000)) == []


def test_self_closed_html_elements_still_open_unless_they_are_void_or_svg() -> None:
    spans = "<span/>" * (limits.MAX_HTML_DEPTH + 1)
    assert _shape_within_deadline(spans, "html").startswith("HTML nested too deeply")
    icons = "<svg>" + '<path d="M0"/>' * 5_000 + "</svg>" + "<br/><img src=x />" * 2_000
    assert _shape_within_deadline(f"<div>{icons}</div>", "html") == ""
