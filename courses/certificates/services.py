"""Writes on certificates: issuing on course completion, revoking, reissuing,
re-certification (reopening a course whose certificate expires), expiry
reminders and asking for a bulk download. Keyword-only, atomic; refusals
raise CertificateError with one of the message constants below."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Min, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from accounts.models import Institution, User
from courses import emails
from courses.certificates import credentials, expiry, keys, tasks
from courses.certificates import designs as certificate_templates
from courses.models import (
    Certificate,
    CertificateBatch,
    CertificateSequence,
    CertificateSettings,
    CoursePage,
    Enrolment,
    LessonProgress,
    ModulePage,
)
from lms.errors import ServiceError
from lms.models import SiteSettings

NOT_COMPLETED = _("The learner has not completed this course, so there is nothing to certify.")
ALREADY_REVOKED = _("This certificate has already been revoked.")
REASON_REQUIRED = _("Give the reason for revoking the certificate.")
ONLY_VALID_REISSUED = _("Only a valid or revoked certificate can be reissued.")
PERIOD_REVERSED = _("The end of the period is before its start.")
NOT_YOURS = _("Only the learner may take their course again.")
NOT_DUE_FOR_RENEWAL = _(
    "This course cannot be taken again yet: it reopens shortly before your certificate expires."
)
UNDER_MIN_TIME = _(
    "The learner's effective learning time is below the share of the planned hours this "
    "course requires, so no certificate can be issued."
)


logger = logging.getLogger(__name__)


class CertificateError(ServiceError):
    """A refused certificate operation."""


def _site_settings(site: Site | None):
    site = site or Site.objects.get(is_default_site=True)
    return SiteSettings.for_site(site), CertificateSettings.for_site(site)


def _programme(course: CoursePage) -> list[str]:
    """Module titles where the course has modules, else its lesson titles."""
    modules = ModulePage.objects.live().child_of(course).order_by("path")
    if modules.exists():
        return list(modules.values_list("title", flat=True))
    return list(course.lessons().values_list("title", flat=True))


def _next_number(pattern: str, year: int) -> tuple[str, int, str]:
    """(register key, next number, formatted number) with the register's row
    locked until the issuing transaction ends: concurrent issues wait, and a
    rolled-back issue gives its number back."""
    key = pattern.format(year=year, number=0)
    try:
        with transaction.atomic():
            CertificateSequence.objects.get_or_create(key=key)
    except IntegrityError:  # created concurrently; the row exists now
        pass
    CertificateSequence.objects.filter(key=key).update(last_number=F("last_number") + 1)
    number = CertificateSequence.objects.select_for_update().get(key=key).last_number
    return key, number, pattern.format(year=year, number=number)


def _snapshot(*, enrolment: Enrolment, site: Site | None) -> dict:
    """What the certificate states, taken from the learner, the course and the
    site settings at the moment of issue; refused for a learner whose
    effective time is under the course's share of its hours."""
    site_settings, certificate_settings = _site_settings(site)
    user, course = enrolment.user, enrolment.course
    progress = LessonProgress.objects.filter(user=user, course=course).aggregate(
        first=Min("first_opened_at"), effective=Sum("effective_seconds")
    )
    first_opened, effective = progress["first"], progress["effective"] or 0
    if effective < course.min_effective_seconds:
        # Never a document stating hours the learner did not put in: a
        # settlement would reject it (completion asks the same, and this
        # also holds for completions stored before the share was raised).
        raise CertificateError(UNDER_MIN_TIME)
    now = timezone.now()
    # A re-certification certifies the new attempt, from its start.
    started = enrolment.attempt_started_at or first_opened or enrolment.enrolled_at
    return {
        "user": user,
        "course": course,
        "institution": user.institution,
        "template": course.certificate_template,
        "holder_name": user.get_full_name(),
        "learner_gender": user.gender,
        "institution_name": user.institution.name if user.institution else "",
        "course_title": course.title,
        "organiser_name": site_settings.organiser_name,
        "organiser_address": site_settings.organiser_address,
        "start_date": timezone.localdate(min(started, enrolment.completed_at or now)),
        "end_date": timezone.localdate(enrolment.completed_at or now),
        "hours": course.hours,
        "effective_seconds": effective,
        "states_effective_time": course.certificate_shows_effective_time,
        "outcomes_knowledge": course.knowledge,
        "outcomes_skills": course.skills,
        "outcomes_social": course.social,
        "programme": _programme(course),
        "signatory_name": certificate_settings.signatory_name,
        "signatory_title": certificate_settings.signatory_title,
        "issue_place": certificate_settings.issue_place,
        "issued_at": now,
        "expires_on": expiry.expiry_date(timezone.localdate(now), course.validity_months),
        "number_pattern": certificate_settings.number_pattern,
    }


