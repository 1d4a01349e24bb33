"""Write stories with their articles, claims, matches and groups as JSON (docs/export.md)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from newsdiff.articles.export import export_stories
from newsdiff.articles.management.story_option import add_story_option, selected_stories


class Command(BaseCommand):
    help = "Export stories as JSON to stdout or a file; all stories unless --story names some."

    def add_arguments(self, parser: CommandParser) -> None:
        add_story_option(parser)
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        stories = selected_stories(options)
        payload = json.dumps(export_stories(stories), ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                out.write(payload + "\n")
            self.stderr.write(self.style.SUCCESS(f"Wrote {options['output']}."))
        else:
            self.stdout.write(payload)
