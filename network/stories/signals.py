"""A partner hears from us when their story goes live, however it was published:
from the page editor, through moderation, or at a scheduled time."""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.signals import page_published

from network.models import StorySubmission

from . import notifications

logger = logging.getLogger(__name__)


def tell_partner(submission, page_url):
    if submission.email:
        notifications.published_to_partner(submission, page_url)
    else:
        logger.info("Story %s is published; its contact details are deleted", submission.reference)


def mark_submission_published(sender, instance, **kwargs):
    for submission in StorySubmission.objects.filter(page_id=instance.pk).exclude(
        status=StorySubmission.Status.PUBLISHED
    ):
        now = timezone.now()
        # Conditional, so a page published twice at once still sends one email.
        marked = (
            StorySubmission.objects.filter(pk=submission.pk)
            .exclude(status=StorySubmission.Status.PUBLISHED)
            .update(status=StorySubmission.Status.PUBLISHED, reviewed_at=now)
        )
        if not marked:
            continue
        submission.status = StorySubmission.Status.PUBLISHED
        submission.reviewed_at = now
        # After commit: a publish that is rolled back must not have been announced.
        transaction.on_commit(partial(tell_partner, submission, instance.full_url or ""))


def connect():
    page_published.connect(
        mark_submission_published, dispatch_uid="network.stories.mark_submission_published"
    )
