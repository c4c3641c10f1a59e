"""Staff review partners' stories in the admin: the listing, everything the
partner sent, the files, rejecting with a reason, and the partner hearing the
outcome by email."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image
from wagtail.models import Page, WorkflowState

from network.models import StorySubmission, StorySubmissionFile
from network.stories.admin_urls import submission_admin_url, submission_file_admin_url

from .story_helpers import pdf_bytes

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/stories/"
PDF_BYTES = pdf_bytes()


def jpeg_with_exif(name="ภาพกิจกรรม.jpg"):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make: metadata the partner never meant to publish
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(output, format="JPEG", exif=exif)
    output.name = name
    output.seek(0)
    return output


def pdf_upload(name="รายงาน.pdf"):
    upload = io.BytesIO(PDF_BYTES)
    upload.name = name
    return upload


def send_story(story_site, **overrides):
    """Send a story the way a partner does: open the form, fill it in, send it."""
    partner_client = Client()
    form_url = story_site["form"].url
    opened = re.search(
        r'name="opened" value="([^"]+)"', partner_client.get(form_url).content.decode()
    ).group(1)
    data = {
        "partner": story_site["partner"].pk,
        "new_organisation_name": "",
        "contact_name": "สมหญิง ใจดี",
        "email": "somying@example.org",
        "phone": "081 234 5678",
        "kind": "event",
        "title": "เวทีเยาวชนสามจังหวัด",
        "start_date": "2025-03-14",
        "participants": "45",
        "story": "เยาวชนสี่สิบห้าคนร่วมวางแผนงานอาสา\n\nวันที่สองลงพื้นที่",
        "photos": [jpeg_with_exif()],
        "pdf": pdf_upload(),
        "consent": "on",
        "opened": opened,
        "website": "",
    }
    data.update(overrides)
    response = partner_client.post(form_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StorySubmission.objects.order_by("-pk").first()


def make_submission(story_site, **fields):
    """A submission row without going through the form, for listing tests."""
    values = {
        "language": "th",
        "form_page": story_site["form"],
        "contact_name": "ผู้ส่ง",
        "email": "sender@example.org",
        "kind": StorySubmission.Kind.ARTICLE,
        "title": "เรื่องจากภาคี",
        "story": "เนื้อเรื่อง",
        "consent_at": timezone.now(),
        "notice_version": "abc123def456",
        "notice_text": "Why we collect it: ...",
        "retention_days": 365,
    }
    values.update(fields)
    return StorySubmission.objects.create(**values)


def login_as(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def moderator(django_user_model):
    """A moderator, who the data migration lets see and act on submissions."""
    return login_as(django_user_model, "moderator", "Moderators")


@pytest.fixture
def moderator_client(moderator):
    return moderator[0]


@pytest.fixture
def editor_client(django_user_model):
    """An editor: in the admin, but not allowed to see partners' personal data."""
    return login_as(django_user_model, "editor", "Editors")[0]


def test_moderators_see_the_menu_item_and_editors_do_not(moderator_client, editor_client):
    home = reverse("wagtailadmin_home")
    assert INDEX_URL in moderator_client.get(home).content.decode()
    assert INDEX_URL not in editor_client.get(home).content.decode()


@pytest.mark.parametrize("view", ["index", "inspect", "reject", "file"])
def test_staff_without_the_view_permission_are_turned_away(
    story_site, story_settings, editor_client, view
):
    submission = send_story(story_site)
    urls = {
        "index": INDEX_URL,
        "inspect": submission_admin_url(submission),
        "reject": reverse("story_submissions:reject", args=[submission.pk]),
        "file": submission_file_admin_url(submission.files.first()),
    }
    response = editor_client.get(urls[view])
    # Wagtail's answer to PermissionDenied: back to the dashboard with a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert submission.contact_name not in editor_client.get(response.url).content.decode()


