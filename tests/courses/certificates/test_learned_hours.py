"""Hours that were learned: a course completes only when the learner's
effective time reaches its share of the planned hours, a certificate is
never issued (nor reissued) under it, and the certificate states the
effective time when the course says so."""

import io

import pypdf
import pytest

from courses.certificates import render as certificate_pdf
from courses.certificates import services as certificates
from courses.models import Certificate, CertificateSequence, Enrolment, LessonProgress
from courses.progress import services as progress_services
from tests import factories

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def hour_course(catalogue, site_shell):
    """A one-hour course asking 80% of it: 0:48 (2,880 s) of effective time."""
    return factories.course_with_lessons(
        catalogue, 2, title="Poczta bez phishingu", hours=1, completion_min_time_percent=80
    )


def work_through(user, course, lessons, *, seconds: int) -> Enrolment:
    """Do every lesson with the button, the heartbeats having credited `seconds`."""
    Enrolment.objects.get_or_create(user=user, course=course, defaults={"method": "self"})
    for lesson in lessons:
        progress_services.lesson_open(user=user, lesson=lesson)
    LessonProgress.objects.filter(user=user, lesson=lessons[0]).update(effective_seconds=seconds)
    for lesson in lessons:
        progress_services.lesson_mark_done(user=user, lesson=lesson)
    return Enrolment.objects.get(user=user, course=course)


def test_a_course_cannot_complete_under_its_share(hour_course, learner_lo1):
    course, lessons = hour_course
    enrolment = work_through(learner_lo1, course, lessons, seconds=2879)
    assert enrolment.completed_at is None  # one second short of 0:48
    assert not Certificate.objects.exists()
    LessonProgress.objects.filter(user=learner_lo1, lesson=lessons[0]).update(
        effective_seconds=2880
    )
    progress_services.course_completion_check(user=learner_lo1, course=course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.effective_seconds == 2880
    assert certificate.hours == 1


def test_no_certificate_for_a_completion_stored_under_the_share(hour_course, learner_lo1):
    """A completion stored before the share was raised keeps its completion
    but gets no certificate stating hours the learner did not learn."""
    course, lessons = hour_course
    course.completion_min_time_percent = 0
    course.save()
    enrolment = work_through(learner_lo1, course, lessons, seconds=60)
    Certificate.objects.all().delete()
    CertificateSequence.objects.all().delete()
    course.completion_min_time_percent = 80
    course.save()
    enrolment.refresh_from_db()
    with pytest.raises(certificates.CertificateError) as error:
        certificates.certificate_issue(enrolment=enrolment)
    assert error.value.message == certificates.UNDER_MIN_TIME
    assert not Certificate.objects.exists()
    assert not CertificateSequence.objects.filter(last_number__gt=0).exists()  # no number used


def test_reissue_is_refused_under_the_share(client, hour_course, learner_lo1, coordinator_lo1):
    course, lessons = hour_course
    course.completion_min_time_percent = 0
    course.save()
    old = Certificate.objects.get(enrolment=work_through(learner_lo1, course, lessons, seconds=60))
    course.completion_min_time_percent = 80
    course.save()
    client.force_login(coordinator_lo1)
    response = client.post(f"/admin/certificates/{old.pk}/reissue/", follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Efektywny czas nauki uczestnika jest poniżej wymaganego w tym szkoleniu progu "
        "planowanych godzin, więc nie można wydać zaświadczenia."
    ]
    old.refresh_from_db()
    assert old.status == Certificate.Status.VALID
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("shown", [True, False])
def test_the_certificate_states_the_effective_time_only_when_the_course_says_so(
    hour_course, learner_lo1, shown
):
    course, lessons = hour_course
    course.certificate_shows_effective_time = shown
    course.save()
    certificate = Certificate.objects.get(
        enrolment=work_through(learner_lo1, course, lessons, seconds=3000)
    )
    assert certificate.states_effective_time is shown
    text = pdf_text(
        certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    )
    assert "Liczba godzin 1" in text
    assert ("Efektywny czas nauki (h:mm) 0:50" in text) is shown
    assert ("0:50" in text) is shown


def test_a_later_change_of_the_setting_leaves_an_issued_certificate_as_issued(
    hour_course, learner_lo1
):
    course, lessons = hour_course
    certificate = Certificate.objects.get(
        enrolment=work_through(learner_lo1, course, lessons, seconds=3000)
    )
    course.certificate_shows_effective_time = True
    course.save()
    certificate.refresh_from_db()
    text = pdf_text(
        certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    )
    assert "Efektywny czas nauki" not in text
