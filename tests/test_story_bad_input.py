"""Hostile and broken input to the partners' story form.

Every case is posted through the test client as a browser or a bot would. None
may give a server error, none may leave markup that a browser would run in any
page or email where the input shows up, and an otherwise valid story is never
lost: it is saved once, with its draft page. Refused input comes back with a
Thai error next to the field and with what was typed still in the form.
"""

import io
import random
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.test.client import encode_multipart
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from articles.models import ArticlePage, EventSummaryPage
from network.models import PartnerOrganisation, StorySubmission, StorySubmissionFile
from network.stories.forms import TIMING_SALT
from network.stories.text import clean_line, clean_multiline

from . import factories
from .story_helpers import (
    assert_mail_is_plain_text,
    assert_no_runnable_markup,
    assert_no_runnable_markup_from,
    assert_thai_field_error,
    blank_png,
    csrf_token_from,
    elements,
    field_error,
    form_data,
    form_errors_notice,
    form_url,
    html_of,
    image_bytes,
    is_thai,
    jpeg_bytes,
    only_submission,
    page_notice,
    pdf_bytes,
    photo,
    png_bytes,
    png_with_header_size,
    post_story,
    staff_views,
    typed_value,
    upload,
    webp_bytes,
)

pytestmark = pytest.mark.django_db

MARK = "XSSMARK"

# Each carries MARK where a browser would run it if it were not escaped.
PAYLOADS = {
    "script": "<script>alert('XSSMARK')</script>",
    "img-onerror": "<img src=x onerror=\"alert('XSSMARK')\">",
    "svg-onload": "<svg/onload=alert('XSSMARK')>",
    "attribute-breakout": "\"><script>alert('XSSMARK')</script>",
    "single-quote-breakout": "' autofocus onfocus='alert(\"XSSMARK\")",
    "textarea-breakout": "</textarea><script>alert('XSSMARK')</script>",
    "title-breakout": "</title><script>alert('XSSMARK')</script>",
    "javascript-link": "<a href=\"javascript:alert('XSSMARK')\">อ่านต่อ</a>",
    "bare-javascript-url": "javascript:alert('XSSMARK')",
    "entity-javascript-link": "<a href=\"&#106;avascript:alert('XSSMARK')\">ลิงก์</a>",
    "iframe-srcdoc": "<iframe srcdoc=\"<script>alert('XSSMARK')</script>\"></iframe>",
    "details-ontoggle": "<details open ontoggle=alert('XSSMARK')>",
    "mutation-xss": "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSSMARK')>",
    "style-url": "<div style=\"background:url('javascript:alert(1)')\">XSSMARK</div>",
    "template-tags": "{{ XSSMARK }}{% debug %}<scr<script>ipt>alert('XSSMARK')</script>",
    "comment-breakout": "--><script>alert('XSSMARK')</script><!--",
}
FREE_TEXT_FIELDS = {
    "title": "TI",
    "story": "ST",
    "contact_name": "CN",
    "new_organisation_name": "NO",
}
STRUCTURED_FIELDS = {"phone": "PH", "email": "EM", "participants": "PA", "start_date": "SD"}
FREE_TEXT_PREFIX = "เรื่องจากภาคี"
# The title and names take at most 255 characters, and a draft page's intro is
# the first 240 of the story: under 240, every field keeps all its payloads.
FREE_TEXT_LENGTH = 240


def marked(payload_name, field_code):
    """(marker, payload): the payload with a marker of its own for one field, so
    that several payloads in one submission each say where they went."""
    number = list(PAYLOADS).index(payload_name) + 1
    marker = f"XSS{field_code}{number:02d}"
    assert len(marker) == len(MARK), "payload_groups counts on the length of MARK"
    return marker, PAYLOADS[payload_name].replace(MARK, marker)


def free_text(payloads):
    return " ".join([FREE_TEXT_PREFIX, *payloads])


def payload_groups():
    """The payloads in as few groups as fit, together, into one free text field."""
    groups = [[]]
    for name in PAYLOADS:
        together = free_text(PAYLOADS[other] for other in [*groups[-1], name])
        if groups[-1] and len(together) > FREE_TEXT_LENGTH:
            groups.append([])
        groups[-1].append(name)
    return groups


