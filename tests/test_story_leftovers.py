"""A rejected or purged story leaves nothing public behind: its draft page, the
Wagtail images made from its photos and their renditions' files all go."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from network.models import StorySubmission

from .media_route import media_url
from .story_helpers import form_data, jpeg_bytes, only_submission, post_story, upload
from .test_story_admin import moderator, moderator_client  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_route")]


def story_with_photos(client, story_site):
    data = form_data(story_site)
    data["photos"] = [upload("a.jpg", jpeg_bytes()), upload("b.jpg", jpeg_bytes())]
    assert post_story(client, story_site, data).status_code == 302
    submission = only_submission()
    images = [stored.image for stored in submission.files.all()]
    paths = []
    for image in images:
        paths += [Path(image.file.path), Path(image.get_rendition("width-100").file.path)]
    return submission, images, paths


def assert_gone(client, submission, images, paths, media_root):
    assert not Page.objects.filter(pk=submission.page_id or 0).exists()
    assert not get_image_model().objects.filter(pk__in=[i.pk for i in images]).exists()
    for path in paths:
        assert not path.exists(), path.name
        assert client.get(media_url(path, media_root)).status_code == 404


def test_rejecting_deletes_the_draft_its_images_and_renditions(
    client,
    story_site,
    story_settings,
    moderator_client,  # noqa: F811
):
    submission, images, paths = story_with_photos(client, story_site)
    page_id = submission.page_id
    for path in paths:
        response = client.get(media_url(path, story_settings.MEDIA_ROOT))
        assert response.status_code == 200

    moderator_client.post(
        reverse("story_submissions:reject", args=[submission.pk]), {"reason": "ไม่ตรงหัวข้อ"}
    )

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.REJECTED
    assert not Page.objects.filter(pk=page_id).exists()
    assert_gone(client, submission, images, paths, story_settings.MEDIA_ROOT)
    # What the partner sent stays for staff until the notice's date.
    assert all(Path(f.file.path).exists() for f in submission.files.all())


def test_purging_deletes_the_draft_its_images_and_every_file(client, story_site, story_settings):
    submission, images, paths = story_with_photos(client, story_site)
    page_id = submission.page_id
    private = [Path(f.file.path) for f in submission.files.all()]
    StorySubmission.objects.filter(pk=submission.pk).update(
        submitted_at=submission.submitted_at - datetime.timedelta(days=400)
    )

    call_command("purge_submissions")

    assert not Page.objects.filter(pk=page_id).exists()
    assert_gone(client, submission, images, paths, story_settings.MEDIA_ROOT)
    assert not any(path.exists() for path in private)
