"""The `--story SLUG` option that the export and reprocess commands share."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db.models import QuerySet

from newsdiff.articles.models import Story


def add_story_option(parser: CommandParser) -> None:
    parser.add_argument("--story", action="append", default=[], metavar="SLUG")


def selected_stories(options: dict[str, Any]) -> QuerySet[Story]:
    """All stories, or those the --story options name; CommandError for an unknown slug."""
    stories = Story.objects.order_by("pk")
    if not options["story"]:
        return stories
    slugs = set(options["story"])
    stories = stories.filter(slug__in=slugs)
    missing = slugs - set(stories.values_list("slug", flat=True))
    if missing:
        raise CommandError(f"no story with slug {', '.join(sorted(missing))}")
    return stories
