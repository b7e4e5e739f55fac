"""Give each role the permission the code asks for instead of its group name.

Until now access was decided by group names (is the user in "Trenerzy"?)
beside Wagtail permission policies. These permissions make a role only a set
of permissions: the code asks `user.has_perm(roles.TEACH)` and so on
(accounts.roles), and a group renamed or added in the admin keeps working.
Their names are data shown in the admin's group editor, so they are Polish.
Idempotent, and reversible (the permissions, and so their grants, go)."""

from django.db import migrations

# codename -> (name shown in the admin, the groups holding it)
CAPABILITIES = {
    "see_everyone": ("Widzi wszystkie jednostki, osoby i szkolenia", ["Administratorzy"]),
    "coordinate_institutions": ("Koordynuje jednostki swojego zakresu", ["Koordynatorzy"]),
    "teach_courses": ("Prowadzi szkolenia", ["Trenerzy"]),
    "take_courses": ("Uczestniczy w szkoleniach", ["Uczestnicy"]),
}


def grant_capabilities(apps, schema_editor):
    """Create the permissions on the user model and grant them to the role
    groups (also run by the tests after a flush, with the roles of 0003)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    user_type, _created = ContentType.objects.get_or_create(app_label="accounts", model="user")
    for codename, (name, group_names) in CAPABILITIES.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=user_type, codename=codename, defaults={"name": name}
        )
        for group in Group.objects.filter(name__in=group_names):
            group.permissions.add(permission)


def remove_capabilities(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="accounts", codename__in=list(CAPABILITIES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_polish_workflow_names"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_capabilities, remove_capabilities)]
