"""The background worker resumes what it was doing when it was killed: a
task left RUNNING under its id goes back to the queue when it starts again,
and then finishes; other workers' tasks are left alone."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from courses.certificates.tasks import certificate_batch_build
from courses.models import CertificateBatch
from lms import worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def claimed_batch(user, worker_id: str) -> tuple[CertificateBatch, DBTaskResult]:
    """A certificate ZIP job as a worker leaves it when killed mid-task."""
    batch = CertificateBatch.objects.create(requested_by=user, total=0)
    result = certificate_batch_build.enqueue(batch.pk, [])
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker_id)
    CertificateBatch.objects.filter(pk=batch.pk).update(status=CertificateBatch.Status.RUNNING)
    return batch, task


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.django_db(transaction=True)
def test_restarted_worker_finishes_the_task_it_was_killed_in(admin_user, site_shell):
    mine, my_task = claimed_batch(admin_user, "worker-a")
    theirs, their_task = claimed_batch(admin_user, "worker-b")

    assert worker.tasks_requeue_interrupted(worker_id="worker-a") == [str(my_task.pk)]
    my_task.refresh_from_db()
    their_task.refresh_from_db()
    assert my_task.status == TaskResultStatus.READY
    assert their_task.status == TaskResultStatus.RUNNING  # another worker may still be on it

    call_command("run_worker", worker_id="worker-a", batch=True, verbosity=0)
    my_task.refresh_from_db()
    mine.refresh_from_db()
    assert my_task.status == TaskResultStatus.SUCCESSFUL, my_task.traceback
    assert my_task.worker_ids == ["worker-a", "worker-a"]
    assert mine.status == CertificateBatch.Status.READY and mine.file.name.endswith(".zip")
    theirs.refresh_from_db()
    assert theirs.status == CertificateBatch.Status.RUNNING


def test_worker_id_comes_from_the_instance_name(monkeypatch):
    monkeypatch.setenv("INSTANCE_NAME", "app-2-worker")
    assert worker.worker_id_default() == "app-2-worker"
    monkeypatch.setenv("INSTANCE_NAME", "x" * 80)
    assert len(worker.worker_id_default()) == 64
