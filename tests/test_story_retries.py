"""A story whose draft page cannot be made is retried with back-off, then
needs attention, with the problem shown to staff, who can run it again."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from network.models import StorySubmission

from . import factories, story_helpers, test_story_admin
from .story_helpers import form_data, only_submission, parsed, post_story
from .worker_process import run_worker_once

smtp_server = story_helpers.smtp_server
moderator = test_story_admin.moderator
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROCESS = "network.stories.tasks.process_story"


def sent_to(smtp_server, address):
    return [parsed(message) for message in smtp_server.messages if address in message["to"]]


def waiting_retry():
    return DBTaskResult.objects.filter(task_path=PROCESS, status="READY").get()


def make_retry_due(retry):
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())


def in_thai(text, *plural_and_count):
    """What a Thai member of staff reads for the English source `text`."""
    with translation.override("th"):
        if plural_and_count:
            plural, count = plural_and_count
            return translation.ngettext(text, plural, count) % {"attempts": count}
        return translation.gettext(text)


def list_text(client):
    return client.get(reverse("story_submissions:index")).content.decode()


def test_a_failing_story_is_retried_with_back_off_then_needs_attention_and_can_be_run_again(
    client, story_site, story_settings, settings, moderator, database_tasks, smtp_server
):
    settings.STORY_MODERATOR_EMAILS = ["redaksi@example.org"]
    moderator_client, _user = moderator
    story_site["events"].delete()  # nowhere to put an event summary
    assert post_story(client, story_site, form_data(story_site)).status_code == 302
    submission = only_submission()

    delays = []
    for attempt in range(1, settings.STORY_PROCESSING_ATTEMPTS + 1):
        before = timezone.now()
        run_worker_once()
        submission.refresh_from_db()
        assert submission.processing_attempts == attempt
        assert submission.processing_error.startswith("LookupError")
        assert submission.page is None
        if attempt < settings.STORY_PROCESSING_ATTEMPTS:
            assert not submission.needs_attention
            assert in_thai(
                "Not made yet (%(attempts)s attempt); it will be tried again",
                "Not made yet (%(attempts)s attempts); it will be tried again",
                attempt,
            ) in list_text(moderator_client)
            retry = waiting_retry()
            delays.append(round((retry.run_after - before).total_seconds() / 30) * 30)
            make_retry_due(retry)

    assert delays == [30, 120, 480, 1920], "each wait four times the one before"
    assert submission.needs_attention
    assert not DBTaskResult.objects.filter(task_path=PROCESS, status="READY").exists()
    listing = list_text(moderator_client)
    assert "data-needs-attention" in listing
    assert in_thai("Needs attention") in listing
    filtered = moderator_client.get(reverse("story_submissions:index"), {"needs_attention": "true"})
    assert submission.reference in filtered.content.decode()
    staff = sent_to(smtp_server, "redaksi@example.org")
    assert len(staff) == 1
    assert submission.processing_error in staff[0].get_body().get_content()
    assert len(sent_to(smtp_server, "somsri@example.org")) == 1

    # Staff fix the cause and ask again: the story is queued, and made by the worker.
    factories.EventIndexPageFactory(parent=story_site["home"])
    response = moderator_client.post(
        reverse("story_submissions:make_draft", args=[submission.pk]), follow=True
    )
    queued = in_thai(
        "Story %(reference)s is queued again. Its draft page is made in the "
        "background, usually within a minute; moderators are emailed when it is."
    ) % {"reference": submission.reference}
    assert queued in response.content.decode()
    run_worker_once()

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW
    assert submission.page is not None and not submission.needs_attention
    assert len(sent_to(smtp_server, "redaksi@example.org")) == 2, "told again, with the page"
    assert len(sent_to(smtp_server, "somsri@example.org")) == 1, "the partner only once"


def test_an_email_the_mail_server_refused_is_sent_on_a_later_attempt(
    client, story_site, story_settings, database_tasks, smtp_server
):
    assert post_story(client, story_site, form_data(story_site)).status_code == 302
    smtp_server.reply = "451 4.3.0 Try again later"
    run_worker_once()
    submission = only_submission()
    assert submission.page is not None, "the draft does not wait for the mail server"
    assert submission.partner_confirmed_at is None

    smtp_server.reply = "250 Message accepted for delivery"
    for retry in DBTaskResult.objects.filter(status="READY"):
        assert retry.run_after > timezone.now() + datetime.timedelta(seconds=20)
        make_retry_due(retry)
    run_worker_once()

    submission.refresh_from_db()
    assert submission.partner_confirmed_at is not None
    assert len(sent_to(smtp_server, "somsri@example.org")) == 1
