"""Clean every article again and find its claims with the current pipeline, then realign.

For stories stored by an older newsdiff (cleaning, claims or matching have changed since):
each article is cleaned from its raw input with its outlet's rules and the editors'
corrections, its claims are found anew, and each story is aligned once. An article that can
no longer be processed is reported and kept as it was; the exit status is then non-zero.
With --dry-run nothing is stored: each article whose text or claims would change is printed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.articles.ingest import ArticleRejected, article_refresh, ingest_then_align
from newsdiff.articles.management.story_option import add_story_option, selected_stories
from newsdiff.articles.models import Article, Claim, Story
from newsdiff.textcore.pipeline import ProcessedArticle

WOULD_CHANGE = "{slug}: {article}: would change: text {text}, {before} claims now, {after} after"
DRY_RUN_SUMMARY = (
    "{slug}: {before} claims now, {after} after reprocessing (dry run: nothing stored)"
)


class Command(BaseCommand):
    help = "Reprocess the articles of all stories (or of --story SLUG) and realign them."

    def add_arguments(self, parser: CommandParser) -> None:
        add_story_option(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would change; store nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.failed = 0
        for story in selected_stories(options):
            if options["dry_run"]:
                self._dry_run(story)
            else:
                self._reprocess(story)
        if self.failed:
            raise CommandError(f"{self.failed} article(s) could not be reprocessed and were kept.")

    def _reprocess(self, story: Story) -> None:
        before = Claim.objects.filter(article__story=story).count()

        def refresh_one(article: Article) -> Story:
            self._refresh(article, store=True)
            return story  # aligned once after all its articles, even if some were kept

        for _, outcome in ingest_then_align(story.articles.order_by("position"), refresh_one):
            self.stdout.write(
                f"{story.slug}: {before} claims before, {outcome.claims} now; "
                f"{outcome.matches} matches, {outcome.groups} groups."
            )

    def _dry_run(self, story: Story) -> None:
        before = after = 0
        for article in story.articles.order_by("position"):
            claims = list(article.claims.order_by("position").values_list("text", flat=True))
            processed = self._refresh(article, store=False)
            new_claims = [claim.text for claim in processed.claims] if processed else claims
            before, after = before + len(claims), after + len(new_claims)
            text_changed = processed is not None and processed.cleaned.text != article.text
            if text_changed or new_claims != claims:
                self.stdout.write(
                    WOULD_CHANGE.format(
                        slug=story.slug,
                        article=article,
                        text="changed" if text_changed else "unchanged",
                        before=len(claims),
                        after=len(new_claims),
                    )
                )
        self.stdout.write(DRY_RUN_SUMMARY.format(slug=story.slug, before=before, after=after))

    def _refresh(self, article: Article, *, store: bool) -> ProcessedArticle | None:
        try:
            return article_refresh(article=article, store=store)
        except ArticleRejected as error:
            self.failed += 1
            self.stderr.write(
                self.style.ERROR(f"{article.story.slug}: {article}: kept as it was: {error}")
            )
            return None
