"""Names and titles stored before invisible characters were removed from them (issue 15).

Outlet names, story, article and version titles are cleaned with `names.visible`, the function
the inputs use. An outlet whose name becomes another outlet's ("Reu\\u200bters" and "Reuters")
is merged into it: its articles move to the surviving outlet (the one already named so, else the
oldest), its cleaning rules too where the survivor has no rule for that line, and it is deleted.
The articles of a renamed or merged outlet whose source is their outlet and URL (or their outlet
alone) get their source key from the new name (an article
whose new key would make it the same source with the same text as another article of its story
keeps its key: both stay). A name that would be empty, and a story title another story already
has, are left as they are. Nothing is undone on the way back.
"""

from django.db import migrations

from newsdiff.articles.identity import source_key
from newsdiff.articles.names import visible


def clean_outlets(apps, schema_editor):  # type: ignore[no-untyped-def]
    Outlet = apps.get_model("articles", "Outlet")
    changed = []
    for outlet in Outlet.objects.order_by("pk"):
        name = visible(outlet.name, 200)
        if not name or name == outlet.name:
            continue
        survivor = Outlet.objects.filter(name=name).exclude(pk=outlet.pk).first()
        if survivor is None:
            outlet.name = name
            outlet.save(update_fields=["name"])
            changed.append(outlet.pk)
        else:
            _merge(apps, outlet, survivor)
            changed.append(survivor.pk)
    _rekey_articles(apps, changed)


def _merge(apps, outlet, survivor):  # type: ignore[no-untyped-def]
    Article = apps.get_model("articles", "Article")
    OutletRule = apps.get_model("articles", "OutletRule")
    Article.objects.filter(outlet_id=outlet.pk).update(outlet_id=survivor.pk)
    taken = set(OutletRule.objects.filter(outlet_id=survivor.pk).values_list("line", flat=True))
    OutletRule.objects.filter(outlet_id=outlet.pk).exclude(line__in=taken).update(
        outlet_id=survivor.pk
    )
    outlet.delete()  # with the rules the survivor already had for the same lines


def _rekey_articles(apps, outlet_ids):  # type: ignore[no-untyped-def]
    Article = apps.get_model("articles", "Article")
    articles = Article.objects.filter(outlet_id__in=outlet_ids).select_related("outlet")
    for article in articles.order_by("pk").iterator(chunk_size=200):
        if not article.url.strip() and (article.external_id.strip() or article.source_file.strip()):
            continue  # its key is its id or file, not its outlet
        key = source_key(
            outlet=article.outlet.name,
            url=article.url,
            external_id=article.external_id,
            source_file=article.source_file,
        )
        if key == article.source_key:
            continue
        same = Article.objects.filter(
            story_id=article.story_id, source_key=key, content_hash=article.content_hash
        )
        if not same.exists():
            article.source_key = key
            article.save(update_fields=["source_key"])


def clean_titles(apps, schema_editor):  # type: ignore[no-untyped-def]
    for model, limit in (("Article", 500), ("ArticleVersion", 500)):
        rows = apps.get_model("articles", model).objects.only("pk", "title")
        for row in rows.order_by("pk").iterator(chunk_size=200):
            title = visible(row.title, limit)
            if title != row.title:
                row.title = title
                row.save(update_fields=["title"])
    Story = apps.get_model("articles", "Story")
    for story in Story.objects.only("pk", "title").order_by("pk"):
        title = visible(story.title, 300)
        if title and title != story.title and not Story.objects.filter(title=title).exists():
            story.title = title
            story.save(update_fields=["title"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_ingestjob_redo"),
    ]

    operations = [
        migrations.RunPython(clean_outlets, migrations.RunPython.noop),
        migrations.RunPython(clean_titles, migrations.RunPython.noop),
    ]
