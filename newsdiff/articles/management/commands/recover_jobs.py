"""Queue again the uploads a stopped worker left unfinished (run before starting workers)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from newsdiff.articles.jobs import jobs_recover, stories_align_pending


class Command(BaseCommand):
    help = "Re-queue unfinished upload jobs, or mark them failed after too many attempts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=float,
            default=0.0,
            metavar="SECONDS",
            help="only jobs untouched for this long (use when other workers are still running)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        requeued, failed = jobs_recover(older_than=timedelta(seconds=options["older_than"]))
        self.stdout.write(f"Re-queued {requeued} unfinished job(s); marked {failed} failed.")
        aligned = stories_align_pending()
        if aligned:
            self.stdout.write(f"Aligned {aligned} story(ies) a stopped run left unaligned.")
