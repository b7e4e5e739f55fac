"""Reads on certificates shared by the register in the admin, the reports
and the evidence pack: who may see the register and which certificates."""

from accounts import scopes
from courses.catalogue import selectors as catalogue_selectors
from courses.models import Certificate


def may_see_register(user) -> bool:
    return catalogue_selectors.sees_every_course(user)


def certificates_in_scope(user):
    """Every certificate for administrators; for a coordinator those issued
    to members of the institutions in their scope."""
    ids = scopes.scope_institution_ids(user)
    certificates = Certificate.objects.all()
    return certificates if ids is None else certificates.filter(institution_id__in=ids)


def course_page_section(request, course, enrolment) -> dict:
    """The certificate on an enrolled learner's course page, once they
    completed it (a section of courses.progress.sections)."""
    if not enrolment.completed_at:
        return {"certificate": None}
    certificate = Certificate.objects.for_user(request.user).valid().filter(course=course).first()
    return {"certificate": certificate}


def my_courses_section(user, courses) -> dict[int, dict]:
    """Each course's valid certificate on "my courses" (a section of
    courses.progress.sections; one query)."""
    certificates = {
        certificate.course_id: certificate
        for certificate in Certificate.objects.for_user(user).valid().filter(course__in=courses)
    }
    return {course.pk: {"certificate": certificates.get(course.pk)} for course in courses}
