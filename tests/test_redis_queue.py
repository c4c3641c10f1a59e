"""Larger sites: tasks on Redis through RQ and the cache on Redis, on Debian's
redis-server. A story sent through the form is queued on Redis once its
transaction commits, and a worker on another machine (here, another process)
makes its draft page and sends its emails."""

import json
import subprocess
import sys

import pytest
from django.core.cache import caches

from network.models import StorySubmission

from . import story_helpers, test_story_email
from .story_helpers import form_data, only_submission, post_story, recipients
from .worker_process import ROOT, run_worker_once, tasks_through, worker_environment

smtp_server = story_helpers.smtp_server
moderators = test_story_email.moderators


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_story_queued_on_redis_is_made_by_a_worker_of_the_redis_queue(
    client, story_site, story_settings, settings, smtp_server, moderators, redis_url
):
    import django_rq

    with tasks_through(settings, "redis", redis_url):
        assert post_story(client, story_site, form_data(story_site)).status_code == 302
        submission = only_submission()
        assert submission.page is None
        assert django_rq.get_queue("default").count == 2, "the draft and the confirmation"

        output = run_worker_once(TASKS_BACKEND="redis", REDIS_URL=redis_url)

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW, output
    assert submission.page is not None
    assert submission.partner_confirmed_at and submission.moderators_notified_at
    assert recipients(smtp_server, submission.reference) == sorted(
        ["somsri@example.org", *moderators]
    ), output


def test_with_redis_the_cache_is_shared_between_processes_and_healthz_checks_it(
    redis_url, settings
):
    script = (
        "import django, json, sys; django.setup()\n"
        "from django.core.cache import cache\n"
        "from django.test import Client\n"
        "cache.set('shared', 'from another process', 60)\n"
        "response = Client().get('/healthz')\n"
        "print(json.dumps(json.loads(response.content)['checks']))\n"
    )
    environment = worker_environment(
        REDIS_URL=redis_url, DATABASE_URL="sqlite:////nonexistent-directory/db.sqlite3"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert json.loads(finished.stdout)["cache"] == "ok", finished.stderr
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "cms",
        }
    }
    assert caches.create_connection("default").get("shared") == "from another process"