@pytest.fixture
def moderators_hear(settings):
    settings.STORY_MODERATOR_EMAILS = ["redaksi@example.org"]


@pytest.fixture
def browsers(client, admin_client, story_site, story_settings, moderators_hear):
    """The partner's browser and a logged-in superuser's."""
    return {"partner": client, "staff": admin_client}


def thai(message, **params):
    with translation.override("th"):
        text = gettext(message)
    return text % params if params else text


def nothing_saved():
    assert not StorySubmission.objects.exists()
    assert not StorySubmissionFile.objects.exists()
    assert not EventSummaryPage.objects.exists()
    assert not ArticlePage.objects.exists()
    assert not mail.outbox


def assert_saved_and_harmless(browsers, response, planted=None):
    """The story was accepted: thank-you page, one submission with its draft
    page, and no runnable markup in any page staff open or in any email.
    planted is {marker: (what, payload)}, MARK alone unless given."""
    planted = planted or {MARK: ("the payload", None)}
    context = getattr(response, "context", None) or {}
    assert response.status_code == 302, (
        f"not accepted ({response.status_code}): {context.get('form') and context['form'].errors}"
    )
    thanks = browsers["partner"].get(response["Location"])
    assert thanks.status_code == 200
    assert_no_runnable_markup_from(html_of(thanks), planted, "the thank-you page")
    submission = only_submission()
    assert submission.reference in html_of(thanks)
    assert submission.processing_error == ""
    assert submission.page is not None, "the draft page was not made"
    assert not submission.page.live
    assert submission.status == StorySubmission.Status.IN_REVIEW
    views = staff_views(browsers["staff"], submission)
    assert set(views) == {
        "submission list",
        "submission inspect",
        "rejection form",
        "page preview",
        "page edit",
    }
    for name, view in views.items():
        assert view.status_code == 200, name
        assert_no_runnable_markup_from(html_of(view), planted, name)
    recipients = {address for message in mail.outbox for address in message.to}
    assert submission.email in recipients
    assert "redaksi@example.org" in recipients
    assert_mail_is_plain_text(mail.outbox)
    return submission, views


def assert_refused(response, field, typed=None, status=200, marker=MARK, quoting=(), payload=None):
    """The form came back with a Thai error next to field, kept what was
    typed, and saved nothing."""
    assert response.status_code == status
    nothing_saved()
    html = html_of(response)
    assert_no_runnable_markup(html, marker, "the form shown again", payload)
    if field == "__all__":
        assert is_thai(form_errors_notice(response)), form_errors_notice(response)
    else:
        assert_thai_field_error(response, field, quoting=quoting)
    if typed is not None:
        name, value = typed
        assert typed_value(response, name) == value
    return html


def visible_text(html, tag):
    return [" ".join(text.split()) for name, _attrs, text in elements(html) if name == tag]


# ---------------------------------------------------------------------------
# Markup in the text fields that accept any text: kept as text, story saved
#
# One submission carries a group of payloads in every free text field at once,
# each payload with a marker of its own. An accepted story makes a draft page
# and is read back through six pages: one submission per payload and field
# would cost that many times more and check nothing more.


@pytest.mark.parametrize("group", payload_groups(), ids="+".join)
def test_markup_in_the_free_text_fields_is_saved_as_plain_text(browsers, story_site, group):
    typed, planted, unpublished = {}, {}, {}
    for field, code in FREE_TEXT_FIELDS.items():
        payloads = []
        for name in group:
            marker, payload = marked(name, code)
            payloads.append(payload)
            planted[marker] = (f"{name} in {field}", payload)
            if field in ("contact_name", "new_organisation_name"):
                unpublished[marker] = f"{name} in {field}"
        typed[field] = free_text(payloads)
    # A new organisation's name is kept only when no partner is chosen.
    response = post_story(
        browsers["partner"], story_site, form_data(story_site, partner="", **typed)
    )

    submission, views = assert_saved_and_harmless(browsers, response, planted)
    for field, value in typed.items():
        assert getattr(submission, field) == value, f"{field} kept exactly as typed"
    preview = html_of(views["page preview"])
    assert typed["title"] in visible_text(preview, "h1"), "the title reads as typed, as text"
    assert any(typed["title"] in message.subject for message in mail.outbox)
    assert typed["story"] in visible_text(preview, "p"), "the paragraph reads as typed, as text"
    # Contact details and unconfirmed organisations are never published.
    edit = html_of(views["page edit"])
    for marker, what in unpublished.items():
        assert marker not in preview, f"{what} is in the page preview"
        assert marker not in edit, f"{what} is in the page edit form"
    for field in ("contact_name", "new_organisation_name"):
        assert any(typed[field] in message.body for message in mail.outbox), field


