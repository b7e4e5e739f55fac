"""Background jobs of the courses app, run by the django-tasks backend
(in-process by default, `manage.py db_worker` with TASKS_BACKEND=database)."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import certificate_pdf
from .models import Certificate, CertificateBatch

# How often (in certificates) the batch's visible progress is updated.
PROGRESS_EVERY = 25


@task()
def certificate_batch_build(batch_id: int, certificate_ids: list[int]) -> None:
    """Render the selected certificates into one ZIP of PDFs. A retried job
    starts again from the beginning and overwrites nothing but its own file."""
    batch = CertificateBatch.objects.get(pk=batch_id)
    CertificateBatch.objects.filter(pk=batch_id).update(
        status=CertificateBatch.Status.RUNNING, done=0
    )
    try:
        branding = certificate_pdf.branding_load()
        buffer = io.BytesIO()
        certificates = Certificate.objects.filter(pk__in=certificate_ids).in_register_order()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, certificate in enumerate(certificates.iterator(), start=1):
                name = certificate.number.replace("/", "-")
                archive.writestr(
                    f"{name}.pdf", certificate_pdf.render_certificate_pdf(certificate, branding)
                )
                if done % PROGRESS_EVERY == 0:
                    CertificateBatch.objects.filter(pk=batch_id).update(done=done)
        batch.file.save(f"zaswiadczenia-{batch_id}.zip", ContentFile(buffer.getvalue()), save=False)
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
