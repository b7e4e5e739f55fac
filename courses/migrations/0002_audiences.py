"""The three audiences courses are written for."""

from django.db import migrations

AUDIENCES = [("officials", "urzędnicy"), ("teachers", "nauczyciele"), ("it_staff", "informatycy")]


def create(apps, schema_editor):
    Audience = apps.get_model("courses", "Audience")
    for key, name in AUDIENCES:
        Audience.objects.update_or_create(key=key, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