# ---------------------------------------------------------------------------
# Markup in fields that only take a phone number, an address, a number or a date


@pytest.mark.parametrize("payload_name", list(PAYLOADS))
def test_markup_in_the_structured_fields_is_refused_and_shown_back_escaped(
    browsers, story_site, payload_name
):
    typed, planted = {}, {}
    for field, code in STRUCTURED_FIELDS.items():
        marker, typed[field] = marked(payload_name, code)
        planted[marker] = (f"{payload_name} in {field}", typed[field])

    response = post_story(browsers["partner"], story_site, form_data(story_site, **typed))

    assert response.status_code == 200
    nothing_saved()
    assert_no_runnable_markup_from(html_of(response), planted, "the form shown again")
    for field, value in typed.items():
        assert_thai_field_error(response, field)
        assert typed_value(response, field) == value, field


# ---------------------------------------------------------------------------
# Choices that are not in the lists


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("partner", "<script>alert('XSSMARK')</script>"),
        ("partner", "999999"),
        ("partner", "99999999999999999999999"),
        ("partner", "1 OR 1=1"),
        ("partner", "1\x00"),
        ("provinces", ["<svg/onload=alert('XSSMARK')>"]),
        ("provinces", ["99999999999999999999999"]),
        ("provinces", ["-1"]),
        ("provinces", ["1\x00"]),
        ("kind", "poem"),
        ("kind", "event\x00"),
    ],
    ids=lambda value: repr(value)[:30],
)
def test_a_value_not_in_the_choices_is_refused(browsers, story_site, field, value):
    response = post_story(browsers["partner"], story_site, form_data(story_site, **{field: value}))

    # Django repeats a wrong choice in its message.
    values = value if isinstance(value, list) else [value]
    assert_refused(response, field, quoting=[v.replace("\x00", "") for v in values])
    assert typed_value(response, "title") == "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"


def test_a_partner_of_the_other_language_is_not_a_choice(browsers, story_site, english):
    other = factories.PartnerFactory(name="Deep South Healing Foundation", locale=english)

    response = post_story(
        browsers["partner"], story_site, form_data(story_site, partner=str(other.pk))
    )

    assert_refused(response, "partner")
    assert PartnerOrganisation.objects.filter(pk=other.pk).exists()


# ---------------------------------------------------------------------------
# Numbers and dates out of range


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("participants", "-1", "ค่านี้ต้องมากกว่าหรือเท่ากับ 0"),
        ("participants", "2000000", "ค่านี้ต้องน้อยกว่าหรือเท่ากับ 1000000"),
        ("participants", "1e9", None),
        ("participants", "9" * 5000, None),
        ("start_date", "2024-02-30", None),
        ("start_date", "0001-01-01", None),
        ("start_date", "2567-06-14", None),
        ("start_date", "9999-12-31", None),
        ("start_date", "", None),
    ],
    ids=lambda value: repr(value)[:24],
)
def test_numbers_and_dates_out_of_range_are_refused(browsers, story_site, field, value, message):
    response = post_story(browsers["partner"], story_site, form_data(story_site, **{field: value}))

    assert_refused(response, field, typed=(field, value))
    if message:
        assert message in field_error(response, field)


def test_an_end_before_the_start_is_refused(browsers, story_site):
    response = post_story(
        browsers["partner"],
        story_site,
        form_data(story_site, start_date="2024-06-15", end_date="2024-06-14"),
    )

    assert_refused(response, "end_date", typed=("end_date", "2024-06-14"))


