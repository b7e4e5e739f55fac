"""Emails about courses, through the accounts app's templated sender."""

from django.conf import settings
from django.db import transaction
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


def reminders_stamp_and_send(rows: list, *, field: str, send, robust: bool = False) -> int:
    """Record on each row when it was reminded (`field`), then send the
    reminders once that commits: the stamp is the trace the lists show and
    what keeps the daily commands to one reminder, and no email goes out for
    a stamp that was rolled back. Returns how many rows were reminded."""
    if not rows:
        return 0
    now = timezone.now()
    type(rows[0]).objects.filter(pk__in=[row.pk for row in rows]).update(**{field: now})
    for row in rows:
        setattr(row, field, now)
    transaction.on_commit(lambda: send(rows), robust=robust)
    return len(rows)


def send_certificate_expiring(certificates) -> None:
    """Tell each holder when their certificate expires and that they may take
    the course again from "My courses"."""
    url = f"{settings.SITE_URL}{reverse('courses:my_courses')}"
    today = timezone.localdate()
    for certificate in certificates:
        send_templated_email(
            to=certificate.user.email,
            template="courses/email/certificate_expiring",
            context={
                "user": certificate.user,
                "certificate": certificate,
                "expired": certificate.expires_on < today,
                "url": url,
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


def send_live_session_reminders(session, learners) -> None:
    """Remind each expected learner of a coming live session (local times,
    the course page and the calendar file; the meeting link itself shows on
    the course page shortly before the start)."""
    course_url = f"{settings.SITE_URL}{session.course.url}"
    calendar_url = f"{settings.SITE_URL}{reverse('courses:live_session_ics', args=[session.pk])}"
    for learner in learners:
        send_templated_email(
            to=learner.email,
            template="courses/email/live_session_reminder",
            context={
                "user": learner,
                "session": session,
                "course": session.course,
                "starts_at": timezone.localtime(session.starts_at),
                "ends_at": timezone.localtime(session.ends_at),
                "url": course_url,
                "calendar_url": calendar_url,
                "early_minutes": settings.LIVE_SESSION_EARLY_MINUTES,
            },
        )
