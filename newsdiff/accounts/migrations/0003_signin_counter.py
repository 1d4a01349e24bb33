from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_cache_table")]

    operations = [
        migrations.CreateModel(
            name="SignInCounter",
            fields=[
                ("key", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("failures", models.PositiveIntegerField(default=0)),
                ("window_ends", models.FloatField(db_index=True)),
            ],
        ),
    ]
