"""The register page and the report pages as Wagtail listings: the same
number of queries for 1 and for 50 rows, Wagtail's breadcrumbs and
pagination, and the register page's export buttons (PDF among them)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from courses.certificates.services import certificate_issue
from courses.models import Enrolment
from tests import factories

pytestmark = pytest.mark.django_db

REGISTER = "/admin/certificates/"
ATTENDANCE = "/admin/reports/attendance/"


def queries(client, url, data) -> int:
    client.get(url, data)  # caches warm
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, data).status_code == 200
    return len(context)


def add_learners(catalogue_course, institution, first: int, last: int) -> None:
    for number in range(first, last):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"n{number}@example.org", institution=institution
        )
        enrolment = Enrolment.objects.create(
            user=learner, course=catalogue_course, method="self", completed_at=timezone.now()
        )
        certificate_issue(enrolment=enrolment)


def test_register_and_a_report_cost_the_same_for_1_and_50_rows(
    client, catalogue, county, coordinator_county
):
    course, _lessons = factories.course_with_lessons(catalogue, 2)
    today = timezone.localdate()
    period = {"period_from": f"{today.year}-01-01", "period_to": today.isoformat()}
    client.force_login(coordinator_county)
    add_learners(course, county["lo1"], 0, 1)
    register_one = queries(client, REGISTER, {"course": course.pk})
    report_one = queries(client, ATTENDANCE, period)
    add_learners(course, county["lo1"], 1, 50)
    response = client.get(REGISTER, {"course": course.pk})
    assert response.context["page_obj"].paginator.count == 50
    assert queries(client, REGISTER, {"course": course.pk}) == register_one
    assert client.get(ATTENDANCE, period).context["page_obj"].paginator.count == 50
    assert queries(client, ATTENDANCE, period) == report_one


def test_wagtail_header_breadcrumbs_and_export_buttons(
    client, catalogue, county, coordinator_county
):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    add_learners(course, county["lo1"], 0, 1)
    client.force_login(coordinator_county)
    body = client.get(REGISTER, {"course": course.pk}).content.decode()
    assert "w-breadcrumbs" in body and "Zaświadczenia" in body
    for export_format in ("xlsx", "csv", "csv-plain", "pdf"):
        assert f"{REGISTER}export/{export_format}/?course={course.pk}" in body
    assert "Eksportuj PDF" in body
    report = client.get(ATTENDANCE).content.decode()
    assert "w-breadcrumbs" in report and "Raporty" in report
    assert "/admin/reports/attendance/pdf/?period_from=" in report
