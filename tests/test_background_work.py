"""Partners' stories with a real worker: saved at once, processed in the
background, and processed once even when the worker is killed mid-way."""

import time

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from network.models import StorySubmission

from . import story_helpers, test_story_email
from .database_locks import write_lock_held
from .story_helpers import form_data, only_submission, photo, post_story, recipients
from .worker_process import running_worker, wait_for

smtp_server = story_helpers.smtp_server
moderators = test_story_email.moderators

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARTNER = "somsri@example.org"


def drafts_titled(title):
    return Page.objects.filter(title=title, live=False).count()


def test_a_story_sent_while_the_worker_is_stopped_is_saved_at_once_and_done_when_it_starts(
    client, story_site, story_settings, smtp_server, moderators, database_tasks, tmp_path
):
    data = form_data(story_site)
    data["photos"] = [photo("เวที.jpg"), photo("วงคุย.jpg")]

    response = post_story(client, story_site, data, follow=True)

    assert response.status_code == 200
    submission = only_submission()
    assert submission.reference in response.content.decode(), "the partner has the reference"
    assert submission.files.count() == 2
    assert submission.page is None, "nothing is done in the partner's request"
    assert smtp_server.messages == []
    assert DBTaskResult.objects.ready().count() == 2, "the draft and the confirmation wait"

    with running_worker(tmp_path) as worker:
        wait_for(
            lambda: len(recipients(smtp_server, submission.reference)) == 3,
            timeout=60,
            worker=worker,
            what="the confirmation and the staff emails",
        )

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW
    page = submission.page.specific
    assert page.title == submission.title and not page.live
    assert page.current_workflow_state is not None, "the draft is in moderation"
    assert [photo.metadata_removed for photo in submission.files.all()] == [True, True]
    assert recipients(smtp_server, submission.reference) == sorted([PARTNER, *moderators])
    assert submission.partner_confirmed_at and submission.moderators_notified_at


def test_a_worker_killed_in_the_middle_of_a_story_leaves_one_draft_after_restart(
    client, story_site, story_settings, smtp_server, moderators, database_tasks, tmp_path
):
    data = form_data(story_site)
    data["photos"] = [photo(f"ภาพ{n}.jpg", size=(2400, 1800)) for n in range(10)]
    assert post_story(client, story_site, data).status_code == 302
    submission = only_submission()
    draft = DBTaskResult.objects.get(task_path="network.stories.tasks.process_story")

    with running_worker(tmp_path) as first:
        wait_for(
            lambda: DBTaskResult.objects.filter(pk=draft.pk, status="RUNNING").exists(),
            timeout=60,
            worker=first,
            what="the worker taking the story",
        )
        # Every write now waits: the worker stops where it is, in the middle of
        # the story, and is killed there.
        with write_lock_held("wagtailcore_page"):
            time.sleep(1)
            submission.refresh_from_db()
            assert submission.page_id is None
            first.kill()
    assert DBTaskResult.objects.get(pk=draft.pk).status == "RUNNING", "cut off, not finished"
    assert drafts_titled(submission.title) == 0

    with running_worker(tmp_path) as second:
        wait_for(
            lambda: StorySubmission.objects.filter(pk=submission.pk, page__isnull=False).exists(),
            timeout=60,
            worker=second,
            what="the draft page after the restart",
        )
        wait_for(
            lambda: (
                PARTNER in recipients(smtp_server, submission.reference)
                and len(recipients(smtp_server, submission.reference)) == 3
            ),
            timeout=30,
            worker=second,
            what="the emails",
        )
        assert "lost its worker; queued again" in second.log()

    assert drafts_titled(submission.title) == 1
    assert DBTaskResult.objects.get(pk=draft.pk).status == "SUCCESSFUL"
    assert recipients(smtp_server, submission.reference) == sorted([PARTNER, *moderators]), (
        "each email once"
    )
