"""manage.py worker: runs the site's background tasks and its schedules.

    manage.py worker           until stopped (systemd: deploy/systemd/, make run)
    manage.py worker --once    what is due and queued now, then exit (from a timer,
                               or to catch up by hand)

SIGTERM lets the task in hand finish first; a worker killed outright has its
task run again by the next worker (operations.worker).
"""

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.crypto import get_random_string

from operations.configuration import task_backend
from operations.worker import (
    Housekeeper,
    forget_workers_gone_for_a_day,
    housekeeping,
    stop_beating,
)

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run background tasks and the scheduled jobs (publishing, purges) until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Queue what is due, run every task that is ready, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at an empty queue (default 1).",
        )

    def handle(self, *, once, interval, verbosity, **options):
        if interval < 0:
            self.stderr.write("--interval must be zero or more seconds")
            raise SystemExit(2)
        backend = task_backend()
        worker_id = get_random_string(32)
        started_at = timezone.now()
        forget_workers_gone_for_a_day()
        # Alive before the first task is claimed, so no other worker takes it for lost.
        housekeeping(worker_id, started_at)
        if once:
            self.run_tasks(backend, worker_id, interval, batch=True, verbosity=verbosity)
            return
        self.stdout.write(f"Worker {worker_id} started (tasks: {backend})")
        housekeeper = Housekeeper(worker_id, started_at)
        housekeeper.start()
        try:
            self.run_tasks(backend, worker_id, interval, batch=False, verbosity=verbosity)
        finally:
            housekeeper.stop()
            housekeeper.join(timeout=5)
            stop_beating(worker_id)

    def run_tasks(self, backend, worker_id, interval, *, batch, verbosity):
        if backend == "database":
            arguments = ["--queue-name=*", f"--interval={interval}", f"--worker-id={worker_id}"]
            arguments += ["--batch", "--no-startup-delay"] if batch else ["--no-reload"]
            call_command("db_worker", *arguments, verbosity=verbosity)
        elif backend == "redis":
            arguments = ["default", "--with-scheduler", f"--name={worker_id}"]
            # RQ runs django.tasks' jobs only through their own job class.
            arguments.append("--job-class=django_tasks_rq.backend.Job")
            arguments += ["--burst"] if batch else []
            call_command("rqworker", *arguments, verbosity=verbosity)
        elif not batch:
            # Tasks run where they are queued; this process only keeps the schedule.
            threading.Event().wait()
