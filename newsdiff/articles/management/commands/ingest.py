"""Load articles from .txt/.html/.jsonl files, folders or http(s) URLs into a story, clean them
and align them.

Every bad file, line or URL is reported with where it is and why (an unexpected error in one
file too); the rest still loads, and the exit status is non-zero when anything failed. Ingesting
the same article (same source, same text) twice changes nothing; the same source with changed
text is a new version; the same text from another source is stored as another article and
reported as "same text as ...".
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.articles.alignment import story_needs_alignment
from newsdiff.articles.ingest import (
    ArticleRejected,
    IngestOutcome,
    article_ingest,
    ingest_then_align,
)
from newsdiff.articles.inputs import ArticleInput, InputProblem, read_path, walk_named
from newsdiff.articles.models import Story
from newsdiff.articles.web_inputs import is_web_address, read_url, url_story_title


class Command(BaseCommand):
    help = (
        "Ingest articles from files or folders (.txt, .text, .html, .htm, .jsonl) or http(s) "
        "URLs into a story."
    )
    # Django's system checks (0.16 s, a tenth of a seed story's ingest) run with `migrate`,
    # which a database needs before anything can be ingested, and with the server.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", help="files or folders to load, or http(s) URLs to fetch"
        )
        parser.add_argument("--story", help="title of the story to load into (created if new)")
        parser.add_argument("--outlet", help="outlet name for every article loaded")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        default_story = options["story"] or _story_title_for(options["paths"])
        self.interactive = sys.stdout.isatty() and options.get("verbosity", 1) >= 1
        tally = {"new": 0, "version": 0, "same": 0, "failed": 0}
        items = [item for source in options["paths"] for item in _read(source)]

        def ingest_one(numbered: tuple[int, ArticleInput | InputProblem]) -> Story | None:
            n, item = numbered
            status, story, note = self._ingest_one(item, options, default_story)
            tally[status] += 1
            self._progress(n, len(items), item, status, note)
            return story

        aligned = ingest_then_align(enumerate(items, start=1), ingest_one)
        for story, outcome in aligned:
            self.stdout.write(
                f"Aligned {story.title!r}: {outcome.claims} claims, {outcome.matches} matches, "
                f"{outcome.groups} groups."
            )
        elapsed = time.perf_counter() - started
        versions = f", {tally['version']} new version(s)" if tally["version"] else ""
        summary = (
            f"{tally['new']} new, {tally['same']} already stored, {tally['failed']} failed"
            f"{versions} in {elapsed:.1f} s."
        )
        if tally["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _ingest_one(
        self,
        item: ArticleInput | InputProblem,
        options: dict[str, Any],
        default_story: str,
    ) -> tuple[str, Story | None, str]:
        """Store one input; how it went (new, version, same, failed), the story to align, if
        any, and what to say about it."""
        if isinstance(item, InputProblem):
            self.stderr.write(self.style.ERROR(f"{item.where}: {item.reason}"))
            return "failed", None, ""
        if options["outlet"]:
            item = _with_outlet(item, options["outlet"])
        title = options["story"] or item.story or default_story
        try:
            outcome = article_ingest(item=item, story_title=title)
        except ArticleRejected as error:
            self.stderr.write(self.style.ERROR(f"{_where(item)}: {error}"))
            return "failed", None, ""
        except (
            Exception
        ) as error:  # a bug must not stop the other files; its transaction rolled back
            self.stderr.write(
                self.style.ERROR(
                    f"{_where(item)}: not loaded, unexpected error "
                    f"({type(error).__name__}: {error}); nothing of it was stored"
                )
            )
            return "failed", None, ""
        story = outcome.article.story
        needs_alignment = outcome.changed or story_needs_alignment(story)  # e.g. a killed run
        status = "new" if outcome.created else "version" if outcome.changed else "same"
        return status, story if needs_alignment else None, _said(outcome)

    def _progress(
        self, n: int, total: int, item: ArticleInput | InputProblem, status: str, note: str = ""
    ) -> None:
        if status == "failed":
            return
        line = f"[{n}/{total}] {_where(item)}: {note}"
        if self.interactive:
            self.stdout.write(f"\r\033[K{line}", ending="\n" if n == total else "")
            self.stdout.flush()
        else:
            self.stdout.write(line)


def _said(outcome: IngestOutcome) -> str:
    """ "loaded" (with the articles it copies), what a known source's new text changed, or
    "unchanged (already stored)"."""
    if outcome.version is not None:  # a known source seen again
        return outcome.version.message
    if not outcome.created:
        return "unchanged (already stored)"
    copies = f" (same text as {', '.join(outcome.same_text_as)})" if outcome.same_text_as else ""
    return "loaded" + copies


def _read(source: str) -> list[ArticleInput | InputProblem]:
    """The inputs of one command-line path: a fetched URL, or a file's or folder's articles."""
    if is_web_address(source):
        return [read_url(source)]
    return [item for found in walk_named([Path(source)]) for item in _expand(found)]


def _where(item: ArticleInput | InputProblem) -> str:
    return item.where or (item.url if isinstance(item, ArticleInput) else "")


def _expand(found: tuple[Path, str] | InputProblem) -> list[ArticleInput | InputProblem]:
    if isinstance(found, InputProblem):
        return [found]
    path, name = found
    return list(read_path(path, max_bytes=settings.NEWSDIFF_MAX_INGEST_BYTES, name=name))


def _with_outlet(item: ArticleInput, outlet: str) -> ArticleInput:
    return replace(item, outlet=outlet)


def _story_title_for(paths: list[str]) -> str:
    if is_web_address(paths[0]):
        return url_story_title(paths[0])
    first = Path(paths[0]).resolve()
    name = first.name if first.is_dir() else first.stem
    return name.replace("_", " ").replace("-", " ").strip() or "Imported articles"
