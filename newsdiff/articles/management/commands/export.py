"""Write stories with their articles, claims, matches and groups as JSON (format: SPEC.md)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.articles.export import export_stories
from newsdiff.articles.models import Story


class Command(BaseCommand):
    help = "Export stories as JSON to stdout or a file; all stories unless --story names some."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--story", action="append", default=[], metavar="SLUG")
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        stories = Story.objects.all()
        if options["story"]:
            slugs = set(options["story"])
            stories = stories.filter(slug__in=slugs)
            missing = slugs - set(stories.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"no story with slug {', '.join(sorted(missing))}")
        payload = json.dumps(export_stories(stories), ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                out.write(payload + "\n")
            self.stderr.write(self.style.SUCCESS(f"Wrote {options['output']}."))
        else:
            self.stdout.write(payload)