# ---------------------------------------------------------------------------
# Invisible and control characters


INVISIBLE = {
    "NUL": "\x00",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "right-to-left override": "\u202e",
    "byte order mark": "\ufeff",
    "C1 control": "\x85",
}


@pytest.mark.parametrize("character", list(INVISIBLE))
def test_invisible_and_control_characters_are_dropped_and_the_story_kept(
    browsers, story_site, character
):
    hidden = INVISIBLE[character]
    # Every field that takes free text at once, each checked on its own below.
    typed = {
        "title": f"เวที{hidden}แลกเปลี่ยน{hidden}เครือข่าย",
        "story": f"ภาคี{hidden}อาสาสมัคร\n\nวง{hidden}แลกเปลี่ยน",
        "contact_name": f"สมศรี{hidden} ใจดี",
        "new_organisation_name": f"กลุ่ม{hidden}เยาวชน{hidden}ปัตตานี",
        "phone": f"081{hidden}234{hidden}5678",
    }
    # A new organisation's name is kept only when no partner is chosen.
    response = post_story(
        browsers["partner"], story_site, form_data(story_site, partner="", **typed)
    )

    assert response.status_code == 302
    submission = only_submission()
    page = submission.page.specific
    for field, value in typed.items():
        stored = getattr(submission, field)
        assert stored == value.replace(hidden, ""), field
        for text in (page.title, page.intro, str(page.body), stored):
            assert hidden not in text, field


@pytest.mark.parametrize("field", ["title", "story", "contact_name"])
def test_a_field_of_nothing_but_invisible_characters_is_empty(browsers, story_site, field):
    typed = "\u200b\x00\u200d\ufeff"

    response = post_story(browsers["partner"], story_site, form_data(story_site, **{field: typed}))

    assert_refused(response, field)
    assert field_error(response, field) == thai("This field is required.")


@pytest.mark.parametrize("field", ["email", "start_date", "participants", "end_date"])
def test_a_nul_in_a_structured_field_is_refused(browsers, story_site, field):
    value = {
        "email": "somsri\x00@example.org",
        "start_date": "2024-06-14\x00",
        "end_date": "2024-06-15\x00",
        "participants": "53\x00",
    }[field]

    response = post_story(browsers["partner"], story_site, form_data(story_site, **{field: value}))

    assert_refused(response, field)


# ---------------------------------------------------------------------------
# 10,000 characters


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "ก" * 10_000),
        ("contact_name", "x" * 10_000),
        ("new_organisation_name", "มูลนิธิ" * 1_500),
        ("email", "a" * 10_000 + "@example.org"),
        ("phone", "0" * 10_000),
        ("participants", "1" * 10_000),
        ("start_date", "2" * 10_000),
        ("story", "เรื่อง" * 3_400),
    ],
    ids=lambda value: value if len(value) < 30 else f"{len(value)} characters",
)
def test_ten_thousand_characters_in_a_field_is_refused_with_the_text_kept(
    browsers, story_site, field, value
):
    assert len(value) >= 10_000
    response = post_story(browsers["partner"], story_site, form_data(story_site, **{field: value}))

    assert_refused(response, field, typed=(field, value))


def test_a_story_of_ten_thousand_characters_is_accepted(browsers, story_site):
    story = ("ภาคีอาสาสมัครร่วมวางแผน " * 500)[:10_000]

    response = post_story(browsers["partner"], story_site, form_data(story_site, story=story))

    submission, _views = assert_saved_and_harmless(browsers, response)
    assert submission.story == clean_multiline(story)


def test_an_email_address_longer_than_the_database_column_is_refused(browsers, story_site):
    # Valid by the rules of email addresses (260 characters), too long for the
    # 254-character column: PostgreSQL would fail on saving it.
    address = "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "org"

    response = post_story(browsers["partner"], story_site, form_data(story_site, email=address))

    assert_refused(response, "email", typed=("email", address))


