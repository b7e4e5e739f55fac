"""Emails about courses, through the accounts app's templated sender."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.emails import send_templated_email


def send_assignments(enrolments) -> None:
    """Tell each newly assigned learner about the course and its deadline."""
    for enrolment in enrolments:
        send_templated_email(
            to=enrolment.user.email,
            template="courses/email/assigned",
            context={
                "user": enrolment.user,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "url": f"{settings.SITE_URL}{enrolment.course.url}",
            },
        )


def send_completion(enrolment) -> None:
    """Congratulate the learner on completing a course."""
    send_templated_email(
        to=enrolment.user.email,
        template="courses/email/completed",
        context={
            "user": enrolment.user,
            "course": enrolment.course,
            "url": f"{settings.SITE_URL}{enrolment.course.url}",
        },
    )


def send_certificate_issued(certificate) -> None:
    """Tell the learner their certificate is ready, with the link to it."""
    if certificate.user is None:
        return
    send_templated_email(
        to=certificate.user.email,
        template="courses/email/certificate_issued",
        context={
            "user": certificate.user,
            "certificate": certificate,
            "url": f"{settings.SITE_URL}{reverse('courses:my_certificates')}",
        },
    )


def send_deadline_reminders(enrolments) -> None:
    """Remind each learner to finish the course by its deadline."""
    today = timezone.localdate()
    for enrolment in enrolments:
        send_templated_email(
            to=enrolment.user.email,
            template="courses/email/deadline_reminder",
            context={
                "user": enrolment.user,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "overdue": enrolment.deadline is not None and enrolment.deadline < today,
                "url": f"{settings.SITE_URL}{enrolment.course.url}",
            },
        )
