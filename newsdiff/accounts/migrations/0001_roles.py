"""Create the Editors and Readers groups with their permissions on the articles app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from newsdiff.accounts.roles import ARTICLES_APP, ensure_roles

    # Permissions are normally created after all migrations; the groups need them now.
    for label in ("auth", "contenttypes", ARTICLES_APP):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None
    ensure_roles(apps=apps, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from newsdiff.accounts.roles import ROLE_ACTIONS

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_ACTIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_ingestjob"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