def test_a_quoted_address_with_markup_is_valid_and_stays_text(browsers, story_site):
    address = "\"<script>alert('XSSMARK')</script>\"@example.org"

    response = post_story(browsers["partner"], story_site, form_data(story_site, email=address))

    submission, _views = assert_saved_and_harmless(browsers, response)
    assert submission.email == address


def test_a_line_break_in_the_title_cannot_add_email_headers(browsers, story_site):
    title = "ข่าวดี\r\nBcc: victim@example.org\r\n\r\n<b>XSSMARK</b>"

    response = post_story(browsers["partner"], story_site, form_data(story_site, title=title))

    submission, _views = assert_saved_and_harmless(browsers, response)
    assert submission.title == clean_line(title)
    for message in mail.outbox:
        assert "victim@example.org" not in message.recipients()
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "Bcc" not in str(message.message()).split("\n\n", 1)[0]


# ---------------------------------------------------------------------------
# Files that are not what they say, too large, or too many


def noise_jpeg():
    pixels = random.Random(7).randbytes(320 * 240 * 3)
    output = io.BytesIO()
    Image.frombytes("RGB", (320, 240), pixels).save(output, format="JPEG", quality=90)
    return output.getvalue()


NOISE_JPEG = noise_jpeg()


def padded(data, size):
    return data + b"\x00" * (size - len(data))


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert('XSSMARK')</script></body></html>"
SVG_IMAGE = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert('XSSMARK')</script></svg>"
)
MB = 1024 * 1024

