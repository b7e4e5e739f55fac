"""Background jobs of the courses app, run by the django-tasks backend
(in-process by default, `manage.py db_worker` with TASKS_BACKEND=database)."""

import tempfile
import zipfile

from django.core.files import File
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from courses.certificates import credentials
from courses.certificates import files as certificate_files
from courses.models import Certificate, CertificateBatch

# How often (in certificates) the batch's visible progress is updated.
PROGRESS_EVERY = 25


# Jobs someone is waiting for (a ZIP, an evidence pack) go before the rest
# of the queue: a burst of completions queueing their PDFs never delays them
# (and a ZIP keeps the PDFs it renders).
WAITED_FOR_PRIORITY = 10


@task()
def certificate_pdf_build(certificate_id: int) -> None:
    """Render and keep a newly issued certificate's PDF, so its downloads
    serve a file; a retry after a crash finds it stored and does nothing."""
    certificate_files.certificate_pdf_store(certificate=Certificate.objects.get(pk=certificate_id))


@task(priority=WAITED_FOR_PRIORITY)
def certificate_batch_build(batch_id: int, certificate_ids: list[int]) -> None:
    """Put the selected certificates' PDFs into one ZIP (rendering and
    keeping those not kept yet), each with its credential (JWT and badge).
    A retried job starts again from the beginning and overwrites nothing but
    its own file."""
    batch = CertificateBatch.objects.get(pk=batch_id)
    CertificateBatch.objects.filter(pk=batch_id).update(
        status=CertificateBatch.Status.RUNNING, done=0
    )
    try:
        certificates = list(Certificate.objects.filter(pk__in=certificate_ids).in_register_order())
        pdfs = certificate_files.certificate_pdfs(certificates)
        with tempfile.TemporaryFile() as output:  # on disk: memory stays flat
            # PDFs are compressed inside already: stored as they are, not deflated again.
            with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as archive:
                for done, (certificate, pdf) in enumerate(zip(certificates, pdfs, strict=True), 1):
                    name = certificate.number.replace("/", "-")
                    archive.writestr(f"{name}.pdf", pdf)
                    for extension, content in credentials.files(certificate):
                        archive.writestr(f"{name}.{extension}", content)
                    if done % PROGRESS_EVERY == 0:
                        CertificateBatch.objects.filter(pk=batch_id).update(done=done)
            output.seek(0)
            batch.file.save(f"zaswiadczenia-{batch_id}.zip", File(output), save=False)
        CertificateBatch.objects.filter(pk=batch_id).update(
            file=batch.file.name,
            status=CertificateBatch.Status.READY,
            done=F("total"),
            finished_at=timezone.now(),
        )
    except Exception:
        CertificateBatch.objects.filter(pk=batch_id).update(
            status=CertificateBatch.Status.FAILED, finished_at=timezone.now()
        )
        raise
