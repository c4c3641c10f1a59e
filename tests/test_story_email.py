"""Emails about partners' stories, sent through a real SMTP server that the
tests start on loopback, and read as they arrived."""

import logging

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from . import story_helpers
from .story_helpers import (
    about,
    form_data,
    free_port,
    is_thai,
    only_submission,
    parsed,
    photo,
    post_story,
    subject_of,
)

pytestmark = pytest.mark.django_db

smtp_server = story_helpers.smtp_server


def thai(message, **params):
    with translation.override("th"):
        text = gettext(message)
    return text % params if params else text


def body_of(mail):
    return mail.get_body(preferencelist=("plain",)).get_content()


def assert_plain_text_only(mail):
    types = [part.get_content_type() for part in mail.walk()]
    assert types == ["text/plain"], f"{mail['Subject']!r} has parts {types}"
    assert mail.get_content_charset() == "utf-8"


@pytest.fixture
def moderators(django_user_model, settings):
    """A moderator who hears through the moderation workflow's group, one who
    hears through STORY_MODERATOR_EMAILS, and people who do not hear."""
    group = Group.objects.get(name="Moderators")
    moderator = django_user_model.objects.create_user("moderator", "moderator@example.org", "pw")
    moderator.groups.add(group)
    retired = django_user_model.objects.create_user(
        "retired", "retired@example.org", "pw", is_active=False
    )
    retired.groups.add(group)
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    settings.STORY_MODERATOR_EMAILS = ["redaksi@example.org"]
    return ["moderator@example.org", "redaksi@example.org"]


def test_the_partner_gets_a_thai_confirmation_with_the_reference(
    client,
    story_site,
    story_settings,
    smtp_server,
):
    response = post_story(client, story_site, form_data(story_site))

    assert response.status_code == 302
    submission = only_submission()
    to_partner = [
        (envelope, mail)
        for envelope, mail in about(smtp_server, submission.reference)
        if envelope["to"] == ["somsri@example.org"]
    ]
    assert len(to_partner) == 1
    envelope, mail = to_partner[0]
    assert envelope["from"] == "webmaster@localhost"
    assert mail["To"] == "somsri@example.org"
    assert_plain_text_only(mail)
    assert subject_of(mail) == thai(
        "We have received your story (reference %(reference)s)", reference=submission.reference
    )
    assert is_thai(subject_of(mail), quoting=[submission.reference])
    body = body_of(mail)
    assert f"{thai('Reference number')}: {submission.reference}" in body
    assert f"{thai('Title')}: เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร" in body
    assert "สมศรี ใจดี" in body
    # The notice the partner agreed to, as the form page gave it.
    form_page = story_site["form"]
    assert submission.notice_text == form_page.notice_text
    for line in form_page.notice_text.splitlines():
        assert line in body
    assert "privacy@example.org" in body
    # Contact details of staff or other partners are not in it.
    assert "moderator@example.org" not in body


def test_moderators_get_the_link_to_the_draft_page(
    client,
    story_site,
    story_settings,
    smtp_server,
    moderators,
):
    response = post_story(client, story_site, form_data(story_site))

    assert response.status_code == 302
    submission = only_submission()
    arrived = about(smtp_server, submission.reference)
    staff = [
        (envelope, mail) for envelope, mail in arrived if "somsri@example.org" not in envelope["to"]
    ]
    assert len(staff) == 1
    envelope, mail = staff[0]
    assert sorted(envelope["to"]) == moderators
    assert "retired@example.org" not in envelope["to"]
    assert "editor@example.org" not in envelope["to"]
    assert_plain_text_only(mail)
    assert subject_of(mail) == thai(
        "New partner story %(reference)s: %(title)s",
        reference=submission.reference,
        title="เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร",
    )
    body = body_of(mail)
    edit_url = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[submission.page_id])
    inspect_url = "http://testserver" + reverse("story_submissions:inspect", args=[submission.pk])
    assert edit_url in body
    assert inspect_url in body
    assert "somsri@example.org" in body, "staff can reach the partner"
    assert "081 234 5678" in body
    assert story_site["partner"].name in body


