"""A partner sends a story through the public form; it becomes a draft page in
moderation, and the partner gets a reference number."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Collection

from articles.models import ArticlePage, EventPartner, EventSummaryPage
from network.models import Province, StorySubmission, StorySubmissionFile
from network.stories.forms import TIMING_SALT

from .story_helpers import (
    STORY_TEXT,
    assert_thai_field_error,
    csrf_token_from,
    elements,
    form_data,
    form_errors_notice,
    form_url,
    html_of,
    is_thai,
    only_submission,
    page_notice,
    pdf_bytes,
    photo,
    post_story,
    typed_value,
    upload,
)

pytestmark = pytest.mark.django_db


def thai(message):
    with translation.override("th"):
        return gettext(message)


def text_of(response):
    return " ".join(html_of(response).split())


def opened_seconds_ago(monkeypatch, seconds):
    """The form's timer as if the form had been opened that long ago."""
    then = time.time() - seconds
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: then)
        return signing.TimestampSigner(salt=TIMING_SALT).sign(str(int(then)))


def test_the_form_is_thai_with_the_notice_and_no_index(client, story_site, story_settings):
    response = client.get(form_url(story_site))

    assert response.status_code == 200
    assert form_url(story_site) == "/send-a-story/"
    html = html_of(response)
    assert '<html lang="th"' in html
    assert '<meta name="robots" content="noindex">' in html
    text = text_of(response)
    assert thai("Why we collect it") in text
    assert thai("Send the story") in text
    assert "privacy@example.org" in text, "where to ask for access or deletion"
    assert csrf_token_from(response)
    assert typed_value(response, "website") == ""
    assert typed_value(response, "kind") == "event"
    partner = story_site["partner"]
    assert any(
        tag == "option" and attrs.get("value") == str(partner.pk) and partner.name in text
        for tag, attrs, text in elements(html)
    )


def test_an_event_summary_becomes_a_draft_in_moderation(client, story_site, story_settings):
    pattani, yala = Province.objects.filter(name_th__in=["ปัตตานี", "ยะลา"]).order_by("name_th")
    data = form_data(story_site)
    data["photos"] = [
        photo("เวที-1.jpg", size=(800, 600), color=(200, 30, 30)),
        photo("เวที-2.jpg", size=(600, 800), color=(30, 30, 200)),
    ]

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    submission = only_submission()
    page = submission.page.specific
    assert isinstance(page, EventSummaryPage)
    assert page.get_parent().pk == story_site["events"].pk
    assert page.locale.language_code == "th"
    assert page.title == "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"
    assert page.slug and page.slug.isascii()
    assert page.start_date == datetime.date(2024, 6, 14)
    assert page.end_date == datetime.date(2024, 6, 15)
    assert page.participants_people == 53
    assert set(page.provinces.all()) == {pattani, yala}
    assert page.intro == "ภาคีอาสาสมัครชายแดนใต้ร่วมวางแผนการทำงานปีหน้า มีเยาวชนเข้าร่วมจากสามจังหวัด"
    assert [(block.block_type, block.value.source) for block in page.body] == [
        (
            "paragraph",
            "<p>ภาคีอาสาสมัครชายแดนใต้ร่วมวางแผนการทำงานปีหน้า<br/>มีเยาวชนเข้าร่วมจากสามจังหวัด</p>",
        ),
        ("paragraph", "<p>วงแลกเปลี่ยนช่วงบ่ายพูดถึงการดูแลกันในชุมชน</p>"),
    ]
    images = [photo.image for photo in submission.files.order_by("sort_order")]
    assert [image.pk for image in images] == [g.image_id for g in page.gallery_images.all()]
    assert page.hero_image == images[0]
    assert [(image.width, image.height) for image in images] == [(800, 600), (600, 800)]
    assert {image.collection.name for image in images} == {"เรื่องจากภาคี"}
    link = page.partner_links.get()
    assert link.partner == story_site["partner"]
    assert link.role == EventPartner.ORGANISER
    assert not page.live
    assert page.has_unpublished_changes
    assert page.workflow_in_progress
    assert page.current_workflow_state.status == "in_progress"
    assert submission.status == StorySubmission.Status.IN_REVIEW
    assert submission.processing_error == ""
    assert not EventSummaryPage.objects.live().exists()


def test_an_article_becomes_a_draft_article_with_a_gallery(client, story_site, story_settings):
    data = form_data(story_site, kind="article", start_date="", end_date="", participants="")
    data["photos"] = [photo("ภาพ-1.jpg"), photo("ภาพ-2.jpg"), photo("ภาพ-3.jpg")]

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    page = only_submission().page.specific
    assert isinstance(page, ArticlePage)
    assert page.get_parent().pk == story_site["articles"].pk
    assert [block.block_type for block in page.body] == ["paragraph", "paragraph", "gallery"]
    gallery = page.body[2].value
    images = [item["image"] for item in gallery["images"]]
    assert len(images) == 3
    assert page.hero_image == images[0]
    assert [link.partner for link in page.partner_links.all()] == [story_site["partner"]]
    assert not page.live
    assert page.workflow_in_progress


