"""The evidence pack: one ZIP for a course (or all courses), an institution
and a period, holding every registered report in each of its formats, the
PDFs of the valid certificates issued in the period with their Open Badges
credentials, and a README listing
the files and the filters. It is built in the background with the
requester's scope as it is at build time, kept in private storage, and
removed after `PRIVATE_FILE_RETENTION_HOURS`."""

import tempfile
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from accounts import scopes
from courses import exports
from courses.certificates import credentials
from courses.certificates import files as certificate_files
from courses.certificates.selectors import certificates_in_scope
from courses.certificates.tasks import WAITED_FOR_PRIORITY
from courses.models import CertificateBatch, EvidencePack
from courses.reports import all as _all_reports  # noqa: F401 - registers every report
from courses.reports import base
from courses.reports.filters import PeriodFilterForm

# Report formats that go into the pack (the plain-comma CSV is left out: the
# Excel CSV and the XLSX carry the same rows).
PACK_FORMATS = ("csv", "xlsx", "pdf")
# Folder names inside the ZIP: plain ASCII, like the file names, so every
# unzip tool shows them right.
REPORTS_FOLDER = "raporty"
CERTIFICATES_FOLDER = "zaswiadczenia"
exports.EXPORT_LABELS["evidence_pack"] = gettext_lazy("evidence pack")


def pack_form(pack: EvidencePack, form_class=PeriodFilterForm):
    """The pack's filters as a bound, validated form of its requester."""
    form = form_class(
        {
            "course": pack.course_id or "",
            "institution": pack.institution_id or "",
            "period_from": pack.period_from.isoformat(),
            "period_to": pack.period_to.isoformat(),
        },
        user=pack.requested_by,
    )
    form.is_valid()
    return form


def _reports(pack):
    """Every registered report, each with its own form, in every pack format."""
    return [
        (report_class(pack_form(pack, report_class.form_class)), export_format)
        for report_class in base.REGISTRY.values()
        for export_format in PACK_FORMATS
        if export_format in report_class.formats
    ]


def _certificates(form):
    data = form.cleaned_data
    certificates = (
        certificates_in_scope(form.user)
        .valid()
        .filter(issued_at__date__gte=data["period_from"], issued_at__date__lte=data["period_to"])
    )
    if data.get("course"):
        certificates = certificates.filter(course=data["course"])
    if form.institution_ids is not None:
        certificates = certificates.filter(institution_id__in=form.institution_ids)
    return certificates.in_register_order()


@transaction.atomic
def evidence_pack_request(*, form: PeriodFilterForm) -> EvidencePack:
    """Queue the pack for a valid report form (its user asks); the background
    task builds it once this commits. The request is written to the audit log."""
    data = form.cleaned_data
    pack = EvidencePack.objects.create(
        requested_by=form.user,
        course=data.get("course"),
        institution=data.get("institution"),
        period_from=data["period_from"],
        period_to=data["period_to"],
    )
    exports.export_log(
        user=form.user,
        export="evidence_pack",
        export_format="zip",
        filters=form.described(),
        rows=0,
    )
    transaction.on_commit(lambda: evidence_pack_build_task.enqueue(pack.pk))
    return pack


def _readme(pack, form, names: list[str], certificate_count: int) -> str:
    lines = [
        _("Evidence pack – Cyfrowa Akademia"),
        "",
        _("Requested by: %(name)s (%(email)s)")
        % {"name": pack.requested_by.get_full_name(), "email": pack.requested_by.email},
        _("Built at: %(moment)s") % {"moment": f"{timezone.localtime():%Y-%m-%d %H:%M}"},
        "",
        _("Filters:"),
        *[f"  {label}: {value}" for label, value in base.described_filters(form)],
        "",
        _("Files:"),
        *[f"  {name}" for name in names],
        _(
            "  %(folder)s/ – %(count)s certificates (valid, issued in the period): the sealed PDF, "
            "the Open Badges credential (.jwt) and the badge with it baked in (.png)"
        )
        % {"folder": CERTIFICATES_FOLDER, "count": certificate_count},
        "",
        _(
            "Reports come as CSV for Excel (UTF-8, semicolons), XLSX and PDF; "
            "times are effective learning time (h:mm), except the time a SCORM/cmi5 "
            "package reports of itself, which is shown as its claim and never credited."
        ),
    ]
    return "\n".join(lines) + "\n"


def evidence_pack_build(pack: EvidencePack) -> None:
    """Write every file of the pack into one ZIP (on disk, not in memory),
    showing progress as it goes, then store it in private storage."""
    form = pack_form(pack)
    reports = _reports(pack)
    certificates = list(_certificates(form))
    EvidencePack.objects.filter(pk=pack.pk).update(
        status=EvidencePack.Status.RUNNING, total=len(reports) + len(certificates), done=0
    )
    step = EvidencePack.objects.filter(pk=pack.pk)
    names = []
    with tempfile.TemporaryFile() as output, translation.override(settings.LANGUAGE_CODE):
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            for report, export_format in reports:
                name = f"{REPORTS_FOLDER}/{report.file_name(export_format)}"
                archive.writestr(name, report.file_bytes(export_format))
                names.append(name)
                step.update(done=F("done") + 1)
            pdfs = certificate_files.certificate_pdfs(certificates)
            for number, (certificate, pdf) in enumerate(zip(certificates, pdfs, strict=True), 1):
                name = f"{CERTIFICATES_FOLDER}/{certificate.number.replace('/', '-')}"
                # compressed inside already: stored as they are
                archive.writestr(f"{name}.pdf", pdf, compress_type=zipfile.ZIP_STORED)
                for extension, content in credentials.files(certificate):
                    archive.writestr(
                        f"{name}.{extension}", content, compress_type=zipfile.ZIP_STORED
                    )
                if number % 25 == 0:
                    step.update(done=len(reports) + number)
            archive.writestr("README.txt", _readme(pack, form, names, len(certificates)))
        output.seek(0)
        pack.file.save(f"dowody-{pack.pk}.zip", File(output), save=False)
    step.update(
        file=pack.file.name,
        status=EvidencePack.Status.READY,
        done=F("total"),
        finished_at=timezone.now(),
    )


@task(priority=WAITED_FOR_PRIORITY)
def evidence_pack_build_task(pack_id: int) -> None:
    """The background job: build the pack, or mark it failed (and re-raise,
    so the worker records the error)."""
    pack = EvidencePack.objects.select_related("requested_by").get(pk=pack_id)
    try:
        evidence_pack_build(pack)
    except Exception:
        EvidencePack.objects.filter(pk=pack_id).update(
            status=EvidencePack.Status.FAILED, finished_at=timezone.now()
        )
        raise


def may_download(pack: EvidencePack, user) -> bool:
    """The person who asked, or a coordinator with the same scope."""
    if pack.requested_by_id == user.pk:
        return True
    return scopes.may_coordinate(user) and scopes.scope_institution_ids(
        user
    ) == scopes.scope_institution_ids(pack.requested_by)


def private_files_prune(*, now=None) -> int:
    """Delete evidence packs and certificate ZIPs (files and rows) older than
    the retention time; return how many went."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.PRIVATE_FILE_RETENTION_HOURS)
    removed = 0
    for model in (EvidencePack, CertificateBatch):
        for job in model.objects.filter(requested_at__lt=cutoff):
            if job.file:
                job.file.delete(save=False)
            job.delete()
            removed += 1
    return removed
