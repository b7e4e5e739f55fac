"""Crafted requests with ids beyond the database's range, dates at the
calendar's ends, junk numbers and missing fields: a 404, a 400 or a Polish
form error, never a 500, and nothing stored."""

import pytest
from django.core import mail
from django.test import Client

from accounts import roles
from accounts.services import privacy_acknowledge
from courses.models import (
    CertificateBatch,
    Enrolment,
    EvidencePack,
    QuizAttempt,
)
from courses.progress import services as progress_services
from courses.reports import all as all_reports  # noqa: F401 (fills the registry)
from courses.reports import base
from tests import factories

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
DATE_OUT_OF_RANGE = "Podaj datę z zakresu od 2000-01-01 do 2100-12-31."


def client_for(user, site_shell) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    privacy_acknowledge(user=user, notice=site_shell["privacy"])
    return client


@pytest.fixture
def learner(site_shell, learner_lo1):
    return client_for(learner_lo1, site_shell)


@pytest.fixture
def coordinator(site_shell, coordinator_county):
    return client_for(coordinator_county, site_shell)


@pytest.fixture
def trainer(site_shell, county):
    user = factories.user_with_role(roles.TRAINER, institution=county["lo1"])
    return client_for(user, site_shell)


@pytest.mark.parametrize(
    "url",
    [
        f"/courses/{HUGE}/enrol/",
        f"/courses/{HUGE}/live-checkin/",
        f"/courses/{HUGE}/competence-test/pre/",
        f"/courses/{HUGE}/competence-test/pre/skip/",
        f"/courses/lessons/{HUGE}/done/",
        f"/courses/lessons/{HUGE}/quiz/q1/",
        f"/courses/lessons/{HUGE}/heartbeat/",
        f"/courses/lessons/{HUGE}/h5p/a1/user-data/state/0/",
    ],
)
def test_learner_posts_with_ids_beyond_the_range_are_not_found(learner, course_data, url):
    for hostile in (url, url.replace(HUGE, "0")):
        data = {"data": "{}", "code": "1234", "visit": "v", "beat": "1"}
        assert learner.post(hostile, data).status_code == 404, hostile
    assert Enrolment.objects.count() == 3
    assert QuizAttempt.objects.count() == 0


def test_h5p_file_and_progress_grid_with_huge_ids_are_not_found(learner, coordinator, course_data):
    assert learner.get(f"/h5p/{HUGE}/{HUGE}/abc123/content/content.json").status_code == 404
    assert coordinator.get(f"/admin/progress/{HUGE}/").status_code == 404
    grid = coordinator.get(
        f"/admin/progress/{course_data['course'].pk}/?institution={HUGE}&status=zzz"
    )
    assert grid.status_code == 200


def test_enrolment_list_ignores_a_course_id_beyond_the_range(coordinator, course_data):
    response = coordinator.get(f"/admin/enrolments/?course={HUGE}")
    assert response.status_code == 200
    assert "Żaneta" in response.content.decode()  # the filter is ignored


def test_heartbeat_with_a_beat_beyond_the_range_is_refused(learner, course_data, learner_lo1):
    lesson = course_data["lessons"][0]
    _progress, session, _rows = progress_services.lesson_open(user=learner_lo1, lesson=lesson)
    for beat in [HUGE, str(2**64), str(2**31), "0", "²", "-1", "abc", ""]:
        response = learner.post(
            f"/courses/lessons/{lesson.pk}/heartbeat/", {"visit": session.visit, "beat": beat}
        )
        assert response.status_code == 400, beat
        assert response.json()["error"] == (
            "Sygnał aktywności wymaga identyfikatora wizyty i numeru sygnału."
        )
    session.refresh_from_db()
    assert session.last_beat == 0


REPORT_QUERIES = [
    ("period_from=0001-01-01&period_to=2026-01-31", DATE_OUT_OF_RANGE),
    ("period_from=2026-01-01&period_to=9999-12-31", DATE_OUT_OF_RANGE),
    (f"period_from=2026-01-01&period_to=2026-01-31&course={HUGE}", "Nie masz dostępu do raportów"),
    ("period_from=2026-99-99&period_to=2026-01-31", "Wpisz poprawną datę."),
    (f"period_from=2026-01-01&period_to=2026-01-31&institution={HUGE}", "poza Twoim zakresem"),
]


@pytest.mark.parametrize("slug", sorted(base.REGISTRY))
def test_report_filters_out_of_range_show_a_polish_error_in_every_variant(
    coordinator, course_data, slug
):
    report = base.REGISTRY[slug]
    queries = list(REPORT_QUERIES)
    if "status" in report.form_class.base_fields:
        queries.append(("period_from=2026-01-01&status=zzz", "Wybierz poprawną wartość"))
    for query, message in queries:
        for variant in ["", *report.formats]:
            url = f"/admin/reports/{slug}/{variant + '/' if variant else ''}?{query}&p=abc"
            response = coordinator.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"].startswith("text/html"), url  # no file
            assert message in response.content.decode(), url


