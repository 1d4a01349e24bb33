"""Which fields an editor set on an article (a new version keeps them), and an upload job's
date and editor-given fields (the upload form's per-file outlet, URL and date)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_rowcorrection'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='edited_fields',
            field=models.JSONField(blank=True, default=list, help_text='Which of title, outlet, published and url an editor set (in the upload form or with Edit details): a new version of the source leaves them as the editor set them.'),
        ),
        migrations.AddField(
            model_name='ingestjob',
            name='edited_fields',
            field=models.JSONField(blank=True, default=list, help_text='Which of the values above the editor gave.'),
        ),
        migrations.AddField(
            model_name='ingestjob',
            name='published',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