def _create(*, snapshot: dict, enrolment: Enrolment, replaces: Certificate | None) -> Certificate:
    """Enter the certificate in the register; once that commits, a
    background task renders and keeps its PDF and the holder is emailed."""
    pattern = snapshot.pop("number_pattern")
    key, sequence_number, number = _next_number(pattern, snapshot["issued_at"].year)
    certificate = Certificate.objects.create(
        **snapshot,
        enrolment=enrolment,
        replaces=replaces,
        number=number,
        sequence_key=key,
        sequence_number=sequence_number,
    )
    # Signed now, in the issuing transaction (a tenth of a millisecond): the
    # credential exists whenever the certificate does.
    if keys.is_configured():
        certificate.credential = credentials.credential_sign(certificate)
        Certificate.objects.filter(pk=certificate.pk).update(credential=certificate.credential)
    # Robust: a failing mail server or queue never turns a stored completion
    # into an error page (a PDF not queued is kept at its first download).
    transaction.on_commit(lambda: tasks.certificate_pdf_build.enqueue(certificate.pk), robust=True)
    transaction.on_commit(lambda: emails.send_certificate_issued(certificate), robust=True)
    return certificate


def _replace(
    *, old: Certificate, enrolment: Enrolment, by: User | None, site: Site | None
) -> Certificate:
    """Mark `old` replaced and issue its successor under a new number with
    today's data: a correction (reissue) and a re-certification end the
    same way, and the old entry stays in the register pointing to the new."""
    old.status = Certificate.Status.REPLACED
    old.revoked_at = old.revoked_at or timezone.now()
    old.revoked_by = old.revoked_by or by
    old.save()
    snapshot = _snapshot(enrolment=enrolment, site=site)
    return _create(snapshot=snapshot, enrolment=enrolment, replaces=old)


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment, site: Site | None = None) -> Certificate:
    """Issue the certificate for a completed enrolment, exactly once per
    completion: called from the completion's own transaction, and a second
    call (a retry, a concurrent completion) returns the certificate already
    issued. A completed re-certification (its attempt started after the
    current certificate was issued) replaces that certificate. The learner
    gets an email with the link once the transaction commits. A learner
    under the course's share of effective time gets none."""
    if enrolment.completed_at is None:
        raise CertificateError(NOT_COMPLETED)
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).exists()
    current = (
        Certificate.objects.filter(enrolment=enrolment, replaced_by__isnull=True)
        .order_by("-issued_at", "-pk")
        .first()
    )
    if current is None:
        return _create(
            snapshot=_snapshot(enrolment=enrolment, site=site), enrolment=enrolment, replaces=None
        )
    started = enrolment.attempt_started_at
    if started is None or current.issued_at >= started:
        return current
    current = Certificate.objects.select_for_update().get(pk=current.pk)
    return _replace(old=current, enrolment=enrolment, by=None, site=site)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Withdraw a certificate (issued by mistake, or obtained unfairly); the
    verification page then says so, with the date."""
    if not reason.strip():
        raise CertificateError(REASON_REQUIRED)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.VALID:
        raise CertificateError(ALREADY_REVOKED)
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason.strip()
    certificate.save()
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, by: User, site: Site | None = None):
    """Issue a corrected certificate under a new number with today's data (a
    corrected name, for example); the old one stays in the register as
    replaced and its verification page points to nothing else. Refused,
    like issuing, for a learner under the course's share of effective time."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REPLACED or certificate.enrolment is None:
        raise CertificateError(ONLY_VALID_REISSUED)
    enrolment = Enrolment.objects.select_related("user__institution", "course").get(
        pk=certificate.enrolment.pk
    )
    return _replace(old=certificate, enrolment=enrolment, by=by, site=site)


