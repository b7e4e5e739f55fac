"""The custom user logs in with an email address and carries the names that
go on certificates."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_the_login_identifier_case_insensitively():
    user = UserFactory(email="Anna.Nowak@Example.ORG", first_name="Anna", last_name="Nowak")
    assert user.email == "anna.nowak@example.org"
    assert authenticate(email="ANNA.NOWAK@example.org", password=TEST_PASSWORD) == user
    assert authenticate(username="anna.nowak@example.org", password=TEST_PASSWORD) == user
    assert authenticate(email="anna.nowak@example.org", password="wrong-password!") is None


def test_full_name_with_polish_letters():
    user = UserFactory(first_name="Łucja", last_name="Źdźbło-Węgrzyńska")
    assert user.get_full_name() == "Łucja Źdźbło-Węgrzyńska"
    assert str(user) == "Łucja Źdźbło-Węgrzyńska"


def test_email_is_unique():
    UserFactory(email="jan@example.org")
    with pytest.raises(IntegrityError):
        get_user_model().objects.create_user(email="jan@example.org", password=TEST_PASSWORD)


def test_superuser_has_admin_access(client):
    get_user_model().objects.create_superuser(
        email="root@example.org", password=TEST_PASSWORD, first_name="Ala", last_name="Kot"
    )
    assert client.login(email="root@example.org", password=TEST_PASSWORD)
    assert client.get("/admin/").status_code == 200
