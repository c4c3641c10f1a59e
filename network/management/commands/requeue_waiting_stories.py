"""Queue again the stories still waiting for their draft page after a while.

Run every minute by the worker's schedule (operations.schedule). A story's task
is queued with the story itself; this catches one whose task was lost (a Redis
queue emptied, a crash between saving and queueing). Queueing a story twice
makes one draft page and one set of emails (network.stories.tasks).
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.models import StorySubmission
from network.stories.tasks import queue_story

WAITING_LONGER_THAN = datetime.timedelta(minutes=15)


class Command(BaseCommand):
    help = "Queue again partners' stories that have waited long for their draft page."

    def handle(self, *args, **options):
        cutoff = timezone.now() - WAITING_LONGER_THAN
        waiting = StorySubmission.objects.filter(
            status=StorySubmission.Status.NEW,
            page__isnull=True,
            needs_attention=False,
            processing_attempts=0,
            personal_data_purged_at__isnull=True,
            submitted_at__lt=cutoff,
        )
        count = 0
        for submission in waiting.only("pk"):
            queue_story(submission)
            count += 1
        self.stdout.write(f"{count} waiting stories queued again")
