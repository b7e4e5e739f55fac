"""Account journeys in Chromium: an invited learner sets a password,
acknowledges the RODO clause, logs in again and edits the profile; staff log
into the admin through the same login page. axe-core checks every page."""

import re

import pytest
from django.core import mail

from accounts import roles, services
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Laptop-w-domu-2026!"


def assert_no_axe_violations(page, run_axe):
    assert run_axe(page) == [], page.url


def test_invited_learner_onboards_and_edits_profile(page, site_shell, county, run_axe):
    learner = factories.invited_user(
        email="jadwiga@example.org",
        institution=county["lo1"],
        first_name="Jadwiga",
        last_name="Ząbek",
    )
    services.invitation_send(user=learner, sent_by=None)  # autocommit: the email goes out
    link = re.search(r"http://\S+/accounts/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("127.0.0.1:8000", 1)[-1]

    page.goto(path)
    assert page.get_by_role("heading", level=1).inner_text() == "Ustaw hasło"
    assert_no_axe_violations(page, run_axe)
    page.get_by_label("Nowe hasło:", exact=True).fill(PASSWORD)
    page.get_by_label("Nowe hasło (powtórz):").fill(PASSWORD)
    page.get_by_role("button", name="Ustaw hasło i zaloguj się").click()

    page.wait_for_url("**/accounts/privacy/**")
    assert "Wersja 2.1" in page.content()
    assert "Hasło zostało ustawione" in page.content()
    assert_no_axe_violations(page, run_axe)
    page.get_by_role("button", name="Zapoznałem/-am się z klauzulą informacyjną").click()
    page.wait_for_url("**/my-courses/")

    page.goto("/accounts/profile/")
    assert_no_axe_violations(page, run_axe)
    page.get_by_role("button", name="Wyloguj się").click()

    page.goto("/accounts/login/")
    assert_no_axe_violations(page, run_axe)
    page.get_by_label("E-mail").fill("jadwiga@example.org")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_load_state()
    page.goto("/accounts/profile/")
    page.get_by_label("Stanowisko:").fill("sekretarz szkoły")
    page.get_by_label("Nazwisko:").fill("Ząbek-Wróbel")
    page.get_by_role("button", name="Zapisz").click()
    assert "Profil został zapisany." in page.content()
    learner.refresh_from_db()
    assert (learner.last_name, learner.position) == ("Ząbek-Wróbel", "sekretarz szkoły")


def test_staff_log_into_the_admin_through_the_site_login(page, site_shell, county):
    factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org", is_superuser=True)
    page.goto("/admin/")
    page.wait_for_url("**/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill("admin@example.org")
    page.get_by_label("Hasło").fill(factories.TEST_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/admin/")
    assert page.evaluate("document.documentElement.lang") == "pl"
    assert page.get_by_role("link", name="Uczestnicy").first.is_visible()