def test_a_new_organisation_is_flagged_to_moderators(
    client,
    story_site,
    story_settings,
    smtp_server,
    moderators,
):
    data = form_data(story_site, partner="", new_organisation_name="กลุ่มเยาวชนรักษ์บ้านเกิด")

    assert post_story(client, story_site, data).status_code == 302

    submission = only_submission()
    ((_envelope, mail),) = [
        item
        for item in about(smtp_server, submission.reference)
        if "redaksi@example.org" in item[0]["to"]
    ]
    body = body_of(mail)
    assert "กลุ่มเยาวชนรักษ์บ้านเกิด" in body
    assert thai("not in the partner list yet: please check it before adding it") in body


def test_markup_in_the_title_and_name_stays_plain_text(
    client,
    story_site,
    story_settings,
    smtp_server,
    moderators,
):
    title = "<script>alert('XSSMARK')</script> เวที <b>เยาวชน</b>"
    name = '<img src=x onerror="alert(1)"> สมศรี'
    data = form_data(story_site, title=title, contact_name=name)

    assert post_story(client, story_site, data).status_code == 302

    submission = only_submission()
    arrived = about(smtp_server, submission.reference)
    assert len(arrived) == 2
    for envelope, mail in arrived:
        assert_plain_text_only(mail)
        if "redaksi@example.org" in envelope["to"]:
            assert title in subject_of(mail)
        body = body_of(mail)
        # As typed: not escaped (it is not HTML), and never turned into markup.
        assert title in body
        assert name in body
        assert "&lt;" not in body
    # Nothing else that arrived (such as the moderation workflow's own
    # notifications) has an HTML part either.
    for message in smtp_server.messages:
        assert "text/html" not in [part.get_content_type() for part in parsed(message).walk()]


def test_a_failed_draft_page_is_reported_to_moderators(
    client,
    story_site,
    story_settings,
    smtp_server,
    moderators,
):
    story_site["events"].delete()

    assert post_story(client, story_site, form_data(story_site)).status_code == 302

    submission = only_submission()
    assert submission.processing_error
    staff = [
        mail
        for envelope, mail in about(smtp_server, submission.reference)
        if "redaksi@example.org" in envelope["to"]
    ]
    assert len(staff) == 1
    body = body_of(staff[0])
    assert submission.processing_error in body
    assert "/admin/pages/" not in body
    recipients = [envelope["to"] for envelope, _mail in about(smtp_server, submission.reference)]
    assert ["somsri@example.org"] in recipients, "the partner is still told"


@pytest.fixture
def smtp_down(settings):
    """Django's SMTP backend pointed at a loopback port where nothing listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.STORY_MODERATOR_EMAILS = ["redaksi@example.org"]


def test_with_the_mail_server_down_the_story_is_saved_and_the_partner_thanked(
    client, story_site, story_settings, smtp_down, caplog, settings
):
    data = form_data(story_site)
    data["photos"] = [photo("เวที.jpg")]

    with caplog.at_level(logging.ERROR, logger="network.stories.notifications"):
        response = post_story(client, story_site, data, follow=True)

    assert response.status_code == 200
    submission = only_submission()
    assert submission.reference in response.content.decode()
    assert thai("Thank you: we have your story") in response.content.decode()
    assert submission.page is not None
    assert submission.files.count() == 1
    failures = [record for record in caplog.records if "Could not send" in record.getMessage()]
    # Tests run tasks where they are queued, so every retry happens at once.
    assert len(failures) == 2 * settings.STORY_PROCESSING_ATTEMPTS, (
        "both emails were tried at every attempt and each failure logged"
    )
    assert submission.partner_confirmed_at is None, "not marked as sent: it never was"
    assert submission.moderators_notified_at is None


def test_a_mail_server_refusing_the_message_does_not_lose_the_story(
    client,
    story_site,
    story_settings,
    smtp_server,
    caplog,
):
    smtp_server.reply = "554 5.7.1 Message rejected"

    with caplog.at_level(logging.ERROR, logger="network.stories.notifications"):
        response = post_story(client, story_site, form_data(story_site))

    assert response.status_code == 302
    assert only_submission().page is not None
    assert not smtp_server.messages
    assert any("Could not send" in record.getMessage() for record in caplog.records)
