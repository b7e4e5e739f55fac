"""The background worker's resilience, around django-tasks' database worker.

`manage.py db_worker` claims a task by marking it RUNNING with its worker id
and has no way back if it dies mid-task (killed, out of memory, machine
restarted): the task would stay RUNNING for ever and its job page would
spin. Workers here run under a stable id (`INSTANCE_NAME` or the host name),
so when a worker starts, any task still RUNNING under its own id was
interrupted by its previous life, and goes back to the queue. Every job of
this project starts over cleanly when run again (it rewrites its progress
and its file), so running it again is safe."""

import logging
import os
import socket

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def worker_id_default() -> str:
    """A worker's stable id: the instance name given to the deployment, or
    the host name (one worker per host), at most 64 characters."""
    return (os.environ.get("INSTANCE_NAME") or socket.gethostname())[:64]


@transaction.atomic
def tasks_requeue_interrupted(*, worker_id: str) -> list[str]:
    """Put the tasks that this worker id was running when it stopped back in
    the queue (READY); returns their ids. Only call it from the worker with
    that id, before it claims anything."""
    running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
    interrupted = [task for task in running if task.worker_ids and task.worker_ids[-1] == worker_id]
    for task in interrupted:
        task.status = TaskResultStatus.READY
        task.started_at = None
        task.save(update_fields=["status", "started_at"])
        logger.warning("Task %s (%s) was interrupted; queued again.", task.pk, task.task_path)
    return [str(task.pk) for task in interrupted]
