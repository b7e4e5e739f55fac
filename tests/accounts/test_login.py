"""One login path (allauth's, also for the Wagtail admin), in Polish, rate
limited, with sessions that rotate on login and end on deactivation."""

import os
import subprocess
import sys

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import OperationalError
from django.test import override_settings

from accounts import roles
from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def login(client, email, password, next_url=None):
    data = {"login": email, "password": password}
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def test_login_page_is_polish_inside_the_site_shell(client, site_shell):
    body = client.get("/accounts/login/").content.decode()
    assert "<h1>Zaloguj się</h1>" in body
    assert "Deklaracja dostępności" in body  # footer of the shell
    assert "zarejestruj" not in body.lower()  # sign-up is closed by default


def test_admin_uses_the_same_login_page(client, site_shell):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_staff_logs_in_and_lands_in_admin_with_a_new_session(client, site_shell, county):
    user = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    client.get("/accounts/login/")
    anonymous_key = client.session.session_key
    response = login(client, "Trener@Example.org", TEST_PASSWORD, next_url="/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session.session_key != anonymous_key
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 200


def test_wrong_password_gets_polish_message_and_no_session(client, site_shell, learner_lo1):
    response = login(client, learner_lo1.email, "zle-haslo-123456")
    assert response.status_code == 200
    assert "Podany adres e-mail i/lub hasło są niepoprawne." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_email_gets_the_same_message_as_a_wrong_password(client, site_shell):
    response = login(client, "nikt@example.org", "zle-haslo-123456")
    assert "Podany adres e-mail i/lub hasło są niepoprawne." in response.content.decode()


def test_repeated_failures_are_refused_before_the_password_is_checked(
    client, site_shell, learner_lo1
):
    for _attempt in range(5):
        login(client, learner_lo1.email, "zle-haslo-123456")
    response = login(client, learner_lo1.email, TEST_PASSWORD)  # the right password
    body = response.content.decode()
    assert response.status_code == 200
    assert "Zbyt wiele nieudanych prób logowania" in body
    assert "_auth_user_id" not in client.session


class DatabaseGoneBackend:
    """An authentication backend whose database is down."""

    def authenticate(self, request, **credentials):
        raise OperationalError("server closed the connection unexpectedly")


def test_logins_failing_on_our_side_do_not_count_as_failed_attempts(
    client, site_shell, learner_lo1
):
    backends = [f"{__name__}.DatabaseGoneBackend"]
    with override_settings(AUTHENTICATION_BACKENDS=backends):
        for _attempt in range(6):
            with pytest.raises(OperationalError):
                login(client, learner_lo1.email, TEST_PASSWORD)
    response = login(client, learner_lo1.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner_lo1.pk)


def test_deactivating_a_user_ends_all_their_sessions(client, site_shell, learner_lo1):
    other_device = client.__class__()
    for device in (client, other_device):
        assert login(device, learner_lo1.email, TEST_PASSWORD).status_code == 302
    assert UserSession.objects.filter(user=learner_lo1).count() == 2
    keys = list(UserSession.objects.filter(user=learner_lo1).values_list("session_key", flat=True))

    learner_lo1.is_active = False
    learner_lo1.save()

    assert not Session.objects.filter(session_key__in=keys).exists()
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_password_reset_does_not_reveal_whether_an_account_exists(client, site_shell, learner_lo1):
    known = client.post("/accounts/password/reset/", {"email": learner_lo1.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nikt@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [[learner_lo1.email]]
    reset_mail = mail.outbox[0]
    assert reset_mail.subject == "[Cyfrowa Akademia] E-mail z resetowaniem hasła"
    assert "Witamy z Cyfrowej Akademii!" in reset_mail.body
    assert "/accounts/password/reset/key/" in reset_mail.body


def test_signup_is_closed_by_default(client, site_shell):
    response = client.post(
        "/accounts/signup/",
        {"email": "nowy@example.org", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert not get_user_model().objects.filter(email="nowy@example.org").exists()
    assert "Rejestracja zamknięta" in response.content.decode()


def test_email_change_takes_effect_only_after_verification(client, site_shell, learner_lo1):
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "lucja.nowa@example.org"}
    )
    assert response.status_code == 302
    learner_lo1.refresh_from_db()
    assert learner_lo1.email == "uczen.lo1@example.org"  # not yet verified
    message = mail.outbox[-1]
    assert message.to == ["lucja.nowa@example.org"]
    link = next(line for line in message.body.splitlines() if "/accounts/confirm-email/" in line)
    path = link.strip().split("testserver", 1)[1]
    client.post(path)
    learner_lo1.refresh_from_db()
    assert learner_lo1.email == "lucja.nowa@example.org"


def test_redis_cache_url_selects_djangos_redis_backend():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='lms.settings.dev'; "
        "django.setup(); from django.conf import settings; import redis; "
        "print(settings.CACHES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_learner_lands_on_my_courses_after_login_and_the_clause(client, site_shell, learner_lo1):
    response = client.post(
        "/accounts/login/", {"login": learner_lo1.email, "password": TEST_PASSWORD}, follow=True
    )
    # First login: the RODO clause, then straight to "Moje szkolenia".
    assert response.redirect_chain[-1][0] == "/accounts/privacy/?next=/my-courses/"
    response = client.post("/accounts/privacy/", {"next": "/my-courses/"}, follow=True)
    assert response.redirect_chain == [("/my-courses/", 302)]
    assert "Moje szkolenia" in response.content.decode()
    client.logout()
    response = login(client, learner_lo1.email, TEST_PASSWORD)
    assert response["Location"] == "/my-courses/"
    client.logout()
    response = login(client, learner_lo1.email, TEST_PASSWORD, next_url="/o-projekcie/")
    assert response["Location"] == "/o-projekcie/"
    client.logout()
    response = login(client, learner_lo1.email, TEST_PASSWORD, next_url="//evil.example.org/")
    assert response["Location"] == "/my-courses/"


def test_staff_without_next_lands_in_the_admin(client, site_shell):
    factories.user_with_role(roles.TRAINER, email="trener@example.org")
    response = login(client, "trener@example.org", TEST_PASSWORD)
    assert response["Location"] == "/admin/"
