"""What every worker process does beside running tasks: say it is alive, hand
on the tasks of workers that died, and queue the scheduled jobs."""

import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import DatabaseError
from django.utils import timezone

from .configuration import task_backend
from .models import WorkerHeartbeat
from .schedule import enqueue_due_jobs

logger = logging.getLogger(__name__)


def beat(worker_id, started_at):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": now,
        },
    )


def live_worker_ids(now=None):
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS)
    return set(
        WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True)
    )


def requeue_tasks_of_dead_workers(now=None):
    """Tasks left running by a worker that stopped beating (killed, timed out,
    restarted by a deploy) become ready again. Every task here can run twice."""
    if task_backend() != "database":
        return 0  # RQ keeps its own registry of abandoned jobs
    from django_tasks_db.models import DBTaskResult

    live = live_worker_ids(now)
    requeued = 0
    for result in DBTaskResult.objects.running().only("pk", "worker_ids", "task_path"):
        if result.worker_ids and result.worker_ids[-1] in live:
            continue
        requeued += (
            DBTaskResult.objects.running()
            .filter(pk=result.pk, worker_ids=result.worker_ids)
            .update(status="READY", started_at=None)
        )
        logger.warning("Task %s (%s) lost its worker; queued again", result.pk, result.task_path)
    return requeued


def forget_workers_gone_for_a_day():
    """Rows of workers killed long ago, which never removed their own."""
    cutoff = timezone.now() - datetime.timedelta(days=1)
    WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()


def housekeeping(worker_id, started_at):
    """One round: heartbeat, dead workers' tasks, due jobs."""
    beat(worker_id, started_at)
    requeue_tasks_of_dead_workers()
    enqueue_due_jobs()


def stop_beating(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


class Housekeeper(threading.Thread):
    """Runs housekeeping every WORKER_HEARTBEAT_SECONDS beside the task loop,
    so a long task does not make its worker look dead. The first round is the
    worker's own, before it claims a task (manage.py worker)."""

    def __init__(self, worker_id, started_at):
        super().__init__(name="worker-housekeeping", daemon=True)
        self.worker_id = worker_id
        self.started_at = started_at
        self.stopping = threading.Event()

    def run(self):
        try:
            while not self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS):
                close_old_connections()
                try:
                    housekeeping(self.worker_id, self.started_at)
                except DatabaseError:
                    # A locked or restarting database: the next round tries again.
                    logger.exception("Worker housekeeping failed; trying again")
        finally:
            connection.close()

    def stop(self):
        self.stopping.set()
