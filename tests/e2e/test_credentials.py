"""Open Badges credentials in Chromium: a learner downloads the badge (PNG with
the credential baked in) and the credential file from "My certificates"; the
public check page reports each valid, one revoked after the coordinator
revokes it in the register, the other expired once the certificates' clock
passes its expiry. axe-core checks the check page with a verdict on it."""

import re
from datetime import timedelta

import pytest

from accounts import roles
from courses.certificates import expiry
from courses.models import Certificate, Enrolment
from tests import factories
from tests.conftest import coordinator_of
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)


def complete(page, lesson):
    page.goto(lesson.url)
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.wait_for_load_state()


def download(page, link_name: str, number: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("link", name=f"{link_name} {number}").click()
    return info.value.path()


def check(page, path: str) -> str:
    page.goto("/certificates/verify/")
    page.get_by_label("Plik zaświadczenia lub poświadczenia").set_input_files(path)
    page.get_by_role("button", name="Sprawdź").click()
    page.wait_for_load_state()
    return page.locator(".check-result").inner_text()


def test_credentials_check_valid_then_revoked_and_expired(
    page, live_server, monkeypatch, site_shell, catalogue, county, run_axe
):
    learner = factories.user_with_role(
        roles.LEARNER, email="ewa@example.org", institution=county["lo1"],
        first_name="Ewa", last_name="Łęcka",
    )  # fmt: skip
    yearly, yearly_lessons = factories.course_with_lessons(
        catalogue, 1, title="Cyberhigiena co roku", validity_months=12
    )
    once, once_lessons = factories.course_with_lessons(catalogue, 1, title="Praca w chmurze")
    for course in (yearly, once):
        Enrolment.objects.create(user=learner, course=course, method="self")
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    complete(page, yearly_lessons[0])
    complete(page, once_lessons[0])
    expiring = Certificate.objects.get(user=learner, course=yearly)
    revoked = Certificate.objects.get(user=learner, course=once)

    page.goto("/certificates/")
    badge = download(page, "obraz odznaki (PNG)", expiring.number)
    credential = download(page, "poświadczenie (JWT)", revoked.number)

    verdict = check(page, badge)
    assert "Podpis poświadczenia jest prawidłowy" in verdict
    assert "Zaświadczenie jest ważne." in verdict and "Ewa Łęcka" in verdict
    assert f"Ważne do {expiring.expires_on:%Y-%m-%d}." in verdict
    assert run_axe(page) == []
    assert "Zaświadczenie jest ważne." in check(page, credential)

    # The coordinator revokes the other certificate in the register.
    page.context.clear_cookies()
    coordinator = coordinator_of(county["lo1"], "koordynatorka.lo1@example.org")
    login(page, coordinator.email)
    page.goto(f"/admin/certificates/{revoked.pk}/revoke/")
    page.get_by_label(re.compile("Powód")).fill("Zaświadczenie wydane omyłkowo")
    page.get_by_role("button", name="Unieważnij").click()
    page.wait_for_load_state()
    page.context.clear_cookies()

    verdict = check(page, credential)
    assert "Podpis poświadczenia jest prawidłowy" in verdict
    assert re.search(r"Zaświadczenie zostało unieważnione \d{4}-\d\d-\d\d", verdict)
    assert "Zaświadczenie jest ważne." in check(page, badge)

    # The certificates' clock passes the expiry (the live server reads it too).
    moved = expiry.today() + timedelta(days=400)
    monkeypatch.setattr(expiry, "today", lambda: moved)
    verdict = check(page, badge)
    assert "Podpis poświadczenia jest prawidłowy" in verdict
    assert f"Zaświadczenie wygasło: było ważne do {expiring.expires_on:%Y-%m-%d}." in verdict
    assert run_axe(page) == []
