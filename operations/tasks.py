"""Tasks of the operations app, and the helpers every app's tasks use."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .configuration import task_backend

logger = logging.getLogger(__name__)

# Backends whose queue is the site's own database (or none): a task queued inside
# a transaction is queued exactly when the transaction commits.
QUEUE_IN_TRANSACTION = ("database", "immediate")


def enqueue(task_, *args, **kwargs):
    """Queue `task_` so that the worker sees what this transaction wrote."""
    if (
        task_backend(task_.backend) in QUEUE_IN_TRANSACTION
        or not transaction.get_connection().in_atomic_block
    ):
        return task_.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task_.enqueue(*args, **kwargs), robust=True)
    return None


def retry_delay(attempt):
    """30 s, 2 min, 8 min, 32 min, ... after the first, second, third... failure."""
    return datetime.timedelta(seconds=settings.TASK_RETRY_BASE_SECONDS * 4 ** (attempt - 1))


def enqueue_retry(task_, *args, attempt, **kwargs):
    """Queue attempt number `attempt + 1` of `task_`, after its back-off."""
    backend = task_.get_backend()
    if backend.supports_defer:
        task_ = task_.using(run_after=timezone.now() + retry_delay(attempt))
    return enqueue(task_, *args, attempt=attempt + 1, **kwargs)


@task()
def run_scheduled_job(name):
    from .schedule import job_named

    job = job_named(name)
    if job is None:
        logger.warning("Scheduled job %r is no longer defined; skipped", name)
        return ""
    return job.run()
