"""The attendance list and the certificate register set the planned time
beside the effective time and flag, in words, whoever is under the course's
share of its hours, in every format."""

import csv
import io

import openpyxl
import pypdf
import pytest

from accounts import roles
from courses.certificates.services import certificate_issue
from courses.models import CoursePage, Enrolment, LessonProgress
from tests import factories

pytestmark = pytest.mark.django_db

ATTENDANCE = "/admin/reports/attendance/"
REGISTER = "/admin/certificates/"


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def hours(catalogue, site_shell, learner_lo1, learner_lo2):
    """A one-hour course asking 80% (0:48): Łucja at 0:50 (completed, with
    a certificate), Żaneta at 0:01; a trainer teaches it."""
    course, lessons = factories.course_with_lessons(
        catalogue, 2, title="Poczta bez phishingu", hours=1, completion_min_time_percent=80
    )
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course.trainers.add(trainer)
    course.save()
    for learner, seconds in ((learner_lo1, 3000), (learner_lo2, 60)):
        Enrolment.objects.create(user=learner, course=course, method="self")
        LessonProgress.objects.create(
            user=learner, lesson=lessons[0], course=course, effective_seconds=seconds
        )
    enrolment = Enrolment.objects.get(user=learner_lo1)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=enrolment.enrolled_at)
    enrolment.refresh_from_db()
    certificate_issue(enrolment=enrolment)
    return {"course": course, "trainer": trainer}


def test_attendance_list_sets_planned_beside_effective_and_flags_under_the_share(
    client, hours, coordinator_county, period
):
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(ATTENDANCE + "csv/", period))
    assert rows[0][8:11] == ["Czas planowany (h:mm)", "Czas efektywny (h:mm)", "Poniżej progu"]
    by_name = {row[1]: row for row in rows[1:-1]}
    assert by_name["Łucja Ćwik"][8:11] == ["1:00", "0:50", "nie"]
    assert by_name["Żaneta Śliwa"][8:11] == ["1:00", "0:01", "tak"]
    assert rows[-1][9:11] == ["0:51", "1"]  # the totals: time, and how many are under

    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(ATTENDANCE + "xlsx/", period).streaming_content))
    ).active
    flags = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=11).value for r in (2, 3)}
    assert flags == {"Łucja Ćwik": "nie", "Żaneta Śliwa": "tak"}

    pdf = pypdf.PdfReader(io.BytesIO(client.get(ATTENDANCE + "pdf/", period).content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Poniżej progu" in text and "1:00 0:01 tak" in text


def test_the_trainer_sees_the_flagged_row_marked_in_words(client, hours, period):
    client.force_login(hours["trainer"])
    body = client.get(ATTENDANCE, period).content.decode()
    flagged = body.split('<tr class="report-row--flagged">')
    assert len(flagged) == 2  # one row
    assert "Żaneta Śliwa" in flagged[1].split("</tr>")[0]
    assert "<strong>TAK – poniżej progu</strong>" in flagged[1].split("</tr>")[0]


def test_a_course_without_a_share_flags_no_one(client, hours, coordinator_county, period):
    CoursePage.objects.filter(pk=hours["course"].pk).update(completion_min_time_percent=0)
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(ATTENDANCE + "csv/", period))
    assert {row[10] for row in rows[1:-1]} == {"nie"}
    assert "report-row--flagged" not in client.get(ATTENDANCE, period).content.decode()


def test_register_sets_the_effective_time_beside_the_hours_and_flags_under_the_share(
    client, hours, coordinator_county, learner_lo2
):
    """Żaneta's certificate was issued before the share was raised (the
    course then asked none); the register flags it in words."""
    course = hours["course"]
    CoursePage.objects.filter(pk=course.pk).update(completion_min_time_percent=0)
    enrolment = Enrolment.objects.get(user=learner_lo2)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=enrolment.enrolled_at)
    enrolment.refresh_from_db()
    certificate_issue(enrolment=enrolment)
    CoursePage.objects.filter(pk=course.pk).update(completion_min_time_percent=80)
    client.force_login(coordinator_county)

    rows = csv_rows(client.get(REGISTER + "export/csv/"))
    assert rows[0][6:9] == ["Godziny", "Czas efektywny (h:mm)", "Poniżej progu"]
    by_holder = {row[3]: row for row in rows[1:-1]}
    assert by_holder["Łucja Ćwik"][6:9] == ["1,0", "0:50", "nie"]
    assert by_holder["Żaneta Śliwa"][6:9] == ["1,0", "0:01", "tak"]

    body = client.get(REGISTER).content.decode()
    flagged = body.split('<tr class="report-row--flagged">')
    assert len(flagged) == 2
    assert "Żaneta Śliwa" in flagged[1].split("</tr>")[0]
    assert "<strong>TAK – poniżej progu</strong>" in flagged[1].split("</tr>")[0]

    pdf = pypdf.PdfReader(io.BytesIO(client.get(REGISTER + "export/pdf/").content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Poniżej progu" in text and "0:01 tak" in text