def test_an_article_needs_no_date_but_an_event_does(client, story_site, story_settings):
    response = post_story(client, story_site, form_data(story_site, start_date="", end_date=""))

    assert response.status_code == 200
    assert_thai_field_error(
        response, "start_date", thai("An event summary needs the date of the event.")
    )
    assert not StorySubmission.objects.exists()


def test_a_new_organisation_is_kept_for_staff_and_not_published(
    client, admin_client, story_site, story_settings
):
    data = form_data(story_site, partner="", new_organisation_name="กลุ่มเยาวชนรักษ์บ้านเกิด")

    response = post_story(client, story_site, data)

    assert response.status_code == 302
    submission = only_submission()
    assert submission.partner is None
    assert submission.new_organisation_name == "กลุ่มเยาวชนรักษ์บ้านเกิด"
    page = submission.page.specific
    assert not page.partner_links.exists()
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200
    assert "กลุ่มเยาวชนรักษ์บ้านเกิด" not in html_of(preview)


def test_a_chosen_partner_wins_over_a_typed_name(client, story_site, story_settings):
    data = form_data(story_site, new_organisation_name="ชื่อที่พิมพ์ไว้")

    assert post_story(client, story_site, data).status_code == 302

    submission = only_submission()
    assert submission.partner == story_site["partner"]
    assert submission.new_organisation_name == ""


def test_without_an_organisation_the_form_asks_for_one(client, story_site, story_settings):
    response = post_story(client, story_site, form_data(story_site, partner=""))

    assert response.status_code == 200
    assert_thai_field_error(
        response, "partner", thai("Please choose your organisation, or type its name below.")
    )
    assert not StorySubmission.objects.exists()


def test_the_thank_you_page_shows_the_reference(client, story_site, story_settings):
    response = post_story(client, story_site, form_data(story_site), follow=True)

    submission = only_submission()
    assert response.status_code == 200
    assert response.redirect_chain[0][1] == 302
    assert thai("Thank you: we have your story") in text_of(response)
    reference = [
        " ".join(text.split())
        for _tag, attrs, text in elements(html_of(response))
        if attrs.get("class") == "story-reference"
    ]
    assert reference == [f"{thai('Your reference number')} {submission.reference}"]
    year = timezone.localdate().year + 543
    assert submission.reference.startswith(f"{year}-")


def test_a_made_up_thank_you_address_is_not_found(client, story_site, story_settings):
    post_story(client, story_site, form_data(story_site))
    reference = only_submission().reference

    response = client.get(f"{form_url(story_site)}thanks/{reference}-0123456789abcdef0123/")

    assert response.status_code == 404


def test_consent_is_required_and_its_time_and_notice_are_kept(client, story_site, story_settings):
    refused = post_story(client, story_site, form_data(story_site, consent=None))

    assert refused.status_code == 200
    assert_thai_field_error(
        refused,
        "consent",
        thai("Please tick this box to agree to the notice; we cannot accept the story without it."),
    )
    assert typed_value(refused, "story") == STORY_TEXT
    assert not StorySubmission.objects.exists()

    before = timezone.now()
    assert post_story(client, story_site, form_data(story_site)).status_code == 302
    after = timezone.now()

    submission = only_submission()
    form_page = story_site["form"]
    assert before <= submission.consent_at <= after
    assert submission.notice_version == form_page.notice_version
    assert len(submission.notice_version) == 12
    assert submission.notice_text == form_page.notice_text
    assert "privacy@example.org" in submission.notice_text
    assert submission.retention_days == 365
    assert submission.language == "th"


def test_a_changed_notice_has_a_new_version(client, story_site, story_settings):
    form_page = story_site["form"]
    old_version = form_page.notice_version
    form_page.privacy_purpose = "เพื่อเผยแพร่เรื่องของภาคีบนเว็บไซต์มูลนิธิ"
    form_page.save_revision().publish()

    assert post_story(client, story_site, form_data(story_site)).status_code == 302

    submission = only_submission()
    assert submission.notice_version != old_version
    assert "เพื่อเผยแพร่เรื่องของภาคีบนเว็บไซต์มูลนิธิ" in submission.notice_text


