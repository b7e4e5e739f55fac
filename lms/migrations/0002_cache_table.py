"""Create the database cache table as part of `migrate`, so that no install
path (make run, Docker, a hand deployment) can forget it. Idempotent; does
nothing when CACHE_URL names another backend."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("lms", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
