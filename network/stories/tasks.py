"""The work on a partner's story after it is saved, in the background.

    process_story      re-encode the photos, make the draft page, start its moderation
    send_story_email   confirm to the partner; tell staff once the draft is there

Each is queued in the transaction that makes it due (the confirmation with the
story, the staff email with the draft page), so it is queued exactly once, and
each does its work at most once however often it runs (a retry, a worker killed
mid-way, staff asking again): the page is made under a lock on the submission,
and an email is marked as sent on the submission. A failure is retried with
back-off; after STORY_PROCESSING_ATTEMPTS the story needs attention, staff are
told with the problem, and the admin can run it again.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from network.models import StorySubmission
from operations.tasks import enqueue, enqueue_retry

from . import notifications, processing

logger = logging.getLogger(__name__)

TO_PARTNER = "partner_confirmed_at"
TO_STAFF = "moderators_notified_at"
SENDERS = {
    TO_PARTNER: notifications.confirm_to_partner,
    TO_STAFF: notifications.notify_moderators,
}


class EmailNotSent(Exception):
    pass


def queue_story(submission):
    return enqueue(process_story, submission.pk)


def queue_email(submission, field):
    return enqueue(send_story_email, submission.pk, field)


def open_submission(submission_id):
    submission = StorySubmission.objects.filter(pk=submission_id).first()
    if submission is None or submission.personal_data_purged_at:
        return None  # deleted or purged since it was queued
    return submission


@task()
def process_story(submission_id, attempt=1):
    submission = open_submission(submission_id)
    if submission is None:
        return "gone"
    try:
        processing.make_draft(submission_id)
    except processing.AlreadyHandled:
        return "already made"
    except Exception as error:
        final = attempt >= settings.STORY_PROCESSING_ATTEMPTS
        with transaction.atomic():
            processing.record_failure(submission_id, error, attempt, final)
            if final:
                # Nothing more will be tried: staff hear now, with the problem.
                queue_email(submission, TO_STAFF)
            else:
                enqueue_retry(process_story, submission_id, attempt=attempt)
        raise
    return "made"


@task()
def send_story_email(submission_id, field, attempt=1):
    submission = open_submission(submission_id)
    if submission is None:
        return "gone"
    if getattr(submission, field) is not None:
        return "already sent"
    if SENDERS[field](submission) is False:
        if attempt < settings.STORY_PROCESSING_ATTEMPTS:
            enqueue_retry(send_story_email, submission_id, field, attempt=attempt)
        raise EmailNotSent(f"Story {submission.reference}: {field} not sent (attempt {attempt})")
    StorySubmission.objects.filter(pk=submission_id).update(**{field: timezone.now()})
    return "sent"
