"""Expiry and re-certification: a course's validity period is snapshot on the
certificate at issue; the certificate's state (valid, expired, replaced,
revoked) is judged in one place and said the same way by the register, its
files, the verification page and "my certificates"; the holder is reminded
once; from the reminder day the course can be taken again from "my courses",
and completing the new attempt issues a certificate that replaces the old
one while the earlier attempt's time and quiz attempts stay."""

import csv
import io
from datetime import date, timedelta

import pypdf
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.catalogue.services import CourseError
from courses.certificates import expiry
from courses.certificates import render as certificate_pdf
from courses.certificates import services as certificates
from courses.models import Certificate, Enrolment, LearningSession, LessonProgress, QuizAttempt
from courses.progress import services as progress_services
from courses.progress.services import NO_ATTEMPTS_LEFT
from tests import factories
from tests.courses.catalogue.test_learner_pages import answers_for, ready
from tests.courses.competences import factories as comp
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db

REGISTER = "/admin/certificates/"
WRONG = {"Alt + F4", "Szyfrowanie dysku", "Prawda"}
RIGHT = {"Windows + L", "Szyfrowanie dysku", "Silne hasło logowania", "Fałsz"}


@pytest.fixture
def clock(monkeypatch):
    """Move the certificates' clock: `clock(days)` sets today to today + days."""

    def move(days: int):
        moved = timezone.localdate() + timedelta(days=days)
        monkeypatch.setattr(expiry, "today", lambda: moved)
        return moved

    return move


@pytest.fixture
def yearly(catalogue):
    """A two-lesson course whose certificates are valid for 12 months."""
    return factories.course_with_lessons(
        catalogue, 2, title="Cyberhigiena – co roku", hours=4, validity_months=12
    )


def complete(user, course, lessons) -> Certificate:
    """Complete the course through the learner's own actions."""
    Enrolment.objects.get_or_create(user=user, course=course, defaults={"method": "self"})
    for lesson in lessons:
        progress_services.lesson_open(user=user, lesson=lesson)
        progress_services.lesson_mark_done(user=user, lesson=lesson)
    return Certificate.objects.filter(user=user, course=course).order_by("-issued_at").first()


def test_expiry_date_is_a_snapshot_and_printed_on_the_certificate(yearly, course, learner_lo1):
    certificate = complete(learner_lo1, *yearly)
    issued = certificate.issue_date
    assert certificate.expires_on == expiry.expiry_date(issued, 12)
    assert certificate.expires_on.year == issued.year + 1
    # A month later on the same day, or the month's last day.
    assert expiry.expiry_date(date(2027, 1, 31), 1) == date(2027, 2, 28)
    # Changing the course later changes nothing issued.
    yearly[0].validity_months = 24
    yearly[0].save_revision().publish()
    certificate.refresh_from_db()
    assert certificate.expires_on == expiry.expiry_date(issued, 12)
    # A course without a validity period issues certificates that never expire.
    assert complete(learner_lo1, *course).expires_on is None
    text = "\n".join(
        page.extract_text()
        for page in pypdf.PdfReader(
            io.BytesIO(
                certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
            )
        ).pages
    )
    assert f"Ważne do\n{certificate.expires_on:%d.%m.%Y}" in text or (
        f"Ważne do {certificate.expires_on:%d.%m.%Y}" in text
    )


def test_state_is_judged_in_one_place_in_python_and_in_sql(yearly, county, learner_lo1, clock):
    certificate = complete(learner_lo1, *yearly)
    coordinator = factories.user_with_role(roles.COORDINATOR, email="k@example.org")

    def states():
        annotated = Certificate.objects.with_state().get(pk=certificate.pk)
        fresh = Certificate.objects.get(pk=certificate.pk)
        assert annotated.state_now == fresh.state
        return fresh.state

    assert states() == Certificate.State.VALID
    clock((certificate.expires_on - timezone.localdate()).days)  # its last valid day
    assert states() == Certificate.State.VALID
    clock((certificate.expires_on - timezone.localdate()).days + 1)
    assert states() == Certificate.State.EXPIRED
    assert Certificate.objects.in_state(Certificate.State.EXPIRED).get() == certificate
    assert Certificate.objects.get(pk=certificate.pk).state_label == "wygasłe"
    new = certificates.certificate_reissue(certificate=certificate, by=coordinator)
    assert states() == Certificate.State.REPLACED
    certificate = new
    certificates.certificate_revoke(certificate=certificate, by=coordinator, reason="Pomyłka")
    assert states() == Certificate.State.REVOKED


