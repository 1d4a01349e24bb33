"""The story overview: coverage matrix, what only one outlet has, figures and quotes tables;
and the coverage matrix as a table, on a page of its own."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from newsdiff.articles.models import Story
from newsdiff.compare.overview import matrix_svg, tables_html
from newsdiff.compare.overview.build import build_overview
from newsdiff.compare.overview.coverage import HAS, LACKS, PARAPHRASES, build_coverage
from newsdiff.compare.story_claims import load_story_claims


@require_GET
def story_overview(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    overview = build_overview(load_story_claims(story), story.get_absolute_url())
    shared = len(overview.coverage.rows)
    context = {
        "story": story,
        "overview": overview,
        "matrix": matrix_svg.coverage_matrix(overview.coverage, title=story.title),
        "outlet_bars": [
            (outlet, matrix_svg.outlet_bar(outlet, shared)) for outlet in overview.outlets
        ],
        "glyphs": {state: matrix_svg.legend_glyph(state) for state in (HAS, PARAPHRASES, LACKS)},
        "tables": {
            "shared_figures": tables_html.figure_rows(overview.shared_figures),
            "single_figures": tables_html.figure_rows(overview.single_figures),
            "shared_quotes": [
                (section, tables_html.quote_rows(section.rows))
                for section in overview.shared_quotes
            ],
            "single_quotes": tables_html.single_quote_rows(overview.single_quotes),
        },
    }
    return render(request, "compare/story_overview.html", context)


@require_GET
def story_overview_table(request: HttpRequest, slug: str) -> HttpResponse:
    """The coverage matrix as a table: full outlet names, each outlet's wording."""
    story = get_object_or_404(Story, slug=slug)
    coverage = build_coverage(load_story_claims(story), story.get_absolute_url())
    context = {"story": story, "coverage": coverage}
    return render(request, "compare/story_overview_table.html", context)