BAD_FILES = {
    **{
        f"JPEG cut at {cut}": ("photos", lambda cut=cut: [upload("cut.jpg", NOISE_JPEG[:cut])])
        for cut in (2, 10, 100, 600, 2_000, 10_000, 20_000, -2_000, -100, -10)
    },
    "PNG cut in half": (
        "photos",
        lambda: [
            upload("half.png", (data := png_bytes(mode="RGB"))[: len(data) // 2], "image/png")
        ],
    ),
    "WebP cut in half": (
        "photos",
        lambda: [upload("half.webp", (data := webp_bytes())[: len(data) // 2], "image/webp")],
    ),
    "JPEG header then noise": (
        "photos",
        lambda: [upload("noise.jpg", b"\xff\xd8\xff\xe0" + random.Random(3).randbytes(4000))],
    ),
    "empty file": ("photos", lambda: [upload("empty.jpg", b"")]),
    "20000 x 20000 PNG": (
        "photos",
        lambda: [upload("bomb.png", blank_png(20_000, 20_000), "image/png")],
    ),
    "PNG header claiming 20000 x 20000": (
        "photos",
        lambda: [upload("claims.png", png_with_header_size(20_000, 20_000), "image/png")],
    ),
    "48-megapixel PNG": (
        "photos",
        lambda: [upload("big.png", blank_png(8_000, 6_000), "image/png")],
    ),
    "HTML named .jpg": ("photos", lambda: [upload("photo.jpg", HTML_PAGE)]),
    "SVG named .jpg": ("photos", lambda: [upload("photo.jpg", SVG_IMAGE)]),
    "GIF named .jpg": ("photos", lambda: [upload("photo.jpg", image_bytes("GIF"))]),
    "BMP named .jpg": ("photos", lambda: [upload("photo.jpg", image_bytes("BMP"))]),
    "TIFF named .jpg": ("photos", lambda: [upload("photo.jpg", image_bytes("TIFF"))]),
    "PDF named .jpg": ("photos", lambda: [upload("photo.jpg", pdf_bytes())]),
    "markup in a bad file's name": (
        "photos",
        lambda: [upload("<img src=x onerror=alert('XSSMARK')>.jpg", HTML_PAGE)],
    ),
    "11-MB photo": ("photos", lambda: [upload("large.jpg", padded(jpeg_bytes(), 11 * MB))]),
    "11 photos": (
        "photos",
        lambda: [photo(f"ภาพ-{number}.jpg", size=(40, 30)) for number in range(11)],
    ),
    "nine good photos and one broken": (
        "photos",
        lambda: (
            [photo(f"ภาพ-{number}.jpg", size=(40, 30)) for number in range(9)]
            + [upload("cut.jpg", NOISE_JPEG[:5_000])]
        ),
    ),
    "HTML named .pdf": ("pdf", lambda: [upload("report.pdf", HTML_PAGE, "application/pdf")]),
    "JPEG named .pdf": ("pdf", lambda: [upload("report.pdf", jpeg_bytes(), "application/pdf")]),
    "empty PDF": ("pdf", lambda: [upload("report.pdf", b"", "application/pdf")]),
    "21-MB PDF": ("pdf", lambda: [upload("report.pdf", pdf_bytes(21 * MB), "application/pdf")]),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_an_error_next_to_its_field(browsers, story_site, case):
    field, make_files = BAD_FILES[case]
    files = make_files()
    data = form_data(story_site)
    data[field] = files if field == "photos" else files[0]

    response = post_story(browsers["partner"], story_site, data)

    assert_refused(response, field, typed=("title", "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"))
    assert typed_value(response, "story") == data["story"]
    # Files cannot be kept in the form; the partner is told to choose them again.
    assert thai("Files are not kept when the form is shown again: please choose them again.") in (
        " ".join(html_of(response).split())
    )


def test_a_photo_with_far_too_many_pixels_says_so(browsers, story_site):
    data = form_data(story_site)
    data["photos"] = [upload("bomb.png", blank_png(20_000, 20_000), "image/png")]

    response = post_story(browsers["partner"], story_site, data)

    assert_refused(response, "photos")
    error = field_error(response, "photos")
    assert "20000 × 20000" in error
    assert "40" in error


def read_stored(stored):
    with stored.file.open("rb") as source:
        return source.read()


def test_the_file_names_partners_give_are_never_paths(browsers, story_site):
    data = form_data(story_site)
    data["photos"] = [
        upload("passwd.jpg", jpeg_bytes()),
        upload("<svg onload=alert('XSSMARK')>.jpg", jpeg_bytes()),
    ]
    # The test client sends base names only; write the path into the request itself.
    body = encode_multipart("story-boundary", data).replace(
        b'filename="passwd.jpg"', b'filename="../../../etc/passwd.jpg"'
    )
    assert b"../../../etc/passwd.jpg" in body

    response = browsers["partner"].post(
        form_url(story_site), body, content_type="multipart/form-data; boundary=story-boundary"
    )

    submission, views = assert_saved_and_harmless(browsers, response)
    files = list(submission.files.order_by("sort_order"))
    assert [f.original_name for f in files] == [
        "passwd.jpg",
        "<svg onload=alert('XSSMARK')>.jpg",
    ]
    for stored in files:
        assert ".." not in stored.file.name
        assert "<" not in stored.file.name
        assert stored.file.name.startswith(f"{submission.reference}/")
        # Staff download it under its name, never shown in the browser.
        download = browsers["staff"].get(reverse("story_submissions:file", args=[stored.pk]))
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith("attachment;")
        assert "\n" not in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"
        assert b"".join(download.streaming_content) == read_stored(stored)


def test_more_files_than_django_parses_is_a_client_error(browsers, story_site):
    data = form_data(story_site)
    data["photos"] = [photo(f"{number}.jpg", size=(8, 8)) for number in range(101)]

    response = post_story(browsers["partner"], story_site, data)

    assert response.status_code == 400
    nothing_saved()


@pytest.mark.parametrize("limit", [1 * MB, 5 * MB])
def test_a_request_over_the_size_limit_is_refused_with_413(
    browsers, story_site, monkeypatch, limit
):
    monkeypatch.setattr("network.stories.views.MAX_REQUEST_BYTES", limit)
    data = form_data(story_site)
    data["photos"] = [upload("large.jpg", padded(jpeg_bytes(), limit))]

    response = post_story(browsers["partner"], story_site, data)

    assert response.status_code == 413
    nothing_saved()
    notice = page_notice(response)
    assert is_thai(notice), notice
    assert str(limit // MB) in notice


# ---------------------------------------------------------------------------
# The security check, the trap for bots, and the waiting time


def csrf_client(story_site):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(form_url(story_site))
    assert page.status_code == 200
    return browser, csrf_token_from(page)


@pytest.mark.parametrize(
    "case", ["missing token", "wrong token", "token of another browser", "no cookie", "markup"]
)
def test_a_failed_security_check_keeps_the_text_and_explains_in_thai(
    story_site, story_settings, case
):
    browser, token = csrf_client(story_site)
    title = "เวทีเยาวชน <script>alert('XSSMARK')</script>"
    data = form_data(story_site, title=title)
    if case == "wrong token":
        data["csrfmiddlewaretoken"] = "x" * 64
    elif case == "token of another browser":
        data["csrfmiddlewaretoken"] = csrf_client(story_site)[1]
    elif case == "no cookie":
        data["csrfmiddlewaretoken"] = token
        browser.cookies.pop("csrftoken")
    elif case == "markup":
        data["csrfmiddlewaretoken"] = "\"><script>alert('XSSMARK')</script>"

    response = browser.post(form_url(story_site), data)

    assert response.status_code == 403
    nothing_saved()
    assert_no_runnable_markup(html_of(response), MARK, "the security check page")
    assert page_notice(response) == thai(
        "The form's security check failed, usually because it was open for a long time "
        "or cookies are blocked. Your text is still below: please choose your photos "
        "again, tick the agreement and send it again."
    )
    assert typed_value(response, "title") == title
    assert typed_value(response, "story") == data["story"]
    assert typed_value(response, "email") == data["email"]
    assert typed_value(response, "consent") is None, "the agreement is ticked again"


def test_a_failed_security_check_elsewhere_is_djangos_own(story_site, story_settings):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(story_site["home"].url, {"title": "<script>alert('XSSMARK')</script>"})

    assert response.status_code == 403
    assert_no_runnable_markup(html_of(response), MARK, "Django's security check page")
    assert "story-form" not in html_of(response)


@pytest.mark.parametrize(
    "token",
    ["nothing", "-", "2569-ABCDEF", "2569-ABCDEF-00000000000000000000", "ก" * 50, "x" * 2000],
    ids=lambda token: token[:20],
)
def test_a_made_up_thank_you_address_is_not_found(client, story_site, story_settings, token):
    response = client.get(f"{form_url(story_site)}thanks/{token}/")

    assert response.status_code == 404


def test_with_the_right_token_the_story_is_accepted(story_site, story_settings):
    browser, token = csrf_client(story_site)
    data = form_data(story_site, csrfmiddlewaretoken=token)

    response = browser.post(form_url(story_site), data)

    assert response.status_code == 302
    assert only_submission().page is not None


@pytest.mark.parametrize(
    "value", ["http://spam.example/", "x", " ", "<script>alert('XSSMARK')</script>"]
)
def test_a_filled_trap_field_is_refused(browsers, story_site, value):
    response = post_story(browsers["partner"], story_site, form_data(story_site, website=value))

    html = assert_refused(response, "__all__", typed=("title", "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"))
    assert form_errors_notice(response) == thai(
        "The form could not be sent. Please leave the last field empty."
    )
    assert MARK not in html


def expired_token(monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: 1_000_000_000.0)
        return signing.TimestampSigner(salt=TIMING_SALT).sign("1000000000")


@pytest.mark.parametrize(
    "case", ["missing", "tampered", "another salt", "expired", "markup", "NUL", "10,000 characters"]
)
def test_a_missing_or_bad_form_timer_is_refused(browsers, story_site, monkeypatch, case):
    token = {
        "missing": None,
        "tampered": signing.TimestampSigner(salt=TIMING_SALT).sign("1")[:-3] + "abc",
        "another salt": signing.TimestampSigner(salt="other").sign(str(int(time.time()))),
        "expired": expired_token(monkeypatch) if case == "expired" else "",
        "markup": "\"><script>alert('XSSMARK')</script>",
        "NUL": "\x00",
        "10,000 characters": "1" * 10_000,
    }[case]

    response = post_story(browsers["partner"], story_site, form_data(story_site, opened=token))

    assert_refused(response, "__all__", typed=("title", "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร"))
    assert form_errors_notice(response) == thai(
        "This form was open for too long. Please check your answers and send it again."
    )
