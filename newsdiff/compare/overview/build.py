"""The story overview page's data: which outlet carries which shared statement and in whose
words (`coverage`), what only one outlet has, and every figure (`figures_table`) and quote
(`quotes_table`) side by side.

Built from the story's claims loaded once (`story_claims.load_story_claims`); nothing here
queries the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.compare.overview.coverage import (
    Coverage,
    OutletSummary,
    build_coverage,
    build_outlets,
)
from newsdiff.compare.overview.figures_table import FigureRow, build_figures
from newsdiff.compare.overview.quotes_table import (
    QuoteRow,
    QuoteSection,
    build_quotes,
    quote_sections,
)
from newsdiff.compare.story_claims import StoryClaims


@dataclass(frozen=True, slots=True)
class Overview:
    coverage: Coverage
    outlets: tuple[OutletSummary, ...]
    figures: tuple[FigureRow, ...]
    quotes: tuple[QuoteRow, ...]

    @property
    def shared_figures(self) -> tuple[FigureRow, ...]:
        return tuple(row for row in self.figures if row.outlet_count > 1)

    @property
    def single_figures(self) -> tuple[FigureRow, ...]:
        return tuple(row for row in self.figures if row.outlet_count == 1)

    @property
    def shared_quotes(self) -> tuple[QuoteSection, ...]:
        return quote_sections(row for row in self.quotes if row.outlet_count > 1)

    @property
    def quoted_by_several(self) -> int:
        return sum(row.outlet_count > 1 for row in self.quotes)

    @property
    def single_quotes(self) -> tuple[QuoteRow, ...]:
        return tuple(row for row in self.quotes if row.outlet_count == 1)

    @property
    def only_here_count(self) -> int:
        return sum(len(outlet.only_here) for outlet in self.outlets)


def build_overview(story: StoryClaims, story_url: str) -> Overview:
    coverage = build_coverage(story, story_url)
    return Overview(
        coverage=coverage,
        outlets=build_outlets(story, coverage),
        figures=build_figures(story),
        quotes=build_quotes(story),
    )