@transaction.atomic
def enrolment_recertify(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Reopen a completed course for a new attempt because its certificate
    expires: the lessons start again (status, "done" marks, scores and the
    quizzes' shown results), and quiz attempt limits count from now. The
    effective time, the learning sessions and every quiz attempt stay: they
    are the attendance evidence of the earlier attempt. A course with a
    post-test asks for it again (competences.selectors.post_test_rule counts
    the current attempt's only). The certificate stays
    valid until the new attempt's completion replaces it (certificate_issue)."""
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if enrolment.user_id != by.pk:
        raise CertificateError(NOT_YOURS)
    current = Certificate.objects.valid().filter(enrolment=enrolment).order_by("-issued_at").first()
    if current is None or not current.renewable_on(expiry.today()):
        raise CertificateError(NOT_DUE_FOR_RENEWAL)
    now = timezone.now()
    enrolment.attempt += 1
    enrolment.attempt_started_at = now
    enrolment.completed_at = None
    enrolment.save(update_fields=["attempt", "attempt_started_at", "completed_at"])
    LessonProgress.objects.filter(user_id=enrolment.user_id, course=enrolment.course).update(
        status=LessonProgress.Status.NOT_STARTED,
        marked_done_at=None,
        completed_at=None,
        best_score=None,
        quiz_summary={},
    )
    logger.info(
        "Re-certification: enrolment %d reopened (attempt %d)", enrolment.pk, enrolment.attempt
    )
    return enrolment


@transaction.atomic
def certificate_expiry_reminders_send(*, certificates) -> int:
    """Remind each holder that their certificate expires and that the course
    can be taken again, once per certificate (`expiry_reminded_at`, set
    before the emails go out after the commit). Returns how many were sent."""
    sent = emails.reminders_stamp_and_send(
        list(certificates),
        field="expiry_reminded_at",
        send=emails.send_certificate_expiring,
        robust=True,
    )
    if sent:
        logger.info("Certificate expiry reminders: %d sent", sent)
    return sent


def sample_certificate(*, template: str, site: Site | None = None) -> Certificate:
    """An unsaved certificate with made-up data, for previewing a design."""
    site_settings, certificate_settings = _site_settings(site)
    now = timezone.now()
    return Certificate(
        number=certificate_settings.number_pattern.format(year=now.year, number=1),
        code="PODGLAD-" + "0" * 24,
        template=template if template in dict(certificate_templates.CHOICES) else "",
        holder_name="Zażółć Gęślą-Jaźń",
        institution_name="Urząd Gminy Przykładowo",
        course_title="Bezpieczna praca zdalna na służbowym laptopie",
        organiser_name=site_settings.organiser_name,
        organiser_address=site_settings.organiser_address,
        start_date=date(now.year, 1, 12),
        end_date=date(now.year, 1, 30),
        hours=8,
        effective_seconds=7 * 3600 + 12 * 60,
        states_effective_time=True,
        outcomes_knowledge=["Zna zasady bezpiecznej pracy zdalnej."],
        outcomes_skills=["Łączy się z siecią urzędu przez VPN.", "Szyfruje dysk laptopa."],
        outcomes_social=["Dba o ochronę danych mieszkańców."],
        programme=["VPN i aktualizacje", "Szyfrowanie dysku", "Blokada ekranu"],
        signatory_name=certificate_settings.signatory_name,
        signatory_title=certificate_settings.signatory_title,
        issue_place=certificate_settings.issue_place,
        issued_at=now,
    )


@transaction.atomic
def certificate_batch_request(
    *,
    user: User,
    certificates,
    course: CoursePage | None,
    institution: Institution | None,
    issued_from: date | None,
    issued_to: date | None,
) -> CertificateBatch:
    """Queue a ZIP of the certificates the coordinator selected (already
    limited to their scope); the background task builds it once this commits."""
    if issued_from and issued_to and issued_to < issued_from:
        raise CertificateError(PERIOD_REVERSED)
    batch = CertificateBatch.objects.create(
        requested_by=user,
        course=course,
        institution=institution,
        issued_from=issued_from,
        issued_to=issued_to,
        total=len(certificates),
    )
    ids = [certificate.pk for certificate in certificates]
    transaction.on_commit(lambda: tasks.certificate_batch_build.enqueue(batch.pk, ids))
    return batch
