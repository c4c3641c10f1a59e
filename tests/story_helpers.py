"""Shared helpers for the partners' story form tests: the form's data, photos
built with Pillow, a check that no markup from a payload can run, and a real
SMTP server on loopback."""

import functools
import io
import re
import socket
import struct
import zlib
from email import message_from_bytes
from email import policy as email_policy
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from network.models import Province, StorySubmission
from network.stories.forms import opened_token

STORY_TEXT = (
    "ภาคีอาสาสมัครชายแดนใต้ร่วมวางแผนการทำงานปีหน้า\n"
    "มีเยาวชนเข้าร่วมจากสามจังหวัด\n\n"
    "วงแลกเปลี่ยนช่วงบ่ายพูดถึงการดูแลกันในชุมชน"
)

# ---------------------------------------------------------------------------
# The form


def form_url(story_site):
    return story_site["form"].url


def form_data(story_site, **overrides):
    """A complete, valid Thai event summary, as a browser posts it."""
    provinces = list(
        Province.objects.filter(name_th__in=["ปัตตานี", "ยะลา"]).values_list("pk", flat=True)
    )
    data = {
        "partner": str(story_site["partner"].pk),
        "new_organisation_name": "",
        "contact_name": "สมศรี ใจดี",
        "email": "somsri@example.org",
        "phone": "081 234 5678",
        "kind": "event",
        "title": "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร",
        "start_date": "2024-06-14",
        "end_date": "2024-06-15",
        "provinces": [str(pk) for pk in provinces],
        "participants": "53",
        "story": STORY_TEXT,
        "consent": "on",
        "website": "",
        "opened": opened_token(),
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def post_story(client, story_site, data, **extra):
    return client.post(form_url(story_site), data, **extra)


def submissions():
    return StorySubmission.objects.all()


def only_submission():
    found = list(StorySubmission.objects.all())
    assert len(found) == 1, f"expected one submission, found {len(found)}"
    return found[0]


def csrf_token_from(response):
    """The token as a browser has it: from the form's hidden input."""
    finder = TagFinder()
    finder.feed(response.content.decode())
    for tag, attrs, _text in finder.elements:
        if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            return attrs["value"]
    raise AssertionError("the form has no CSRF token")


# ---------------------------------------------------------------------------
# Files


def jpeg_bytes(size=(640, 480), color=(200, 120, 40), **save_options):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format="JPEG", quality=85, **save_options)
    return output.getvalue()


def png_bytes(size=(320, 240), color=(20, 120, 200), mode="RGB", **save_options):
    output = io.BytesIO()
    Image.new(mode, size, color).save(output, format="PNG", **save_options)
    return output.getvalue()


def webp_bytes(size=(320, 240), color=(20, 200, 120), **save_options):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format="WEBP", **save_options)
    return output.getvalue()


def image_bytes(image_format, size=(64, 48), mode="RGB"):
    output = io.BytesIO()
    Image.new(mode, size, "white").save(output, format=image_format)
    return output.getvalue()


def png_file(header, rows):
    """A PNG file from its IHDR fields and its compressed rows."""

    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def png_with_header_size(width, height):
    """A small PNG file whose header claims width × height pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 64)
    return png_file(header, rows)


@functools.cache
def blank_png(width, height):
    """A real, valid black-and-white PNG of width × height pixels, written row
    by row so that it never sits in memory whole. zlib's fastest level is
    enough: even 20000 × 20000 comes to about 200 kB, far under the upload
    size limit, so it is the pixels that the server refuses."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(1)
    rows = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return png_file(header, rows)


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(name="ภาพกิจกรรม.jpg", **options):
    return upload(name, jpeg_bytes(**options))


def pdf_bytes(size=None):
    """A real one-page PDF, padded after its header to `size` bytes if given."""
    from .factories import pdf_bytes as real_pdf

    body = real_pdf(pages=1)
    if size is not None:
        header, rest = body.split(b"\n", 1)
        padding = b"%" + b"0" * max(0, size - len(body) - 2) + b"\n"
        body = header + b"\n" + padding + rest
    return body


# ---------------------------------------------------------------------------
# Reading the form's HTML

VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class TagFinder(HTMLParser):
    """Every element as [tag, attributes, text], the text being all the text
    inside it, as a browser would show it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        element = [tag, {name: value or "" for name, value in attrs}, ""]
        self.elements.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append([tag, {name: value or "" for name, value in attrs}, ""])

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        for element in self.stack:
            element[2] += data


def elements(html):
    finder = TagFinder()
    finder.feed(html)
    finder.close()
    return finder.elements


def html_of(response):
    return response.content.decode()


def element_by_id(html, element_id):
    for tag, attrs, text in elements(html):
        if attrs.get("id") == element_id:
            return tag, attrs, text
    return None


def field_error(response, field):
    """The error shown next to a field of the story form, or None."""
    found = element_by_id(html_of(response), f"id_{field}_error")
    return " ".join(found[2].split()) if found else None


def form_errors_notice(response):
    found = element_by_id(html_of(response), "story-form-errors")
    return " ".join(found[2].split()) if found else None


def page_notice(response):
    """The notice above the form (rate limit, size limit, security check)."""
    for _tag, attrs, text in elements(html_of(response)):
        if "notice--warning" in attrs.get("class", ""):
            return " ".join(text.split())
    return None


def typed_value(response, name):
    """What the re-rendered form shows in a field, as the browser reads it:
    an input's value, a textarea's text, or a select's chosen values."""
    select = None
    for tag, attrs, text in elements(html_of(response)):
        if tag in ("input", "textarea", "select") and attrs.get("name") == name:
            if tag == "input":
                if attrs.get("type") in ("radio", "checkbox"):
                    if "checked" in attrs:
                        return attrs.get("value", "")
                    continue
                return attrs.get("value", "")
            if tag == "textarea":
                # A textarea's first newline is not part of its value.
                return text[1:] if text.startswith("\n") else text
            select = []
        elif tag == "option" and select is not None and "selected" in attrs:
            select.append(attrs.get("value", ""))
        elif tag != "option" and select is not None:
            return select
    return select


THAI = re.compile("[\u0e01-\u0e5b]")
QUOTED = re.compile("“[^”]*”")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# Words a Thai message may keep in English.
ALLOWED_WORDS = {"JPEG", "PNG", "WebP", "PDF", "bytes", "encoding", "type"}


def is_thai(text, quoting=()):
    """Thai, with no English words besides format names, the quoted file names
    and the values in quoting (what the partner typed, repeated in the message)."""
    if not text or not THAI.search(text):
        return False
    for value in quoting:
        text = text.replace(value, "")
    words = set(ENGLISH_WORD.findall(QUOTED.sub("", text)))
    return words <= ALLOWED_WORDS


def assert_thai_field_error(response, field, expected=None, quoting=()):
    error = field_error(response, field)
    assert error, (
        f"no error next to {field}; errors: {response.context and response.context.get('form') and response.context['form'].errors}"
    )
    assert is_thai(error, quoting), f"the error next to {field} is not in Thai: {error!r}"
    if expected is not None:
        assert expected in error, f"{expected!r} not in {error!r}"
    return error


# ---------------------------------------------------------------------------
# Markup that could run

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "ping",
    "srcset",
    "codebase",
    "cite",
    "lowsrc",
    "dynsrc",
}
# Elements that run or load something of their own.
ACTIVE_TAGS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "base",
    "style",
    "link",
    "portal",
    "template",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:")


def url_scheme(value):
    # Browsers ignore whitespace and control characters in a URL's scheme.
    return "".join(ch for ch in value if ch > " ").lower()


def runs_whatever_it_carries(tag, attrs):
    """What in one element a browser would run, whichever payload it came from."""
    found = []
    if tag == "meta" and "refresh" in attrs.get("http-equiv", "").lower():
        found.append("<meta http-equiv=refresh>")
    for name, value in attrs.items():
        if name.startswith("on") and "alert" in value:
            found.append(f"<{tag} {name}={value[:60]!r}>")
        if name in URL_ATTRIBUTES and url_scheme(value).startswith(DANGEROUS_SCHEMES):
            found.append(f"<{tag} {name}={value[:60]!r}>")
        if name in ("style", "srcdoc") and (
            "javascript:" in url_scheme(value) or "expression(" in value
        ):
            found.append(f"<{tag} {name}={value[:60]!r}>")
    return found


def runs_with_marker(tag, attrs, text, marker):
    """What in one element came from the payload carrying marker and could run."""
    found = []
    carries = marker in text or any(marker in value for value in attrs.values())
    if tag == "script" and attrs.get("type", "").lower() in SCRIPT_TYPES and marker in text:
        found.append(f"<script> running the payload: {text[:80]!r}")
    if tag in ACTIVE_TAGS and carries:
        found.append(f"<{tag}> carrying the payload")
    for name, value in attrs.items():
        if name.startswith("on") and marker in value:
            found.append(f"<{tag} {name}={value[:60]!r}>")
        if name in URL_ATTRIBUTES and marker in value and url_scheme(value).startswith("data:"):
            found.append(f"<{tag} {name}={value[:60]!r}>")
        if name in ("style", "srcdoc") and marker in value:
            found.append(f"<{tag} {name}={value[:60]!r}>")
        if marker.lower() in name:
            found.append(f"<{tag}> with an attribute made from the payload: {name}")
    if marker.lower() in tag:
        found.append(f"an element made from the payload: <{tag}>")
    return found


