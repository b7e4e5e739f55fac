"""Create the role groups with their admin permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
ROLE_PERMISSIONS = {
    "Uczestnicy": [],
    "Trenerzy": [("wagtailadmin", "access_admin"), *MEDIA],
    "Koordynatorzy": [
        ("wagtailadmin", "access_admin"),
        *MEDIA,
        ("accounts", "add_institution"),
        ("accounts", "change_institution"),
        ("accounts", "view_institution"),
        ("accounts", "manage_participants"),
        ("lms", "change_sitesettings"),
        ("accounts", "change_accountsettings"),
    ],
}
ADMINISTRATORS = "Administratorzy"


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[*ROLE_PERMISSIONS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_institutions_profiles_invitations"),
        ("lms", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
