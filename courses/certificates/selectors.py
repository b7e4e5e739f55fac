"""Reads on certificates shared by the register in the admin, the reports
and the evidence pack: who may see the register and which certificates."""

from accounts import scopes
from courses.catalogue import selectors as catalogue_selectors
from courses.certificates import expiry
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
    """Each course's valid certificate on "my courses" (the newest, expired
    ones included), from its reminder day on the expiry notice, and whether
    the course may be taken again (a section of courses.progress.sections;
    one query)."""
    today = expiry.today()
    certificates = {
        certificate.course_id: certificate
        for certificate in Certificate.objects.for_user(user)
        .valid()
        .filter(course__in=courses)
        .select_related("enrolment")
        .order_by("issued_at", "pk")  # the newest last, so it wins
    }
    sections = {}
    for course in courses:
        certificate = certificates.get(course.pk)
        expires_on = certificate.expires_on if certificate is not None else None
        sections[course.pk] = {
            "certificate": certificate,
            "expiry_notice": expires_on is not None and expiry.reminder_date(expires_on) <= today,
            "certificate_expired": expires_on is not None and expires_on < today,
            "may_recertify": certificate is not None and certificate.renewable_on(today),
        }
    return sections
