"""Give installs made before it the shared media collection that 0003 now
creates, so trainers can upload and choose images and documents."""

import importlib

from django.db import migrations

roles_migration = importlib.import_module("accounts.migrations.0003_roles")


def grant_media_collection(apps, schema_editor):
    roles_migration.grant_media_collection(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_scoped_log_entry"),
        ("wagtailcore", "0066_collection_management_permissions"),
    ]

    operations = [migrations.RunPython(grant_media_collection, migrations.RunPython.noop)]
