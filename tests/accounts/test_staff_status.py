"""Staff status follows admin access however roles are given (our forms,
Wagtail's user and group admin, a script): staff get the "Administration"
link and the editors' bar, learners neither, without permission reads on
their pages."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts import roles
from tests import factories

pytestmark = pytest.mark.django_db


def staff(user) -> bool:
    user.refresh_from_db(fields=["is_staff"])
    return user.is_staff


def test_roles_given_and_taken_either_way_set_staff_status():
    trainers = Group.objects.get(name=roles.TRAINER)
    user = factories.user_with_role(roles.LEARNER, email="ktos@example.org")
    assert not staff(user)
    user.groups.add(trainers)
    assert staff(user)
    user.groups.remove(trainers)
    assert not staff(user)
    trainers.user_set.add(user)  # from the group's side, as the group admin does
    assert staff(user)
    trainers.user_set.clear()
    assert not staff(user)
    user.groups.set([Group.objects.get(name=roles.COORDINATOR)])
    assert staff(user)
    user.groups.clear()
    assert not staff(user)


def test_group_permissions_and_superusers_set_staff_status():
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    trainers = Group.objects.get(name=roles.TRAINER)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    trainers.permissions.remove(access)
    assert not staff(trainer)
    trainers.permissions.add(access)
    assert staff(trainer)
    learner = factories.user_with_role(roles.LEARNER, email="uczestnik@example.org")
    learner.is_superuser = True
    learner.save()
    assert staff(learner)
    learner.is_superuser = False
    learner.save()
    assert not staff(learner)


def test_only_staff_see_the_administration_link(client, site_shell):
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    learner = factories.user_with_role(roles.LEARNER, email="uczestnik@example.org")
    for user, shown in ((trainer, True), (learner, False)):
        client.force_login(user)
        page = client.get("/", follow=True).content.decode()
        assert ('href="/admin/"' in page) is shown, user
