"""Fetch every URL article again and store a new version of each whose text changed.

Prints one line per article (new version with what changed, unchanged, a boring change, or why
it could not be checked); the exit status is non-zero when any article could not be checked.
Meant for cron (see the README).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.articles.models import Story
from newsdiff.articles.refresh import RefreshResult, stories_check_for_changes


class Command(BaseCommand):
    help = "Check URL articles for changes: fetch each again and keep a new version if it changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--story", action="append", metavar="SLUG", help="a story to check (repeatable)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stories = _stories(options["story"]) if options["story"] else None
        tally = {"changed": 0, "same": 0, "failed": 0}
        for result in stories_check_for_changes(stories):
            tally[self._report(result)] += 1
        summary = (
            f"{tally['changed']} changed, {tally['same']} unchanged, "
            f"{tally['failed']} could not be checked."
        )
        if tally["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _report(self, result: RefreshResult) -> str:
        article = result.article
        where = f"{article.story.slug}: {article.label} <{article.url}>"
        if result.outcome is None:
            self.stderr.write(self.style.ERROR(f"{where}: {result.problem}"))
            return "failed"
        if not result.changed:
            self.stdout.write(f"{where}: {result.outcome.message}")
            return "same"
        self.stdout.write(self.style.WARNING(f"{where}: {result.outcome.message}"))
        return "changed"


def _stories(slugs: list[str]) -> list[Story]:
    found = {story.slug: story for story in Story.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise CommandError(f"no story with the slug {', '.join(map(repr, missing))}")
    return [found[slug] for slug in slugs]