def test_a_filled_trap_field_is_refused_and_nothing_saved(client, story_site, story_settings):
    response = post_story(client, story_site, form_data(story_site, website="http://spam.example"))

    assert response.status_code == 200
    assert form_errors_notice(response) == thai(
        "The form could not be sent. Please leave the last field empty."
    )
    assert typed_value(response, "story") == STORY_TEXT
    assert typed_value(response, "website") == "", "the trap is empty again"
    assert not StorySubmission.objects.exists()
    assert not mail.outbox


def test_a_form_sent_too_quickly_is_refused_until_enough_time_has_passed(
    client, story_site, story_settings, monkeypatch
):
    story_settings.STORY_MIN_FILL_SECONDS = 5
    just_opened = opened_seconds_ago(monkeypatch, 1)

    response = post_story(client, story_site, form_data(story_site, opened=just_opened))

    assert response.status_code == 200
    assert form_errors_notice(response) == thai(
        "That was quicker than anyone can fill in the form. Please check it and send it again."
    )
    assert typed_value(response, "title") == "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"
    # The form keeps its own timer, so the time already spent still counts.
    assert typed_value(response, "opened") == just_opened
    assert not StorySubmission.objects.exists()

    ready = opened_seconds_ago(monkeypatch, 6)
    response = post_story(client, story_site, form_data(story_site, opened=ready))

    assert response.status_code == 302
    assert only_submission().page is not None


def test_the_rate_limit_gives_429_in_thai_with_the_text_kept(client, story_site, story_settings):
    story_settings.STORY_RATE_LIMIT = 2
    for number in (1, 2):
        response = post_story(client, story_site, form_data(story_site, title=f"เรื่องที่ {number}"))
        assert response.status_code == 302

    title = "เรื่องที่สาม <b>ตัวหนา</b>"
    response = post_story(client, story_site, form_data(story_site, title=title))

    assert response.status_code == 429
    assert int(response["Retry-After"]) == story_settings.STORY_RATE_LIMIT_WINDOW
    notice = page_notice(response)
    assert is_thai(notice, quoting=["privacy@example.org"]), notice
    assert "privacy@example.org" in notice
    assert typed_value(response, "title") == title
    assert typed_value(response, "story") == STORY_TEXT
    assert typed_value(response, "email") == "somsri@example.org"
    assert typed_value(response, "partner") == [str(story_site["partner"].pk)]
    assert len(typed_value(response, "provinces")) == 2
    assert typed_value(response, "consent") is None
    assert "<b>" not in html_of(response)
    assert StorySubmission.objects.count() == 2

    # Another network is not held back.
    other = post_story(client, story_site, form_data(story_site), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302
    assert StorySubmission.objects.count() == 3


def test_a_failed_draft_page_keeps_the_story_and_thanks_the_partner(
    client, story_site, story_settings, settings
):
    settings.STORY_MODERATOR_EMAILS = ["redaksi@example.org"]
    story_site["events"].delete()
    data = form_data(story_site)
    data["photos"] = [photo("เวที.jpg")]

    response = post_story(client, story_site, data, follow=True)

    assert response.status_code == 200
    submission = only_submission()
    assert submission.reference in text_of(response)
    assert submission.status == StorySubmission.Status.NEW
    assert submission.page is None
    assert submission.processing_error.startswith("LookupError")
    assert submission.title == "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"
    assert submission.story == STORY_TEXT
    stored = submission.files.get()
    assert stored.kind == StorySubmissionFile.Kind.PHOTO
    assert stored.file.storage.exists(stored.file.name)
    staff = [message for message in mail.outbox if "redaksi@example.org" in message.to]
    assert len(staff) == 1
    assert submission.processing_error in staff[0].body
    assert [message.to for message in mail.outbox if message not in staff] == [
        ["somsri@example.org"]
    ]


def test_a_pdf_is_kept_for_staff_and_not_published(client, story_site, story_settings):
    data = form_data(story_site)
    sent = pdf_bytes()
    data["pdf"] = upload("รายงาน.pdf", sent, "application/pdf")

    assert post_story(client, story_site, data).status_code == 302

    submission = only_submission()
    kept = submission.files.get()
    assert kept.kind == StorySubmissionFile.Kind.PDF
    assert kept.original_name == "รายงาน.pdf"
    assert kept.size == len(sent)
    assert kept.file.read() == sent
    assert kept.file.name.endswith(".pdf")
    assert kept.image is None
    assert "รายงาน" not in str(submission.page.specific.body)


def test_photos_go_into_the_partner_stories_collection(client, story_site, story_settings):
    data = form_data(story_site)
    data["photos"] = [photo("เวที.jpg")]

    post_story(client, story_site, data)

    image = only_submission().files.get().image
    assert image.collection == Collection.objects.get(name="เรื่องจากภาคี")
    assert image.title == "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร (1)"
