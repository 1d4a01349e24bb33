"""Jobs that clean an article again after an editor's correction (`IngestJob.redo`)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0009_article_edited_fields_job_published'),
    ]

    operations = [
        migrations.AddField(
            model_name='ingestjob',
            name='redo',
            field=models.BooleanField(default=False, help_text="The worker cleans `article` again with its corrections and headline line (an editor's correction); nothing is uploaded or fetched."),
        ),
    ]