def test_listing_shows_submissions_newest_first(story_site, story_settings, moderator_client):
    sent = send_story(story_site)
    typed = make_submission(
        story_site,
        title="ค่ายศิลปะเด็ก",
        new_organisation_name="กลุ่มเยาวชนรักษ์บ้านเกิด",
        submitted_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    html = moderator_client.get(INDEX_URL).content.decode()

    assert sent.reference in html and typed.reference in html
    assert html.index(typed.reference) < html.index(sent.reference)
    assert story_site["partner"].name in html
    assert "กลุ่มเยาวชนรักษ์บ้านเกิด (รอยืนยัน)" in html
    assert reverse("wagtailadmin_pages:edit", args=[sent.page_id]) in html
    assert submission_admin_url(sent) in html


def test_listing_filters_by_status(story_site, moderator_client):
    rejected = make_submission(
        story_site, title="เรื่องที่ไม่ผ่าน", status=StorySubmission.Status.REJECTED
    )
    waiting = make_submission(story_site, title="เรื่องที่รอตรวจ")

    html = moderator_client.get(INDEX_URL, {"status": "rejected"}).content.decode()

    assert rejected.reference in html
    assert waiting.reference not in html


def test_listing_filters_by_sent_date(story_site, moderator_client):
    old = make_submission(story_site, submitted_at=timezone.now() - datetime.timedelta(days=60))
    recent = make_submission(story_site)
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    html = moderator_client.get(INDEX_URL, {"submitted_at_from": since}).content.decode()

    assert recent.reference in html
    assert old.reference not in html


def test_listing_searches_by_reference_and_contact(story_site, moderator_client):
    wanted = make_submission(story_site, email="nida@example.org")
    other = make_submission(story_site)

    by_reference = moderator_client.get(INDEX_URL, {"q": wanted.reference}).content.decode()
    by_email = moderator_client.get(INDEX_URL, {"q": "nida@"}).content.decode()

    for html in (by_reference, by_email):
        assert wanted.reference in html
        assert other.reference not in html


def test_staff_cannot_add_submissions_in_the_admin(story_site, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    assert client.get(INDEX_URL + "new/").status_code == 404
    assert INDEX_URL + "new/" not in client.get(INDEX_URL).content.decode()


def test_inspect_shows_everything_sent_escaped(story_site, story_settings, moderator_client):
    submission = send_story(story_site, title="<script>alert('x')</script> เวทีเยาวชน")
    html = moderator_client.get(submission_admin_url(submission)).content.decode()

    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; เวทีเยาวชน" in html
    for shown in (
        submission.reference,
        "สมหญิง ใจดี",
        "somying@example.org",
        "081 234 5678",
        story_site["partner"].name,
        "เยาวชนสี่สิบห้าคนร่วมวางแผนงานอาสา",
        "ภาพกิจกรรม.jpg",
        "รายงาน.pdf",
        submission.notice_version,
        "privacy@example.org",  # part of the notice text the partner agreed to
        reverse("wagtailadmin_pages:edit", args=[submission.page_id]),
        reverse("wagtailadmin_pages:view_draft", args=[submission.page_id]),
    ):
        assert shown in html, shown
    for submitted in submission.files.all():
        assert submission_file_admin_url(submitted) in html


def test_inspect_offers_to_make_a_failed_draft_again(
    story_site, story_settings, moderator, mailoutbox
):
    client, user = moderator
    submission = make_submission(
        story_site, processing_error="LookupError: No Article index page to put the story under"
    )
    html = client.get(submission_admin_url(submission)).content.decode()
    assert "No Article index page to put the story under" in html

    response = client.post(reverse("story_submissions:make_draft", args=[submission.pk]))

    submission.refresh_from_db()
    assert response.status_code == 302
    assert submission.page is not None
    assert submission.status == StorySubmission.Status.IN_REVIEW
    assert submission.processing_error == ""
    assert submission.page.specific.current_workflow_state is not None
    assert any(submission.reference in message.subject for message in mailoutbox)
    assert user.email in {address for message in mailoutbox for address in message.to}


def test_make_draft_again_is_post_only(story_site, moderator_client):
    submission = make_submission(story_site, processing_error="LookupError: no index")
    url = reverse("story_submissions:make_draft", args=[submission.pk])
    assert moderator_client.get(url).status_code == 405
    submission.refresh_from_db()
    assert submission.page is None


def test_staff_download_the_files_as_attachments(story_site, story_settings, moderator_client):
    submission = send_story(story_site)
    pdf = submission.files.get(kind=StorySubmissionFile.Kind.PDF)

    response = moderator_client.get(submission_file_admin_url(pdf))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E0%B8%A3" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_files_are_not_given_to_anyone_else(story_site, story_settings, client, moderator_client):
    submission = send_story(story_site)
    photo = submission.files.get(kind=StorySubmissionFile.Kind.PHOTO)

    response = client.get(submission_file_admin_url(photo))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert moderator_client.get(reverse("story_submissions:file", args=[999999])).status_code == 404


def test_reject_needs_a_reason(story_site, story_settings, moderator_client, mailoutbox):
    submission = send_story(story_site)
    mailoutbox.clear()
    url = reverse("story_submissions:reject", args=[submission.pk])

    response = moderator_client.post(url, {"reason": "  "})

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW
    assert mailoutbox == []


def test_reject_tells_the_partner_and_ends_moderation(
    story_site, story_settings, moderator, mailoutbox
):
    client, user = moderator
    submission = send_story(story_site)
    workflow_state = submission.page.specific.current_workflow_state
    assert workflow_state is not None
    page_id = submission.page_id
    mailoutbox.clear()
    reason = "ภาพถ่ายมีใบหน้าเด็กที่ยังไม่ได้รับความยินยอมจากผู้ปกครอง"

    form = client.get(reverse("story_submissions:reject", args=[submission.pk]))
    assert 'name="reason"' in form.content.decode()
    response = client.post(
        reverse("story_submissions:reject", args=[submission.pk]), {"reason": reason}, follow=True
    )

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.REJECTED
    assert submission.rejection_reason == reason
    assert submission.reviewed_by == user
    assert submission.reviewed_at is not None
    # The draft is deleted, and its moderation with it.
    assert submission.page_id is None
    assert not Page.objects.filter(pk=page_id).exists()
    assert not WorkflowState.objects.filter(pk=workflow_state.pk).exists()
    assert reason in response.content.decode()
    assert any(
        message.level_tag == "success" and submission.reference in message.message
        for message in response.context["messages"]
    )

    (message,) = mailoutbox
    assert message.to == ["somying@example.org"]
    assert submission.reference in message.subject
    assert reason in message.body
    # The partner wrote in Thai, so the email is in Thai, not the English source text.
    with translation.override("th"):
        assert message.subject == gettext("About your story (reference %(reference)s)") % {
            "reference": submission.reference
        }
    assert "About your story" not in message.subject
    assert "Thank you for sending" not in message.body


def test_a_rejected_story_cannot_be_rejected_again(
    story_site, story_settings, moderator_client, mailoutbox
):
    submission = make_submission(story_site, status=StorySubmission.Status.REJECTED)
    url = reverse("story_submissions:reject", args=[submission.pk])
    response = moderator_client.post(url, {"reason": "ซ้ำ"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.rejection_reason == ""
    assert mailoutbox == []


def test_viewing_without_change_permission_offers_no_actions(
    story_site, story_settings, django_user_model
):
    submission = send_story(story_site)
    client, user = login_as(django_user_model, "reader")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_storysubmission"),
    )
    reject_url = reverse("story_submissions:reject", args=[submission.pk])

    html = client.get(submission_admin_url(submission)).content.decode()
    assert submission.reference in html
    assert reject_url not in html
    assert client.post(reject_url, {"reason": "ไม่ผ่าน"}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW


def test_publishing_the_draft_tells_the_partner_once(
    story_site, story_settings, mailoutbox, django_capture_on_commit_callbacks
):
    submission = send_story(story_site)
    page = submission.page.specific
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.PUBLISHED
    assert submission.reviewed_at is not None
    (message,) = mailoutbox
    assert message.to == ["somying@example.org"]
    assert submission.reference in message.subject
    page.refresh_from_db()
    assert page.full_url in message.body


def test_publishing_other_pages_changes_no_submission(
    story_site, story_settings, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(story_site, status=StorySubmission.Status.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        story_site["form"].save_revision().publish()
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.IN_REVIEW
    assert mailoutbox == []
