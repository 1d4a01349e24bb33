"""Clean every article again and find its claims with the current pipeline, then realign.

For stories stored by an older newsdiff (cleaning, claims or matching have changed since):
each article is cleaned from its raw input with its outlet's rules and the editors'
corrections, its claims are found anew, and each story is aligned once. An article that can
no longer be processed is reported and kept as it was; the exit status is then non-zero.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.articles import services
from newsdiff.articles.management.story_option import add_story_option, selected_stories
from newsdiff.articles.models import Article, Claim


class Command(BaseCommand):
    help = "Reprocess the articles of all stories (or of --story SLUG) and realign them."

    def add_arguments(self, parser: CommandParser) -> None:
        add_story_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        stories = selected_stories(options)
        failed = 0
        for story in stories:
            before = Claim.objects.filter(article__story=story).count()
            for article in story.articles.filter(status=Article.Status.READY).order_by("position"):
                try:
                    services.article_refresh(article=article)
                except services.ArticleRejected as error:
                    failed += 1
                    self.stderr.write(
                        self.style.ERROR(f"{story.slug}: {article}: kept as it was: {error}")
                    )
            outcome = services.story_align(story=story)
            self.stdout.write(
                f"{story.slug}: {before} claims before, {outcome.claims} now; "
                f"{outcome.matches} matches, {outcome.groups} groups."
            )
        if failed:
            raise CommandError(f"{failed} article(s) could not be reprocessed and were kept.")
