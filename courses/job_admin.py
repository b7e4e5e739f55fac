"""Admin pages for files built in the background (certificate ZIPs,
evidence packs): the status page that refreshes itself while the job runs,
and the download, streamed from private storage."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse

# Seconds between looks at a background file still being built.
JOB_POLL_SECONDS = 3


def job_page(request, *, job, **context):
    """The job's status, progress and (once ready) download link."""
    return TemplateResponse(
        request,
        "courses/admin/job.html",
        {"job": job, "poll_seconds": JOB_POLL_SECONDS if job.in_progress else None, **context},
    )


def job_file_response(job, *, filename: str) -> FileResponse:
    """The finished file as a ZIP download; 404 while it is not there."""
    if job.status != job.Status.READY or not job.file:
        raise Http404
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/zip"
    )
