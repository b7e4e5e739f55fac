"""Set `is_staff` from admin access for the users that exist (from now on
accounts.signals keeps it so): before, only the demo and the test factories
set it, so trainers and coordinators given their role in Wagtail's user
admin had no "Administration" link."""

from django.db import migrations
from django.db.models import Q


def staff_from_admin_access(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Group = apps.get_model("auth", "Group")
    admin_groups = Group.objects.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    )
    staff = User.objects.filter(Q(is_superuser=True) | Q(groups__in=admin_groups)).values("pk")
    User.objects.filter(pk__in=staff).update(is_staff=True)
    User.objects.exclude(pk__in=staff).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_login_event_expired"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(staff_from_admin_access, migrations.RunPython.noop)]