def test_register_files_and_verification_page_say_the_state(
    client, yearly, county, learner_lo1, learner_lo2, clock
):
    expiring = complete(learner_lo1, *yearly)
    other = complete(learner_lo2, *yearly)
    url = f"/certificates/verify/{expiring.code}/"
    body = client.get(url).content.decode()
    assert "Zaświadczenie jest ważne." in body
    assert f"Ważne do {expiring.expires_on:%Y-%m-%d}." in body
    clock(400)
    body = client.get(url).content.decode()
    assert f"Zaświadczenie wygasło: było ważne do {expiring.expires_on:%Y-%m-%d}." in body
    assert "jest ważne" not in body
    # The register page, its filter and its CSV say the same.
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="a@example.org")
    client.force_login(admin)
    page = client.get(REGISTER, {"status": "expired"}).content.decode()
    assert expiring.number in page and other.number in page and "wygasłe" in page
    assert client.get(REGISTER, {"status": "valid"}).context["page_obj"].paginator.count == 0
    response = client.get(f"{REGISTER}export/csv/")
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    header = rows[0]
    entry = {row[1]: row for row in rows[1:-1]}[expiring.number]
    assert entry[header.index("Status")] == "wygasłe"
    assert entry[header.index("Ważne do")] == f"{expiring.expires_on:%Y-%m-%d}"
    assert rows[-1][1] == "Razem – zaświadczeń: 2, ważnych: 0, wygasłych: 2, unieważnionych: 0"
    # The holder's own list says it too.
    ready(client, learner_lo1)
    assert "wygasłe" in client.get("/certificates/").content.decode()


def test_reminders_go_once_per_certificate(
    yearly, learner_lo1, learner_lo2, clock, settings, django_capture_on_commit_callbacks
):
    settings.CERTIFICATE_EXPIRY_REMINDER_DAYS = 30
    first = complete(learner_lo1, *yearly)
    second = complete(learner_lo2, *yearly)
    Certificate.objects.filter(pk=second.pk).update(expires_on=first.expires_on + timedelta(1))
    mail.outbox.clear()
    clock((first.expires_on - timezone.localdate()).days - 31)  # a day before the reminder
    out = io.StringIO()
    call_command("send_certificate_expiry_reminders", stdout=out)
    assert "Sent 0" in out.getvalue() and not mail.outbox
    clock((first.expires_on - timezone.localdate()).days - 30)
    with django_capture_on_commit_callbacks(execute=True):  # the emails go after the commit
        call_command("send_certificate_expiry_reminders", stdout=out)
    assert [message.to for message in mail.outbox] == [[learner_lo1.email]]
    message = mail.outbox[0]
    assert first.number in message.subject and "jest ważne do" in message.subject
    assert "Moje szkolenia" in message.body and "ukończ szkolenie ponownie" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certificate_expiry_reminders", stdout=out)  # again: nothing
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certificate_expiry_reminders", "--days", "31", stdout=out)
    assert [message.to for message in mail.outbox[1:]] == [[learner_lo2.email]]
    assert Certificate.objects.filter(expiry_reminded_at__isnull=True).count() == 0


def test_my_courses_offers_a_new_attempt_from_the_reminder_day(
    client, yearly, learner_lo1, learner_lo2, clock
):
    certificate = complete(learner_lo1, *yearly)
    enrolment = Enrolment.objects.get(user=learner_lo1)
    ready(client, learner_lo1)
    page = client.get("/my-courses/").content.decode()
    assert "Rozpocznij ponownie" not in page and "jest ważne do" not in page
    url = reverse("courses:enrolment_recertify", args=[enrolment.pk])
    client.post(url)
    assert Enrolment.objects.get(pk=enrolment.pk).attempt == 1  # not due: refused
    with pytest.raises(certificates.CertificateError) as refused:
        certificates.enrolment_recertify(enrolment=enrolment, by=learner_lo1)
    assert refused.value.message == certificates.NOT_DUE_FOR_RENEWAL
    clock((certificate.renewal_opens_on - timezone.localdate()).days)
    page = client.get("/my-courses/").content.decode()
    assert f"Twoje zaświadczenie jest ważne do {certificate.expires_on:%Y-%m-%d}." in page
    assert "Rozpocznij ponownie" in page and f'action="{url}"' in page
    # Another learner, a GET, a missing or malformed id: never the learner's enrolment.
    ready(client, learner_lo2)
    assert client.post(url).status_code == 404
    with pytest.raises(certificates.CertificateError) as refused:
        certificates.enrolment_recertify(enrolment=enrolment, by=learner_lo2)
    assert refused.value.message == certificates.NOT_YOURS
    ready(client, learner_lo1)
    assert client.get(url).status_code == 405
    assert client.post("/my-courses/999999/recertify/").status_code == 404
    assert client.post("/my-courses/abc/recertify/").status_code == 404
    assert Enrolment.objects.get(pk=enrolment.pk).attempt == 1
    client.logout()
    assert client.post(url).status_code == 302  # to the login page
    assert Enrolment.objects.get(pk=enrolment.pk).attempt == 1


