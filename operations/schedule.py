"""The jobs that run by themselves, from every worker (`manage.py worker`).

Each job is a management command run as a task, logged like any other. A job
every few minutes is due at the start of each period of the day; daily jobs at
DAILY_JOBS_AT, local time. A worker that was down runs each missed job once
when it comes back, not once per missed period.
"""

import datetime
import logging
from dataclasses import dataclass
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from .configuration import task_backend
from .models import ScheduledJob

logger = logging.getLogger(__name__)

MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    command: str
    arguments: tuple = ()

    def next_due_after(self, moment):
        local = timezone.localtime(moment)
        if self.every < DAY:
            midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
            return midnight + ((local - midnight) // self.every + 1) * self.every
        hour, minute = (int(part) for part in settings.DAILY_JOBS_AT.split(":"))
        today = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return today if today > local else today + DAY

    def run(self):
        output = StringIO()
        call_command(self.command, *self.arguments, stdout=output, stderr=output)
        return output.getvalue()[-2000:]


def jobs():
    """What runs, and when. Read at each tick, so settings apply without a restart."""
    every_day = [
        Job("purge_submissions", DAY, "purge_submissions"),
        Job("purge_search_stats", DAY, "purge_search_stats"),
        Job("purge_revisions", DAY, "purge_revisions", (f"--days={settings.REVISIONS_KEEP_DAYS}",)),
    ]
    if task_backend() == "database":
        every_day.append(Job("prune_task_results", DAY, "prune_db_task_results"))
    return [
        Job("publish_scheduled", MINUTE, "publish_scheduled"),
        # Stories whose task was lost (a queue emptied, a crash between saving
        # and queueing) are queued again; running one twice makes one draft.
        Job("requeue_waiting_stories", 10 * MINUTE, "requeue_waiting_stories"),
        *every_day,
    ]


def job_named(name):
    return next((job for job in jobs() if job.name == name), None)


def enqueue_due_jobs(now=None):
    """Claim every job that is due and queue its task; returns their names."""
    from .tasks import run_scheduled_job

    now = now or timezone.now()
    queued = []
    rows = {row.name: row for row in ScheduledJob.objects.all()}
    for job in jobs():
        row = rows.get(job.name)
        if row is None:
            row, _created = ScheduledJob.objects.get_or_create(
                name=job.name, defaults={"next_run_at": job.next_due_after(now - job.every)}
            )
        if row.next_run_at > now:
            continue
        with transaction.atomic():
            claimed = ScheduledJob.objects.filter(pk=row.pk, next_run_at=row.next_run_at).update(
                next_run_at=job.next_due_after(now), last_run_at=now
            )
            if claimed:
                run_scheduled_job.enqueue(job.name)
                queued.append(job.name)
    return queued
