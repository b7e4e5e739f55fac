"""Name Wagtail's default moderation workflow and its task in Polish: its
migration created both as "Moderators approval", which editors see on the
"Submit to ..." button and in the workflow list."""

from django.db import migrations

ENGLISH = "Moderators approval"
POLISH = "Zatwierdzenie przez moderatorów"


def workflow_names_rename(apps, *, old: str, new: str) -> None:
    """Rename the workflow and the task only where they still carry the name
    Wagtail gave them, so a name an administrator chose is kept."""
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def workflow_names_to_polish(apps, schema_editor):
    workflow_names_rename(apps, old=ENGLISH, new=POLISH)


def workflow_names_to_english(apps, schema_editor):
    workflow_names_rename(apps, old=POLISH, new=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_media_collection"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(workflow_names_to_polish, workflow_names_to_english)]
