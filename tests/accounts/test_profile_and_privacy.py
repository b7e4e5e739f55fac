"""The learner's own account: RODO acknowledgement per clause version, the
profile page, "download my data", anonymisation and open sign-up."""

import io
import json
from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from accounts import privacy, services
from accounts.models import LoginEvent, PrivacyAcknowledgement, User
from courses.models import Enrolment
from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_first_visit_asks_for_the_clause_and_records_version_and_time(
    client, site_shell, learner_lo1
):
    client.force_login(learner_lo1)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/privacy/?next=/accounts/profile/"
    page = client.get(response["Location"]).content.decode()
    assert "Wersja 2.1, obowiązuje od 2026-10-01" in page
    assert "Administratorem danych jest Starostwo." in page

    response = client.post("/accounts/privacy/", {"next": "/accounts/profile/"})
    assert response["Location"] == "/accounts/profile/"
    ack = PrivacyAcknowledgement.objects.get(user=learner_lo1)
    assert (ack.version, str(ack.valid_from)) == ("2.1", "2026-10-01")
    assert client.get("/accounts/profile/").status_code == 200


def test_a_new_clause_version_asks_again(client, site_shell, learner_lo1):
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")
    notice = site_shell["privacy"]
    notice.version = "3.0"
    notice.save_revision().publish()
    response = client.get("/accounts/profile/")
    assert response["Location"].startswith("/accounts/privacy/")
    client.post("/accounts/privacy/")
    versions = set(PrivacyAcknowledgement.objects.values_list("version", flat=True))
    assert versions == {"2.1", "3.0"}


