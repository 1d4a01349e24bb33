"""Load the seed articles (seeds/manifest.json) as the demo story; again, it changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from newsdiff.articles.ingest import article_ingest, ingest_then_align, story_get_or_create
from newsdiff.articles.inputs import ArticleInput, decode_bytes
from newsdiff.articles.models import Story


class Command(BaseCommand):
    help = "Load the seed articles listed in seeds/manifest.json as the demo story."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds", type=Path, default=settings.BASE_DIR / "seeds")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["seeds"]
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        story = story_get_or_create(title=manifest["story"])
        created = 0

        def ingest_one(entry: dict[str, str]) -> Story | None:
            nonlocal created
            path = folder / entry["file"]
            item = ArticleInput(
                raw=decode_bytes(path.read_bytes()),
                fmt="text",
                source_file=f"seeds/{path.name}",
                outlet=entry.get("outlet", ""),
            )
            new = article_ingest(item=item, story=story).created
            created += new
            return story if new or not story.groups.exists() else None

        for _, outcome in ingest_then_align(manifest["articles"], ingest_one):
            self.stdout.write(f"Aligned: {outcome.claims} claims, {outcome.groups} groups.")
        self.stdout.write(
            self.style.SUCCESS(f"Demo story {story.title!r}: {created} new article(s).")
        )