def runnable_markup_of(html, markers):
    """What in html came from payloads and could run, as {marker: [what]} for
    the payload carrying each marker, and under None what could run whichever
    payload it came from: the elements and attributes a browser would act on.
    Escaped text is fine and is not looked at. The page is read once for all
    the markers."""
    by_lower = {marker.lower(): marker for marker in markers}
    assert len(by_lower) == len(markers), "markers must differ in more than case"
    carried = re.compile("|".join(re.escape(marker) for marker in by_lower), re.IGNORECASE)
    found = {None: [], **{marker: [] for marker in markers}}
    for tag, attrs, text in elements(html):
        found[None] += runs_whatever_it_carries(tag, attrs)
        # The text inside an element matters only where it would run or load.
        parts = [tag, *attrs, *attrs.values()]
        if tag == "script" or tag in ACTIVE_TAGS:
            parts.append(text)
        for lower in {match.lower() for match in carried.findall("\n".join(parts))}:
            marker = by_lower[lower]
            found[marker] += runs_with_marker(tag, attrs, text, marker)
    return found


def assert_no_runnable_markup_from(html, planted, where):
    """planted is {marker: (what, payload)}: payloads each carrying a marker of
    its own, so that a failure says which payload (and where it was typed) is
    not neutralised."""
    found = runnable_markup_of(html, list(planted))
    problems = [f"from any payload: {problem}" for problem in found[None]]
    for marker, (what, payload) in planted.items():
        problems += [f"{what}: {problem}" for problem in found[marker]]
        if payload and "<" in payload and payload in html:
            problems.append(f"{what}: the payload as it was typed: {payload!r}")
    assert not problems, f"runnable markup in {where}: {problems}"


def assert_no_runnable_markup(html, marker, where, payload=None):
    assert_no_runnable_markup_from(html, {marker: ("the payload", payload)}, where)


def assert_mail_is_plain_text(outbox):
    for message in outbox:
        assert message.content_subtype == "plain", f"{message.subject!r} is not plain text"
        assert not getattr(message, "alternatives", None), f"{message.subject!r} has an HTML part"
        assert not message.attachments


# ---------------------------------------------------------------------------
# Staff views of a submission


def staff_views(client, submission):
    """The admin and preview pages where staff see what a partner sent, as
    {name: response}. The client must be logged in as a superuser."""
    urls = {
        "submission list": reverse("story_submissions:index"),
        "submission inspect": reverse("story_submissions:inspect", args=[submission.pk]),
        "rejection form": reverse("story_submissions:reject", args=[submission.pk]),
    }
    if submission.page_id:
        urls["page preview"] = reverse("wagtailadmin_pages:view_draft", args=[submission.page_id])
        urls["page edit"] = reverse("wagtailadmin_pages:edit", args=[submission.page_id])
    return {name: client.get(url) for name, url in urls.items()}


# ---------------------------------------------------------------------------
# A real SMTP server on loopback


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CollectingHandler:
    """Keeps every message it accepts. Set reply to an SMTP error (such as
    "554 Message rejected") to refuse messages instead."""

    def __init__(self):
        self.messages = []
        self.reply = "250 Message accepted for delivery"

    async def handle_DATA(self, server, session, envelope):
        if self.reply.startswith("250"):
            self.messages.append(
                {
                    "from": envelope.mail_from,
                    "to": list(envelope.rcpt_tos),
                    "data": bytes(envelope.original_content or envelope.content),
                }
            )
        return self.reply


def parsed(message):
    """A message the SMTP server kept, as a mail client reads it."""
    return message_from_bytes(message["data"], policy=email_policy.default)


def subject_of(mail):
    # Django folds an encoded subject onto the next line ("Subject: \n =?utf-8?...");
    # mail clients drop the fold's leading space.
    return mail["Subject"].strip()


def about(smtp_server, reference):
    """What arrived about one story, as parsed messages with their envelope."""
    arrived = []
    for message in smtp_server.messages:
        mail = parsed(message)
        if reference in subject_of(mail):
            arrived.append((message, mail))
    return arrived


def recipients(smtp_server, reference):
    """Every address that received a message about story `reference`, sorted."""
    return sorted(
        address for message, _mail in about(smtp_server, reference) for address in message["to"]
    )


@pytest.fixture
def smtp_server(settings):
    """An SMTP server on 127.0.0.1 that keeps what it receives, with Django's
    SMTP backend pointed at it. Yields the handler; its messages are dicts of
    from, to and the raw data."""
    from aiosmtpd.controller import Controller

    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield handler
    finally:
        controller.stop()