REGISTER_QUERIES = [
    ("issued_from=0001-01-01", DATE_OUT_OF_RANGE),
    ("issued_to=9999-12-31", DATE_OUT_OF_RANGE),
    (f"course={HUGE}", "Wybierz"),
    ("issued_from=2026-99-99", "Wpisz poprawną datę."),
    ("status=zzz&p=abc", "Wybierz poprawną wartość"),
]


def test_certificate_register_filters_out_of_range_show_a_polish_error(coordinator, course_data):
    for query, message in REGISTER_QUERIES:
        for url in [
            f"/admin/certificates/?{query}",
            f"/admin/certificates/export/csv/?{query}",
            f"/admin/certificates/export/xlsx/?{query}",
        ]:
            response = coordinator.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"].startswith("text/html"), url
            assert message in response.content.decode(), url


def test_evidence_pack_for_a_period_reports_cannot_hold_is_refused(coordinator, course_data):
    response = coordinator.post(
        "/admin/evidence-packs/", {"period_from": "2026-01-01", "period_to": "9999-12-31"}
    )
    assert response.status_code == 200
    assert DATE_OUT_OF_RANGE in response.content.decode()
    assert EvidencePack.objects.count() == 0


def test_assign_with_missing_or_malformed_fields_shows_errors(coordinator, course_data):
    course = course_data["course"].pk
    for data in [
        {"course": HUGE, "learners": [HUGE]},
        {"course": course, "learners": [HUGE, "-1"]},
        {"course": course, "institutions": [HUGE]},
        {},
        {"course": "abc", "everyone_imported": "on", "deadline": "2026-99-99"},
    ]:
        response = coordinator.post("/admin/enrolments/assign/", data)
        assert response.status_code == 200, data
        assert "error" in response.content.decode(), data
    assert Enrolment.objects.count() == 3


def test_withdrawing_a_malformed_enrolment_is_not_found(coordinator, course_data):
    for data in [{"enrolment": "abc"}, {"enrolment": "-1"}, {}, {"enrolment": HUGE}]:
        assert coordinator.post("/admin/enrolments/", data).status_code == 404, data
    assert Enrolment.objects.active().count() == 3


def test_overdue_reminder_with_malformed_ids_sends_nothing(coordinator, course_data):
    for enrolments in [[HUGE], [str(2**64)], ["-1", "abc"]]:
        response = coordinator.post(
            "/admin/reports/overdue/", {"enrolment": enrolments}, follow=True
        )
        assert response.status_code == 200, enrolments
        assert "nie jest na Twojej liście" in response.content.decode(), enrolments
    assert mail.outbox == []


def test_certificate_batch_with_malformed_fields_shows_errors(coordinator, course_data):
    for data in [
        {"course": HUGE},
        {"issued_from": "0001-01-01", "issued_to": "9999-12-31"},
        {"institution": "abc"},
    ]:
        response = coordinator.post("/admin/certificates/batches/new/", data)
        assert response.status_code == 200, data
        assert "error" in response.content.decode(), data
    assert CertificateBatch.objects.count() == 0


def test_live_session_form_with_huge_ids_shows_errors(trainer, course_data):
    response = trainer.post(
        "/admin/live-sessions/new/",
        {"course": HUGE, "trainer": HUGE, "expected_institutions": [HUGE], "day": "9999-99-99"},
    )
    assert response.status_code == 200
    assert "error" in response.content.decode()


def test_admin_chooser_with_junk_ids_answers_bad_request(coordinator):
    response = coordinator.get("/admin/images/chooser/chosen/zzz/")
    assert response.status_code == 400
    assert "Nieprawidłowe żądanie" in response.content.decode()


def test_admin_chooser_with_an_id_beyond_the_range_chooses_nothing(coordinator):
    """SQLite cannot bind the id (a 400); PostgreSQL compares it and finds
    no document. Neither answers 500 nor chooses anything."""
    response = coordinator.get(f"/admin/documents/chooser/chosen-multiple/?id={HUGE}")
    if response.status_code == 400:
        assert "Nieprawidłowe żądanie" in response.content.decode()
    else:
        assert response.status_code == 200
        assert response.json()["result"] == []
    response = coordinator.post("/admin/choose-external-link/", {})
    assert response.status_code == 200
    assert "To pole jest wymagane" in response.content.decode()


def test_own_sessions_page_opens(learner):
    response = learner.get("/accounts/sessions/")
    assert response.status_code == 200


def test_live_session_list_ignores_a_course_id_beyond_the_range(trainer, course_data):
    for url in ["/admin/live-sessions/", "/admin/live-sessions/results/"]:
        response = trainer.get(f"{url}?course={HUGE}")
        assert response.status_code == 200, url
    assert trainer.get("/admin/live-sessions/?course=abc").status_code == 200
