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
# Wagtail checks image and document rights per collection (the model
# permissions above only make them assignable): trainers add to and choose
# from the shared collection, coordinators choose from it for site settings.
MEDIA_COLLECTION = "Materiały szkoleń"
MEDIA_COLLECTION_PERMISSIONS = {
    "Trenerzy": MEDIA,
    "Koordynatorzy": [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
}


def grant_media_collection(apps):
    """Create the shared media collection and the roles' rights on it
    (idempotent, also run by 0007 for installs that predate it)."""
    from wagtail.models import Collection as TreeCollection

    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    collection = Collection.objects.filter(name=MEDIA_COLLECTION, depth=2).first()
    if collection is None:
        # Historical models lack treebeard's add_child; build the path as it does.
        root = Collection.objects.get(depth=1)
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        path = (
            TreeCollection._inc_path(last.path)
            if last
            else TreeCollection._get_path(root.path, 2, 1)
        )
        collection = Collection.objects.create(name=MEDIA_COLLECTION, path=path, depth=2)
        root.numchild = Collection.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])
    for name, pairs in MEDIA_COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for app_label, codename in pairs:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


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
    grant_media_collection(apps)


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
        ("wagtailcore", "0066_collection_management_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
