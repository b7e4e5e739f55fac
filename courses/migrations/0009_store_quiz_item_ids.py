"""Store the ids of quiz questions and options that were saved without them
(the demo's lessons): until now they changed on every load, so answers posted
from a lesson page never matched its quiz (see courses.blocks.stream_with_ids)."""

from django.db import migrations

from courses.blocks import stream_with_ids


def store_ids(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    for page in LessonPage.objects.only("body"):
        LessonPage.objects.filter(pk=page.pk).update(body=stream_with_ids(page.body))


class Migration(migrations.Migration):
    dependencies = [("courses", "0008_live_sessions")]

    operations = [migrations.RunPython(store_ids, migrations.RunPython.noop)]
