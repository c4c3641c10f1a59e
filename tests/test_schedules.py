"""Scheduled publishing and the daily jobs happen with nobody acting: the
worker queues each job when it is due, once, however many workers there are."""

import datetime
import json

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.models import ScheduledJob
from operations.schedule import enqueue_due_jobs, jobs

from . import factories
from .worker_process import running_worker, wait_for

BANGKOK = datetime.timezone(datetime.timedelta(hours=7))


def healthz(client):
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_scheduled_a_minute_ahead_goes_live_with_nobody_acting(
    client, site_tree, database_tasks, tmp_path
):
    page = factories.ArticlePageFactory(
        parent=site_tree["articles"], live=False, title="เวทีภาคีเครือข่ายภาคใต้"
    )
    go_live_at = timezone.now() + datetime.timedelta(minutes=1)
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live, "scheduled, not published"
    assert client.get(page.url).status_code == 404

    with running_worker(tmp_path) as worker:
        assert wait_for(lambda: healthz(client)[0] == 200, timeout=30, worker=worker)
        wait_for(
            lambda: type(page).objects.filter(pk=page.pk, live=True).exists(),
            timeout=150,
            worker=worker,
            what="the scheduled page going live",
        )
    page.refresh_from_db()
    assert page.first_published_at >= go_live_at - datetime.timedelta(seconds=1)
    assert client.get(page.url).status_code == 200
    status, body = healthz(client)
    assert (status, body["failing"]) == (503, ["worker"]), "a stopped worker is noticed"


@pytest.mark.django_db
def test_each_job_is_queued_once_when_due_and_again_only_next_period(database_tasks):
    now = datetime.datetime(2026, 12, 7, 14, 3, 20, tzinfo=BANGKOK)
    first = enqueue_due_jobs(now)
    assert sorted(first) == sorted(job.name for job in jobs()), "every job runs on first start"
    assert enqueue_due_jobs(now) == [], "a second worker finds nothing due"
    assert DBTaskResult.objects.filter(task_path="operations.tasks.run_scheduled_job").count() == (
        len(first)
    )

    publish = ScheduledJob.objects.get(name="publish_scheduled")
    assert publish.next_run_at == datetime.datetime(2026, 12, 7, 14, 4, tzinfo=BANGKOK)
    assert enqueue_due_jobs(publish.next_run_at) == ["publish_scheduled"]
    ten_past = datetime.datetime(2026, 12, 7, 14, 10, tzinfo=BANGKOK)
    assert enqueue_due_jobs(ten_past) == ["publish_scheduled", "requeue_waiting_stories"]
    daily = ScheduledJob.objects.get(name="purge_submissions")
    at = timezone.localtime(daily.next_run_at)
    assert (at.hour, at.minute) == (3, 30), "daily jobs run at night, Bangkok time"
    assert at.utcoffset() == BANGKOK.utcoffset(None)


@pytest.mark.django_db
def test_a_worker_that_was_down_runs_a_missed_job_once(database_tasks):
    start = datetime.datetime(2026, 12, 7, 14, 3, 20, tzinfo=BANGKOK)
    enqueue_due_jobs(start)
    three_days_later = start + datetime.timedelta(days=3)
    again = enqueue_due_jobs(three_days_later)
    assert again.count("purge_submissions") == 1
    assert enqueue_due_jobs(three_days_later) == []
