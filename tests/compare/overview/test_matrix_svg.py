"""The coverage matrix and outlet bars: well-formed, labelled, accessible SVG with escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from newsdiff.articles.models import Article, Claim
from newsdiff.compare.overview.coverage import (
    HAS,
    LACKS,
    PARAPHRASES,
    Coverage,
    CoverageCell,
    CoverageRow,
    OutletSummary,
)
from newsdiff.compare.overview.matrix_svg import (
    CELL_WIDTH,
    COLOURS,
    ROW_HEIGHT,
    coverage_matrix,
    legend_glyph,
    outlet_bar,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(\"x\")</script> & “curly” 'single'"
LONG = "Wagner is searching around the world for arms suppliers to support its military operations"


def coverage(labels: tuple[str, ...] = ("19FortyFive", "Outlet B", "Outlet C")) -> Coverage:
    rows = (
        CoverageRow(
            1,
            0,
            LONG,
            "/stories/s/#group-1",
            (CoverageCell(HAS, like=("Outlet B",)),) * 2 + (CoverageCell(PARAPHRASES),),
        ),
        CoverageRow(
            2,
            1,
            "Short.",
            "/stories/s/#group-2",
            (CoverageCell(LACKS),) + (CoverageCell(PARAPHRASES),) * 2,
        ),
    )
    return Coverage(labels, rows)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def child_text(parent: ET.Element, tag: str) -> str:
    """The text of the first `tag` child of `parent`; the test fails if it has none."""
    child = parent.find(f"{SVG}{tag}")
    assert child is not None, f"no <{tag}> in {ET.tostring(parent)[:200]!r}"
    assert child.text is not None, f"<{tag}> is empty"
    return child.text


def cells(root: ET.Element, state: str) -> list[ET.Element]:
    """The cells in that state: a `<use>` of its shape each, or for those lacking the
    statement, one element per cell a pattern-filled run covers."""
    if state == LACKS:
        return [run for run in lacking_runs(root) for _ in range(run_width(run))]
    return [el for el in root.iter(f"{SVG}use") if el.get("href") == f"#matrix-{state}"]


def lacking_runs(root: ET.Element) -> list[ET.Element]:
    return [el for el in root.iter(f"{SVG}rect") if el.get("class") == "matrix-lacks"]


def run_width(run: ET.Element) -> int:
    width = float(run.get("width") or 0)
    assert width % CELL_WIDTH == 0
    return int(width // CELL_WIDTH)


def test_matrix_is_well_formed_and_accessible() -> None:
    root = parse(coverage_matrix(coverage(), title="The story"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group"  # it holds links: not an image (axe: nested-interactive)
    assert "2 shared statements (rows) by 3 outlets (columns)" in root.get("aria-label", "")
    assert child_text(root, "title") == "Coverage of the shared statements: The story"
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert root.get("aria-describedby") == desc.get("id")
    assert "Outlet B carries 2 of 2: 1 word for word or nearly, 1 in its own words." in desc.text


def test_every_cell_has_a_state_and_a_shape_and_those_with_a_claim_a_tooltip() -> None:
    root = parse(coverage_matrix(coverage()))
    assert (len(cells(root, HAS)), len(cells(root, PARAPHRASES)), len(cells(root, LACKS))) == (
        2,
        3,
        1,
    )
    has, paraphrase, lacks = cells(root, HAS)[0], cells(root, PARAPHRASES)[0], cells(root, LACKS)[0]
    assert child_text(has, "title") == "19FortyFive: word for word or nearly, as Outlet B"
    symbols = {s.get("id"): s for s in root.iter(f"{SVG}symbol")}
    shapes = {state: symbols[_used(cells(root, state)[0])] for state in (HAS, PARAPHRASES)}
    tile = root.find(f".//{SVG}pattern[@id='matrix-lacking']")
    assert tile is not None and lacks.get("fill") == "url(#matrix-lacking)"
    shapes[LACKS] = symbols[_used(tile.find(f"{SVG}use"))]
    assert [r.get("fill") for r in shapes[HAS].findall(f"{SVG}rect")][-1] == COLOURS[HAS]
    assert shapes[PARAPHRASES].find(f"{SVG}path") is not None  # the half-filled square
    assert shapes[LACKS].findall(f"{SVG}rect")[-1].get("stroke-dasharray")  # dashed outline
    assert child_text(paraphrase, "title").startswith("Outlet C: in its own words")
    assert lacks.find(f"{SVG}title") is None  # the dashed outline needs no tooltip


def _used(cell: ET.Element | None) -> str:
    assert cell is not None
    return (cell.get("href") or "").removeprefix("#")


def test_lacking_cells_are_pattern_filled_runs_over_their_columns() -> None:
    pattern = (LACKS, HAS, LACKS, LACKS, PARAPHRASES, LACKS, LACKS, LACKS)
    labels = tuple(f"Outlet {n}" for n in range(len(pattern)))
    rows = (CoverageRow(1, 0, "A.", "/#group-1", tuple(CoverageCell(s) for s in pattern)),)
    root = parse(coverage_matrix(Coverage(labels, rows)))
    has = cells(root, HAS)[0]  # the second column
    left = float(has.get("x") or 0) - CELL_WIDTH - ((CELL_WIDTH - 16) // 2 - 1)
    spans = [
        (round((float(run.get("x") or 0) - left) / CELL_WIDTH), run_width(run))
        for run in lacking_runs(root)
    ]
    assert spans == [(0, 1), (2, 2), (5, 3)]
    tile = root.find(f".//{SVG}pattern[@id='matrix-lacking']")
    assert tile is not None
    assert (tile.get("width"), tile.get("height")) == (str(CELL_WIDTH), str(ROW_HEIGHT))


def test_rows_link_to_the_story_and_long_statements_are_cut_with_the_full_text_in_a_tooltip() -> (
    None
):
    root = parse(coverage_matrix(coverage()))
    links = list(root.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["/stories/s/#group-1", "/stories/s/#group-2"]
    first = links[0]
    assert child_text(first, "title") == LONG
    shown = child_text(first, "text")
    assert shown.endswith("…") or shown == LONG
    assert child_text(links[1], "text") == "Short."
    counts = [t.text for t in root.iter(f"{SVG}text") if (t.text or "").endswith("of 3")]
    assert counts == ["3 of 3", "2 of 3"]


def test_column_labels_lean_and_long_ones_are_cut_with_the_full_label_as_tooltip() -> None:
    name = "usatoday30.usatoday.com (April 9 update)"
    root = parse(coverage_matrix(coverage((name, "B", "C"))))
    head = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "matrix-outlet")
    assert child_text(head, "title") == name
    shown = "".join(head.itertext()).removeprefix(name)
    assert shown.endswith("…") and len(shown) <= 24
    assert (head.get("transform") or "").startswith("rotate(-50 ")


@pytest.mark.parametrize("outlets", [10, 30])
def test_every_column_fits_inside_the_drawing(outlets: int) -> None:
    labels = tuple(f"outlet-number-{n}.example.com" for n in range(outlets))
    rows = (CoverageRow(1, 0, "A.", "/#group-1", (CoverageCell(HAS),) * outlets),)
    root = parse(coverage_matrix(Coverage(labels, rows)))
    width = float(root.get("width") or 0)
    heads = [t for t in root.iter(f"{SVG}text") if t.get("class") == "matrix-outlet"]
    assert len(heads) == outlets
    last = float(heads[-1].get("x") or 0)
    lean = 24 * 7 * 0.643  # the longest label drawn, leaning at 50 degrees
    assert last + lean <= width
    assert width <= (430 if outlets <= 20 else 330) + outlets * 30 + 130


def test_untrusted_text_is_escaped() -> None:
    hostile = Coverage(
        (HOSTILE, "B"),
        (
            CoverageRow(
                3,
                0,
                HOSTILE,
                '/stories/s/#group-3" onclick="alert(1)',
                (CoverageCell(HAS, like=(HOSTILE,)), CoverageCell(LACKS)),
            ),
        ),
    )
    svg = coverage_matrix(hostile, title=HOSTILE)
    root = parse(svg)  # still well-formed
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg
    assert child_text(root, "title").endswith(HOSTILE)
    link = next(root.iter(f"{SVG}a"))
    assert link.get("onclick") is None
    assert link.get("href") == '/stories/s/#group-3" onclick="alert(1)'


def test_no_inline_style_for_the_csp() -> None:
    assert "style=" not in coverage_matrix(coverage())


@pytest.mark.parametrize("state", [HAS, PARAPHRASES, LACKS])
def test_legend_glyphs_are_decorative_svg(state: str) -> None:
    root = parse(legend_glyph(state))
    assert root.get("aria-hidden") == "true"
    assert root.get("focusable") == "false"


def test_outlet_bar_is_proportional() -> None:
    outlet = OutletSummary(article=Article(), claims=10, has=3, paraphrases=6, only_here=())
    root = parse(outlet_bar(outlet, 12, width=120))
    widths = [float(r.attrib["width"]) for r in root.findall(f"{SVG}rect")]
    assert widths[1:3] == [30, 60]  # 3 and 6 of 12, word for word then paraphrased
    assert root.get("aria-hidden") == "true"


def test_a_word_for_word_cell_leaves_the_wording_to_its_row_and_a_paraphrase_quotes_its_own() -> (
    None
):
    said = (Claim(text="The council approved the budget on Monday."),)
    own = (Claim(text="Councillors passed the spending plan."),)
    row = CoverageRow(
        1,
        0,
        "The council approved the budget on Monday.",
        "/stories/s/#group-1",
        (
            CoverageCell(HAS, said, like=("Outlet B",)),
            CoverageCell(HAS, said),
            CoverageCell(PARAPHRASES, own),
        ),
    )
    root = parse(coverage_matrix(Coverage(("A", "Outlet B", "C"), (row,))))
    has, paraphrase = cells(root, HAS)[0], cells(root, PARAPHRASES)[0]
    assert child_text(has, "title") == "A: word for word or nearly, as Outlet B"
    assert child_text(paraphrase, "title") == (
        "C: in its own words. “Councillors passed the spending plan.”"
    )