def test_recertification_reopens_the_course_and_a_new_certificate_replaces_the_old(
    client, yearly, learner_lo1, clock
):
    course, lessons = yearly
    old = complete(learner_lo1, course, lessons)
    enrolment = Enrolment.objects.get(user=learner_lo1)
    LessonProgress.objects.filter(user=learner_lo1).update(effective_seconds=600)
    sessions = LearningSession.objects.filter(user=learner_lo1).count()
    clock((old.expires_on - timezone.localdate()).days + 5)  # expired already
    ready(client, learner_lo1)
    response = client.post(reverse("courses:enrolment_recertify", args=[enrolment.pk]))
    assert response.status_code == 302 and response["Location"] == course.url
    enrolment.refresh_from_db()
    assert enrolment.attempt == 2 and enrolment.completed_at is None
    assert enrolment.attempt_started_at is not None
    rows = LessonProgress.objects.filter(user=learner_lo1, course=course)
    assert {row.status for row in rows} == {LessonProgress.Status.NOT_STARTED}
    assert {row.marked_done_at for row in rows} == {None}
    assert sum(row.effective_seconds for row in rows) == 1200  # the evidence stays
    assert LearningSession.objects.filter(user=learner_lo1).count() == sessions
    page = client.get("/my-courses/").content.decode()
    assert "Rozpocznij ponownie" not in page  # the attempt runs
    assert "Przechodzisz szkolenie ponownie" in page
    # Still the old certificate until the new attempt is completed.
    old.refresh_from_db()
    assert old.status == Certificate.Status.VALID
    new = complete(learner_lo1, course, lessons)
    assert new != old and new.replaces_id == old.pk
    assert new.start_date == timezone.localdate(enrolment.attempt_started_at)
    old.refresh_from_db()
    assert old.state == Certificate.State.REPLACED
    clock(0)  # issued today for real: valid for the next 12 months
    assert new.state == Certificate.State.VALID
    assert new.expires_on == expiry.expiry_date(new.issue_date, 12)
    # Completing again (a retry) issues nothing more.
    enrolment.refresh_from_db()
    assert certificates.certificate_issue(enrolment=enrolment) == new
    assert Certificate.objects.filter(enrolment=enrolment).count() == 2
    # The register and the verification page say "replaced".
    body = client.get(f"/certificates/verify/{old.code}/").content.decode()
    assert "zastąpione" in body and new.number in body
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="a@example.org")
    client.force_login(admin)
    page = client.get(REGISTER).content.decode()
    assert f"zastąpione przez {new.number}" in page
    # One certificate per completion still holds in the database.
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            **{
                field.name: getattr(new, field.name)
                for field in Certificate._meta.concrete_fields
                if field.name not in {"id", "number", "code", "sequence_number", "replaces"}
            },
            number="X/1",
            code="x" * 32,
            sequence_number=999,
        )


def post_quiz(user, lesson, choose):
    quiz_id, data = answers_for(lesson, choose)
    form = QueryDict(mutable=True)
    for key, values in data.items():
        form.setlist(key, values)
    return progress_services.quiz_attempt_submit(
        user=user, lesson=lesson, quiz_id=quiz_id, data=form
    )


