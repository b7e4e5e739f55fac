"""Roles are sets of permissions: access follows the permission a role's group
holds, not the group's name, so renaming a group in the admin changes nothing
and a group that merely carries a role's name grants nothing."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles, scopes
from accounts.models import User
from courses.models import CoursePage, LiveSession
from tests import factories

pytestmark = pytest.mark.django_db


def trainer_choices(model, field):
    limit = model._meta.get_field(field).get_limit_choices_to()
    return set(User.objects.filter(limit).distinct())


def test_each_role_holds_its_own_permission():
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")
    coordinator = factories.user_with_role(roles.COORDINATOR, email="koord@example.org")
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    learner = factories.user_with_role(roles.LEARNER, email="uczestnik@example.org")
    superuser = factories.UserFactory(email="root@example.org", is_superuser=True)
    checks = (scopes.may_see_everyone, scopes.may_coordinate, scopes.may_teach)
    held = {
        user.email: tuple(check(user) for check in checks)
        for user in (admin, coordinator, trainer, learner, superuser)
    }
    assert held == {
        "admin@example.org": (True, False, False),
        "koord@example.org": (False, True, False),
        "trener@example.org": (False, False, True),
        "uczestnik@example.org": (False, False, False),
        "root@example.org": (True, True, False),
    }
    assert trainer_choices(CoursePage, "trainers") == {trainer}
    assert trainer_choices(LiveSession, "trainer") == {trainer}
    assert set(User.objects.filter(roles.holds(roles.TAKE_COURSES))) == {learner}


def test_access_follows_the_permission_not_the_group_name():
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    Group.objects.filter(name=roles.TRAINER).update(name="Prowadzący")
    impostor = factories.UserFactory(email="podszywacz@example.org")
    impostor.groups.add(Group.objects.create(name=roles.TRAINER))
    trainer, impostor = User.objects.get(pk=trainer.pk), User.objects.get(pk=impostor.pk)
    assert scopes.may_teach(trainer)
    assert not scopes.may_teach(impostor)
    assert trainer_choices(CoursePage, "trainers") == {trainer}
    # An inactive trainer keeps the group but loses the access.
    trainer.is_active = False
    trainer.save()
    assert not scopes.may_teach(User.objects.get(pk=trainer.pk))
