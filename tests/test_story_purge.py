"""manage.py purge_submissions keeps the notice's promise: contact details and
files go once the days the partner was told have passed, and not before."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_factories import ImageFactory

from articles.models import ArticlePage
from network.models import StorySubmission, StorySubmissionFile
from network.stories.storage import submission_storage

pytestmark = pytest.mark.django_db


def submission_sent(story_site, days_ago, retention_days=365, **fields):
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    values = {
        "language": "th",
        "form_page": story_site["form"],
        "submitted_at": sent,
        "consent_at": sent,
        "contact_name": "สมชาย รักดี",
        "email": "somchai@example.org",
        "phone": "081 234 5678",
        "client_hash": "f" * 64,
        "kind": StorySubmission.Kind.ARTICLE,
        "title": "งานอาสาเยาวชน",
        "story": "เรื่องที่ภาคีเล่า",
        "notice_version": "abc123def456",
        "notice_text": "ระยะเวลาที่เก็บ: 365 วัน",
        "retention_days": retention_days,
    }
    values.update(fields)
    submission = StorySubmission.objects.create(**values)
    for order, (name, data) in enumerate(
        [("ภาพ.jpg", b"\xff\xd8 photo bytes"), ("รายงาน.pdf", b"%PDF-1.4 report")]
    ):
        submitted = StorySubmissionFile(
            submission=submission,
            kind=StorySubmissionFile.Kind.PDF
            if name.endswith("pdf")
            else StorySubmissionFile.Kind.PHOTO,
            original_name=name,
            content_type="application/pdf" if name.endswith("pdf") else "image/jpeg",
            size=len(data),
            sort_order=order,
        )
        submitted.file.save(name, ContentFile(data), save=False)
        submitted.save()
    return submission


def stored_paths(submission):
    return [Path(submission_storage.path(f.file.name)) for f in submission.files.all()]


# What a partner typed about themselves and the rate limit's hash of their address.
PERSONAL = ("contact_name", "email", "phone", "client_hash", "story")
# The record of what the partner agreed to, and when.
CONSENT = ("reference", "title", "consent_at", "notice_version", "notice_text", "retention_days")


def fields_of(submission, names):
    return {name: getattr(submission, name) for name in names}


def purge(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("purge_submissions", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_old_submissions_lose_contact_details_and_files(story_site, story_settings):
    old = submission_sent(story_site, days_ago=400)
    recent = submission_sent(story_site, days_ago=10)
    old_files, recent_files = stored_paths(old), stored_paths(recent)
    assert all(path.exists() for path in old_files + recent_files)
    old_before, recent_before = fields_of(old, PERSONAL + CONSENT), fields_of(recent, PERSONAL)
    assert all(old_before.values())

    output = purge()

    old.refresh_from_db()
    # The story was never published, so its text was only ever the partner's.
    assert fields_of(old, PERSONAL) == dict.fromkeys(PERSONAL, "")
    assert old.personal_data_purged_at is not None
    assert not old.files.exists()
    assert not any(path.exists() for path in old_files)
    # What staff need to answer a question about the consent stays, all of it.
    assert fields_of(old, CONSENT) == {name: old_before[name] for name in CONSENT}

    recent.refresh_from_db()
    assert fields_of(recent, PERSONAL) == recent_before
    assert recent.personal_data_purged_at is None
    assert recent.files.count() == 2
    assert all(path.exists() for path in recent_files)
    assert "Deleted the personal data of 1 submission (2 files)." in output
    assert old.reference in output and recent.reference not in output


def test_each_submission_keeps_the_days_its_notice_promised(story_site, story_settings):
    short = submission_sent(story_site, days_ago=40, retention_days=30)
    long = submission_sent(story_site, days_ago=40, retention_days=365)

    purge()

    short.refresh_from_db()
    long.refresh_from_db()
    assert fields_of(short, PERSONAL) == dict.fromkeys(PERSONAL, "")
    assert short.personal_data_purged_at is not None
    assert all(fields_of(long, PERSONAL).values()) and long.personal_data_purged_at is None


def test_published_stories_keep_their_text_and_page_images(story_site, story_settings):
    published = submission_sent(story_site, days_ago=400, status=StorySubmission.Status.PUBLISHED)
    image = ImageFactory()
    published.files.filter(kind=StorySubmissionFile.Kind.PHOTO).update(image=image)

    purge()

    published.refresh_from_db()
    assert published.story == "เรื่องที่ภาคีเล่า"
    contact = ("contact_name", "email", "phone", "client_hash")
    assert fields_of(published, contact) == dict.fromkeys(contact, "")
    assert not published.files.exists()
    assert get_image_model().objects.filter(pk=image.pk).exists()


def test_dry_run_changes_nothing(story_site, story_settings):
    old = submission_sent(story_site, days_ago=400)
    paths = stored_paths(old)

    output = purge("--dry-run")

    old.refresh_from_db()
    assert old.email == "somchai@example.org"
    assert old.story == "เรื่องที่ภาคีเล่า"
    assert old.personal_data_purged_at is None
    assert old.files.count() == 2
    assert all(path.exists() for path in paths)
    assert old.reference in output
    assert "Dry run" in output and "Nothing was changed." in output


def test_running_it_again_does_nothing_more(story_site, story_settings):
    old = submission_sent(story_site, days_ago=400)
    purge()
    old.refresh_from_db()
    first_purge = old.personal_data_purged_at

    output = purge()

    old.refresh_from_db()
    assert old.personal_data_purged_at == first_purge
    assert "No story submissions are due" in output


def test_an_unpublished_draft_is_deleted_with_the_personal_data(story_site, story_settings):
    draft = story_site["articles"].add_child(
        instance=ArticlePage(title="งานอาสาเยาวชน", live=False, kind=ArticlePage.Kind.NEWS)
    )
    old = submission_sent(
        story_site, days_ago=400, status=StorySubmission.Status.REJECTED, page=draft
    )

    purge()

    assert not Page.objects.filter(pk=draft.pk).exists()
    old.refresh_from_db()
    assert old.page_id is None


def test_files_that_cannot_be_deleted_fail_the_run(story_site, story_settings, monkeypatch):
    old = submission_sent(story_site, days_ago=400)

    def refuse(name):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(submission_storage, "delete", refuse)

    with pytest.raises(CommandError, match=old.reference):
        purge()
    old.refresh_from_db()
    # Not marked as purged, so the next run tries again.
    assert old.personal_data_purged_at is None


def test_unknown_options_are_refused(story_site):
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("purge_submissions", "--days=30")