def test_quiz_limits_and_passes_count_the_new_attempt_only(catalogue, learner_lo1, clock):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True, validity_months=12)
    (lesson,) = lessons
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    progress_services.lesson_open(user=learner_lo1, lesson=lesson)
    post_quiz(learner_lo1, lesson, WRONG)
    post_quiz(learner_lo1, lesson, WRONG)
    post_quiz(learner_lo1, lesson, RIGHT)  # the third of three: passed, completed
    certificate = Certificate.objects.get(user=learner_lo1)
    with pytest.raises(CourseError) as refused:
        post_quiz(learner_lo1, lesson, RIGHT)
    assert refused.value.message == NO_ATTEMPTS_LEFT
    clock((certificate.renewal_opens_on - timezone.localdate()).days)
    enrolment = Enrolment.objects.get(user=learner_lo1)
    certificates.enrolment_recertify(enrolment=enrolment, by=learner_lo1)
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=lesson)
    assert progress.quiz_summary == {} and progress.best_score is None
    # The earlier pass does not complete the lesson again; three new attempts are allowed.
    progress_services.lesson_open(user=learner_lo1, lesson=lesson)
    assert not LessonProgress.objects.get(pk=progress.pk).is_completed
    first = post_quiz(learner_lo1, lesson, WRONG)
    assert first.number == 4  # numbered on: every attempt is kept
    assert LessonProgress.objects.get(pk=progress.pk).quiz_summary[first.quiz_id]["attempts"] == 1
    post_quiz(learner_lo1, lesson, RIGHT)
    assert QuizAttempt.objects.filter(user=learner_lo1).count() == 5
    new = Certificate.objects.get(user=learner_lo1, replaces=certificate)
    assert new.status == Certificate.Status.VALID


def test_course_editor_shows_the_validity_field_in_polish(client, catalogue, county):
    catalogue_grant_permissions(catalogue=catalogue)
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course.trainers.add(trainer)
    course.save_revision().publish()
    client.force_login(trainer)
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ważność zaświadczenia (miesiące)" in page
    assert 'name="validity_months"' in page


def test_register_costs_the_same_for_1_and_50_expiring_certificates(
    client, catalogue, county, clock
):
    course, _lessons = factories.course_with_lessons(catalogue, 1, validity_months=12)
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="a@example.org")
    clock(400)  # every one expired

    def add_row(number: int) -> str:
        learner = factories.user_with_role(
            roles.LEARNER, email=f"r{number}@example.org", institution=county["lo1"]
        )
        enrolment = Enrolment.objects.create(
            user=learner, course=course, method="self", completed_at=timezone.now()
        )
        return certificates.certificate_issue(enrolment=enrolment).number

    client.force_login(admin)
    _one, fifty = assert_same_queries_for_1_and_50_rows(
        client, f"{REGISTER}?status=expired", add_row
    )
    assert "wygasłe" in fifty


def test_my_courses_costs_the_same_for_1_and_50_renewable_courses(
    client, catalogue, learner_lo1, clock
):
    clock(360)  # inside every certificate's renewal days
    # The courses first: publishing pages renews the site's cached generation.
    courses = [
        factories.course_with_lessons(catalogue, 1, validity_months=12)[0] for _ in range(50)
    ]

    def add_row(number: int) -> str:
        enrolment = Enrolment.objects.create(
            user=learner_lo1, course=courses[number], method="self", completed_at=timezone.now()
        )
        certificates.certificate_issue(enrolment=enrolment)
        return reverse("courses:enrolment_recertify", args=[enrolment.pk])

    ready(client, learner_lo1)
    _one, fifty = assert_same_queries_for_1_and_50_rows(client, "/my-courses/", add_row)
    assert fifty.count("Rozpocznij ponownie") == 50


def test_a_recertification_asks_for_the_post_test_again(client, catalogue, learner_lo1, clock):
    """The new certificate certifies a new assessment too: the earlier
    attempt's post-test does not complete the reopened course."""
    course, lessons = comp.measured_course(catalogue, pre=False, validity_months=12)
    enrolment = comp.enrol(learner_lo1, course)
    old = complete(learner_lo1, course, lessons)
    assert old is None  # the post-test is still to take
    comp.submit(enrolment=enrolment, kind="post", data=comp.answers("post", **comp.ALL_RIGHT))
    old = Certificate.objects.get(user=learner_lo1)
    clock((old.renewal_opens_on - timezone.localdate()).days)
    certificates.enrolment_recertify(enrolment=enrolment, by=learner_lo1)

    assert complete(learner_lo1, course, lessons) == old  # lessons done: not enough
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    ready(client, learner_lo1)
    page = client.get(course.url).content.decode()
    assert f'href="/courses/{course.pk}/competence-test/post/"' in page  # offered again
    comp.submit(enrolment=enrolment, kind="post", data=comp.answers("post", **comp.ALL_RIGHT))
    new = Certificate.objects.get(user=learner_lo1, replaces=old)
    assert new.status == Certificate.Status.VALID
    page = client.get(course.url).content.decode()
    assert f'href="/courses/{course.pk}/competence-test/post/"' not in page
