"""Article versions (every text an article's source had, the latest also on the article) and
jobs that fetch a URL. Each stored article gets its version 1, seen when it was stored."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def first_versions(apps, schema_editor):  # type: ignore[no-untyped-def]
    Article = apps.get_model("articles", "Article")
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    fields = ["id", "created_at", "raw", "raw_format", "title", "text", "content_hash"]
    batch = []
    for article in Article.objects.only(*fields).iterator(chunk_size=200):
        batch.append(
            ArticleVersion(
                article_id=article.id,
                number=1,
                seen=article.created_at,
                raw=article.raw,
                raw_format=article.raw_format,
                title=article.title,
                text=article.text,
                content_hash=article.content_hash,
            )
        )
        if len(batch) >= 200:
            ArticleVersion.objects.bulk_create(batch)
            batch = []
    ArticleVersion.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_article_source_identity_story_title_unique"),
    ]

    operations = [
        migrations.AddField(
            model_name="ingestjob",
            name="fetch",
            field=models.BooleanField(
                default=False,
                help_text="The page is fetched from `url` by the worker (with `article` set: a check of that article for changes).",
            ),
        ),
        migrations.AlterField(
            model_name="ingestjob",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "waiting for a worker"),
                    ("fetching", "fetching the page"),
                    ("processing", "cleaning and finding claims"),
                    ("aligning", "aligning with the other articles"),
                    ("done", "done"),
                    ("failed", "failed"),
                ],
                default="queued",
                max_length=12,
            ),
        ),
        migrations.CreateModel(
            name="ArticleVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveIntegerField()),
                ("seen", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "raw",
                    models.TextField(help_text="The input exactly as received (decoded to text)."),
                ),
                (
                    "raw_format",
                    models.CharField(
                        choices=[("text", "plain text"), ("html", "HTML page")],
                        default="text",
                        max_length=10,
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=500)),
                ("text", models.TextField(help_text="The cleaned body of this version.")),
                ("content_hash", models.CharField(max_length=64)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "ordering": ["article", "number"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "number"), name="version_unique_number"
                    )
                ],
            },
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
