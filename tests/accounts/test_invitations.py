"""Invitations: a one-time link that lets an imported participant set a
password, in Polish, with plain-text and HTML bodies."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts import services
from accounts.models import Invitation
from tests import factories

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Bolesławiec-laptop-2026"


def invite(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_send(user=user, sent_by=None)
    body = mail.outbox[-1].body
    return body.split("/accounts/invitation/")[1].split("/")[0]


@pytest.fixture
def invited(county):
    return factories.invited_user(
        email="nowa@example.org", institution=county["lo1"], first_name="Jadwiga", last_name="Ząbek"
    )


def test_invitation_email_is_polish_with_text_and_html(invited, django_capture_on_commit_callbacks):
    invite(invited, django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.to == ["nowa@example.org"]
    assert message.subject == "Zaproszenie na szkolenia Cyfrowej Akademii"
    assert "Dzień dobry, Jadwiga" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'lang="pl"' in html
    assert "Ustaw hasło" in html


def test_accepting_sets_password_logs_in_and_uses_up_the_link(
    client, site_shell, invited, django_capture_on_commit_callbacks
):
    token = invite(invited, django_capture_on_commit_callbacks)
    url = f"/accounts/invitation/{token}/"
    page = client.get(url).content.decode()
    assert "Jadwiga Ząbek" in page
    response = client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(invited.pk)
    invited.refresh_from_db()
    assert invited.check_password(GOOD_PASSWORD)
    assert invited.emailaddress_set.get().verified

    client.logout()
    again = client.get(url)
    assert again.status_code == 410
    assert "To zaproszenie zostało już wykorzystane." in again.content.decode()


def test_weak_password_is_refused_and_link_stays_usable(
    client, site_shell, invited, django_capture_on_commit_callbacks
):
    token = invite(invited, django_capture_on_commit_callbacks)
    url = f"/accounts/invitation/{token}/"
    response = client.post(url, {"password1": "krotkie1", "password2": "krotkie1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "co najmniej 12 znaków" in body
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert Invitation.objects.usable().filter(user=invited).exists()


def test_expired_and_forged_links_are_refused(
    client, site_shell, invited, django_capture_on_commit_callbacks
):
    token = invite(invited, django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = client.post(
        f"/accounts/invitation/{token}/", {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    )
    assert expired.status_code == 410
    assert "To zaproszenie wygasło." in expired.content.decode()
    forged = client.get("/accounts/invitation/nie-ma-takiego-tokenu/")
    assert forged.status_code == 404
    assert "To zaproszenie jest nieprawidłowe." in forged.content.decode()
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_resending_replaces_the_previous_link(
    client, site_shell, invited, django_capture_on_commit_callbacks
):
    first = invite(invited, django_capture_on_commit_callbacks)
    second = invite(invited, django_capture_on_commit_callbacks)
    assert first != second
    assert client.get(f"/accounts/invitation/{first}/").status_code == 410
    assert client.get(f"/accounts/invitation/{second}/").status_code == 200


def test_links_are_stored_only_as_digests(invited, django_capture_on_commit_callbacks):
    token = invite(invited, django_capture_on_commit_callbacks)
    assert not Invitation.objects.filter(token_digest=token).exists()
    assert Invitation.objects.get().token_digest != token
