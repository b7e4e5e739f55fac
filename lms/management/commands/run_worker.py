"""`manage.py run_worker`: the background worker to run in production and in
`make run` (instead of a bare `db_worker`). It works under a stable id,
queues again the tasks its previous run was interrupted in (`lms.worker`),
and rides out a database restart by waiting and starting over instead of
exiting. It stops cleanly on SIGTERM or SIGINT (after the current task)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections

from lms import worker


class Command(BaseCommand):
    help = "Run the task worker: resume interrupted tasks, survive database restarts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=worker.worker_id_default(),
            help="stable and unique per worker (default: INSTANCE_NAME or the host name)",
        )
        parser.add_argument("--queue-name", default="*", help="queues to process (default: all)")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between polls when idle"
        )
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument(
            "--retry-seconds",
            type=float,
            default=2.0,
            help="seconds to wait after losing the database before starting over",
        )

    def handle(self, *args, worker_id, queue_name, interval, batch, retry_seconds, **options):
        while True:
            try:
                requeued = worker.tasks_requeue_interrupted(worker_id=worker_id)
                if requeued:
                    self.stderr.write(f"Queued again after an interruption: {', '.join(requeued)}")
                call_command(
                    "db_worker",
                    worker_id=worker_id,
                    queue_name=queue_name,
                    interval=interval,
                    batch=batch,
                    reload=False,
                    startup_delay=False,
                    verbosity=options["verbosity"],
                )
                return  # stopped by a signal, or the queue is empty in batch mode
            except (OperationalError, InterfaceError) as error:
                self.stderr.write(f"Database unavailable ({error}); again in {retry_seconds} s.")
                close_old_connections()
                time.sleep(retry_seconds)
