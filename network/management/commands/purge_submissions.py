"""Delete partners' personal data once the notice they agreed to says it goes.

    python manage.py purge_submissions            # delete what is due
    python manage.py purge_submissions --dry-run  # only say what is due

A submission that was never published loses its draft page and the images
made from its photos too. Each submission keeps the number of days its notice promised (retention_days),
so changing the form's setting later never shortens or lengthens a promise
already made. Run it daily (cron or a systemd timer). Running it again does
nothing more: purged submissions are marked and skipped.
"""

import contextlib
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from network.models import StorySubmission, StorySubmissionFile
from network.stories.discard import discard_draft


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def due_submissions(now):
    unpurged = StorySubmission.objects.filter(
        personal_data_purged_at__isnull=True, submitted_at__lt=now
    ).order_by("submitted_at", "pk")
    # The days differ per submission; there are few enough to compare here.
    return [submission for submission in unpurged.iterator() if submission.purge_due_at < now]


def delete_stored_files(files):
    folders = set()
    for submitted in files:
        name = submitted.file.name
        if name:
            # A missing file is already gone, which is what is wanted.
            submitted.file.storage.delete(name)
            folders.add((submitted.file.storage, os.path.dirname(name)))
    for storage, folder in folders:
        if folder:
            # Not empty, or already gone: either way nothing personal is left in it.
            with contextlib.suppress(OSError):
                os.rmdir(storage.path(folder))


def purge(submission, now):
    files = list(submission.files.all())
    if submission.status != StorySubmission.Status.PUBLISHED:
        # A draft never published holds the story and its photos under MEDIA_ROOT.
        discard_draft(submission)
    # Files first: if the database step fails, the next run finds the submission
    # still due and tries again, rather than leaving files nobody points to.
    delete_stored_files(files)
    blanked = {
        "contact_name": "",
        "email": "",
        "phone": "",
        "client_hash": "",
        "personal_data_purged_at": now,
    }
    if submission.status != StorySubmission.Status.PUBLISHED:
        blanked["story"] = ""
    with transaction.atomic():
        StorySubmissionFile.objects.filter(pk__in=[f.pk for f in files]).delete()
        StorySubmission.objects.filter(pk=submission.pk).update(**blanked)
    return len(files)


class Command(BaseCommand):
    help = (
        "Delete the contact details, files and (if never published) story text of "
        "partners' story submissions kept as long as their notice said."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the submissions that are due; change nothing.",
        )

    def handle(self, *args, **options):
        now = timezone.now()
        due = due_submissions(now)
        if not due:
            self.stdout.write("No story submissions are due for deletion of personal data.")
            return

        for submission in due:
            self.stdout.write(
                f"  {submission.reference}: sent {submission.submitted_at:%Y-%m-%d}, "
                f"kept {plural(submission.retention_days, 'day')}, {submission.get_status_display()}"
            )

        if options["dry_run"]:
            file_count = StorySubmissionFile.objects.filter(submission__in=due).count()
            self.stdout.write(
                f"Dry run: the personal data of {plural(len(due), 'submission')} "
                f"({plural(file_count, 'file')}) would be deleted. Nothing was changed."
            )
            return

        purged, file_count, failures = 0, 0, []
        for submission in due:
            try:
                file_count += purge(submission, now)
            except OSError as error:
                failures.append(submission.reference)
                self.stderr.write(f"Could not delete the files of {submission.reference}: {error}")
                continue
            purged += 1
        self.stdout.write(
            f"Deleted the personal data of {plural(purged, 'submission')} "
            f"({plural(file_count, 'file')})."
        )

        if failures:
            raise CommandError(
                f"{plural(len(failures), 'submission')} could not be purged "
                f"({', '.join(failures)}); fix the problem above and run the command again."
            )