def test_open_redirects_are_not_followed(client, site_shell, learner_lo1):
    client.force_login(learner_lo1)
    response = client.post("/accounts/privacy/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/my-courses/"


def acknowledged_client(client, user):
    client.force_login(user)
    client.post("/accounts/privacy/")
    return client


def test_profile_edits_names_and_position_but_not_the_institution(
    client, site_shell, learner_lo1, county
):
    acknowledged_client(client, learner_lo1)
    page = client.get("/accounts/profile/").content.decode()
    assert "I Liceum Ogólnokształcące" in page
    assert 'name="gender"' not in page
    response = client.post(
        "/accounts/profile/",
        {
            "first_name": "Łucja Maria",
            "last_name": "Ćwik-Żak",
            "position": "wicedyrektorka",
            "institution": county["other"].pk,
        },
    )
    assert response.status_code == 302
    learner_lo1.refresh_from_db()
    assert learner_lo1.get_full_name() == "Łucja Maria Ćwik-Żak"
    assert learner_lo1.position == "wicedyrektorka"
    assert learner_lo1.institution == county["lo1"]


def test_profile_requires_names(client, site_shell, learner_lo1):
    acknowledged_client(client, learner_lo1)
    response = client.post(
        "/accounts/profile/", {"first_name": "", "last_name": "", "position": ""}
    )
    assert response.status_code == 200
    assert "To pole jest wymagane." in response.content.decode()
    learner_lo1.refresh_from_db()
    assert learner_lo1.first_name == "Łucja"


def test_gender_is_shown_and_stored_only_when_reporting_by_gender(client, site_shell, learner_lo1):
    acknowledged_client(client, learner_lo1)
    client.post("/accounts/profile/", {"first_name": "Ł", "last_name": "Ć", "gender": "K"})
    learner_lo1.refresh_from_db()
    assert learner_lo1.gender == ""
    factories.account_settings(report_by_gender=True)
    assert 'name="gender"' in client.get("/accounts/profile/").content.decode()
    client.post("/accounts/profile/", {"first_name": "Ł", "last_name": "Ć", "gender": "K"})
    learner_lo1.refresh_from_db()
    assert learner_lo1.gender == "K"


def test_download_my_data(client, site_shell, learner_lo1):
    acknowledged_client(client, learner_lo1)
    response = client.get("/accounts/profile/my-data.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == learner_lo1.email
    assert data["profile"]["last_name"] == "Ćwik"
    assert data["profile"]["institution"] == "I Liceum Ogólnokształcące"
    assert data["privacy_acknowledgements"][0]["version"] == "2.1"


def test_anonymising_clears_personal_data_and_keeps_counts(
    client, site_shell, county, learner_lo1, coordinator_lo1
):
    before = User.objects.filter(institution=county["lo1"]).count()
    client.force_login(coordinator_lo1)
    response = client.post(f"/admin/participants/anonymise/{learner_lo1.pk}/")
    assert response.status_code == 302
    learner_lo1.refresh_from_db()
    assert (learner_lo1.first_name, learner_lo1.last_name, learner_lo1.position) == ("", "", "")
    assert learner_lo1.email.endswith("@invalid.example")
    assert not learner_lo1.is_active and not learner_lo1.has_usable_password()
    assert learner_lo1.anonymised_at is not None
    assert User.objects.filter(institution=county["lo1"]).count() == before
    with pytest.raises(services.AccountError):
        services.invitation_send(user=learner_lo1, sent_by=coordinator_lo1)
    other = client.__class__()
    response = other.post(
        "/accounts/login/", {"login": "uczen.lo1@example.org", "password": TEST_PASSWORD}
    )
    assert "_auth_user_id" not in other.session


def test_open_signup_is_limited_to_listed_domains(client, site_shell):
    factories.account_settings(open_signup=True, signup_domains="powiat.boleslawiec.pl\n@zse.pl")
    refused = client.post(
        "/accounts/signup/",
        {"email": "ktos@gmail.com", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert "Samodzielna rejestracja jest możliwa tylko" in refused.content.decode()
    assert not User.objects.filter(email="ktos@gmail.com").exists()

    accepted = client.post(
        "/accounts/signup/",
        {"email": "Nauczyciel@ZSE.pl", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert accepted.status_code == 302
    user = User.objects.get(email="nauczyciel@zse.pl")
    assert not user.emailaddress_set.get().verified
    assert mail.outbox[-1].to == ["nauczyciel@zse.pl"]
    assert "/accounts/confirm-email/" in mail.outbox[-1].body


def test_privacy_cache_is_refreshed_on_publish(site_shell):
    assert privacy.current_notice_url() == "/rodo/"
    page = Page.objects.get(pk=site_shell["privacy"].pk).specific
    page.slug = "rodo-2"
    page.save_revision().publish()
    assert privacy.current_notice_url() == "/rodo-2/"


def test_logins_and_logouts_are_logged_with_address_and_pruned(client, site_shell, learner_lo1):
    client.post("/accounts/login/", {"login": learner_lo1.email, "password": TEST_PASSWORD})
    client.post("/accounts/logout/")
    events = list(LoginEvent.objects.filter(user=learner_lo1).order_by("at"))
    assert [(e.kind, e.ip_address) for e in events] == [
        ("login", "127.0.0.1"),
        ("logout", "127.0.0.1"),
    ]
    LoginEvent.objects.filter(pk=events[0].pk).update(at=timezone.now() - timedelta(days=4000))
    call_command("prune_login_events", stdout=io.StringIO())
    assert list(LoginEvent.objects.values_list("kind", flat=True)) == ["logout"]


def test_behind_a_balancer_the_client_address_is_recorded(client, site_shell, learner_lo1):
    """With TRUSTED_PROXY_COUNT=1 the evidence shows the official's address
    from X-Forwarded-For, not the balancer's; without it, the header is
    ignored (anyone could send it)."""
    forwarded = {"HTTP_X_FORWARDED_FOR": "83.10.20.30"}
    credentials = {"login": learner_lo1.email, "password": TEST_PASSWORD}
    client.post("/accounts/login/", credentials, **forwarded)
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1):
        client.post("/accounts/logout/", **forwarded)
        client.post("/accounts/login/", credentials, **forwarded)
    addresses = LoginEvent.objects.filter(user=learner_lo1).order_by("at")
    assert [e.ip_address for e in addresses] == ["127.0.0.1", "83.10.20.30", "83.10.20.30"]


def test_my_data_includes_learning_records(client, site_shell, learner_lo1, catalogue):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    client.post("/accounts/login/", {"login": learner_lo1.email, "password": TEST_PASSWORD})
    client.post("/accounts/privacy/")
    client.get(lessons[0].url)
    data = json.loads(client.get("/accounts/profile/my-data.json").content)
    assert data["enrolments"][0]["course"] == course.title
    assert data["lesson_progress"][0]["status"] == "in_progress"
    assert data["learning_sessions"][0]["lesson"] == lessons[0].title
    assert data["login_events"][0]["event"] == "login"
    assert data["quiz_attempts"] == []


def test_session_expiry_is_recorded_when_it_can_be_known(client, site_shell, learner_lo1):
    client.post("/accounts/login/", {"login": learner_lo1.email, "password": TEST_PASSWORD})
    expired_at = timezone.now() - timedelta(hours=1)
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=expired_at)
    call_command("prune_login_events", stdout=io.StringIO())
    expired = LoginEvent.objects.get(user=learner_lo1, kind="expired")
    assert expired.at == expired_at and expired.ip_address == "127.0.0.1"
    assert not UserSession.objects.filter(user=learner_lo1).exists()
    call_command("prune_login_events", stdout=io.StringIO())  # recorded once
    assert LoginEvent.objects.filter(user=learner_lo1, kind="expired").count() == 1
