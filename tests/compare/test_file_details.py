"""Each uploaded file's own outlet, URL and date, as the upload form's rows give them."""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import QueryDict

from newsdiff.compare.file_details import FileDetails, files_details


def rows(*values: tuple[str, str, str, str]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, outlet, url, published in values:
        data.appendlist("file_name", name)
        data.appendlist("file_outlet", outlet)
        data.appendlist("file_url", url)
        data.appendlist("file_published", published)
    return data


def test_each_files_row_is_read_by_its_name() -> None:
    data = rows(
        ("a.html", " The  Daily\u200b Planet ", "https://planet.example/a", "2023-01-20"),
        ("b.txt", "", "", "2023-01-21T14:30:00Z"),
    )
    found, problems = files_details(data, ["a.html", "b.txt"])
    assert problems == []
    assert found["a.html"] == FileDetails(
        "The Daily Planet", "https://planet.example/a", datetime(2023, 1, 20, tzinfo=UTC)
    )
    assert found["a.html"].edited == ("outlet", "url", "published")
    assert found["b.txt"] == FileDetails("", "", datetime(2023, 1, 21, 14, 30, tzinfo=UTC))
    assert found["b.txt"].edited == ("published",)


def test_bad_values_are_left_out_with_a_message_naming_the_file() -> None:
    data = rows(
        ("a.html", "Planet", "javascript:alert(1)", "20/01/2023"),
        ("b.html", "Star", "ftp://star.example/b", "2023-02-30"),
        ("c.html", "Moon", "https://moon.example/c", "2023-01-20"),
    )
    found, problems = files_details(data, ["a.html", "b.html", "c.html"])
    assert found["a.html"] == FileDetails("Planet", "", None)
    assert found["b.html"] == FileDetails("Star", "", None)
    assert found["c.html"].url == "https://moon.example/c"
    assert len(problems) == 4
    assert all(problem.startswith(("a.html: ", "b.html: ")) for problem in problems)
    assert any("“20/01/2023” is not a date" in problem for problem in problems)
    assert any(
        "“ftp://star.example/b” is not an http:// or https://" in problem for problem in problems
    )
    assert all("stored without it" in problem for problem in problems)


def test_rows_of_files_not_uploaded_and_missing_rows_are_ignored() -> None:
    data = rows(("gone.html", "X", "", ""), ("a.html", "A", "", ""))
    found, problems = files_details(data, ["a.html", "b.html"])
    assert found == {"a.html": FileDetails("A")} and problems == []
    assert files_details({}, ["a.html"]) == ({}, [])


def test_an_outlet_too_long_is_cut_short_and_said() -> None:
    found, problems = files_details(rows(("a.txt", "x" * 300, "", "")), ["a.txt"])
    assert found["a.txt"].outlet == "x" * 200
    assert problems == ["a.txt: the outlet's name is longer than 200 characters: it was cut short"]
