"""What someone abusing the partners' story form can and cannot do: send more
stories than the rate limit by posting them all at once or by writing their
own X-Forwarded-For, make the server decode files for a robot's post, or use
the form to send confirmation emails to someone else's address.

The parallel test runs on SQLite by default and on PostgreSQL with
DATABASE_URL pointing at one (scripts/pg-test-cluster.sh).
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from network.models import StorySubmission

from .story_helpers import (
    STORY_TEXT,
    blank_png,
    field_error,
    form_data,
    form_errors_notice,
    is_thai,
    page_notice,
    photo,
    post_story,
    typed_value,
    upload,
)
from .test_story_concurrency import HTTP_TIMEOUT, Partner, small_jpeg

REAL_CLIENT = "198.51.100.7"
OUR_PROXY = "10.0.0.2"
LIMIT = 3


def thai(message):
    with translation.override("th"):
        return gettext(message)


@pytest.fixture
def limited(story_settings):
    story_settings.STORY_RATE_LIMIT = LIMIT
    # The header an earlier release trusted, as a site upgraded from it may
    # still have it set: it must not let a sender choose their own key.
    story_settings.STORY_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    story_settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    return story_settings


# ---------------------------------------------------------------------------
# Posts sent all at once


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_posts_from_one_address_save_no_more_than_the_limit(
    live_server, story_site, limited
):
    posts = 4 * LIMIT
    form_path = urlsplit(story_site["form"].url).path
    jpeg = small_jpeg()
    partners = [
        Partner(live_server.url, form_path, story_site["partner"].pk, jpeg) for _ in range(posts)
    ]
    start = threading.Barrier(posts)

    def send(number):
        partner = partners[number]
        try:
            partner.open_form()
        except BaseException:
            start.abort()
            raise
        start.wait(timeout=HTTP_TIMEOUT)
        return partner.send(number)

    with ThreadPoolExecutor(max_workers=posts) as pool:
        results = list(pool.map(send, range(posts)))

    statuses = sorted(status for _number, status, _location, _content in results)
    assert statuses == [302] * LIMIT + [429] * (posts - LIMIT), statuses
    assert StorySubmission.objects.count() == LIMIT
    for _number, status, _location, content in results:
        if status == 429:
            notice = page_notice(SimpleNamespace(content=content))
            assert is_thai(notice, quoting=["privacy@example.org"]), notice


# ---------------------------------------------------------------------------
# A forwarded-for header written by the sender


def spoofed_headers(number):
    """What a sender may write into X-Forwarded-For, a new value for each post."""
    return {
        "a fresh fake address": f"203.0.113.{number}",
        "garbage": f"<script>{number}</script>",
        "unknown": "unknown",
        "IPv6": f"2001:db8:{number}::1",
        "fifty entries": ", ".join(f"192.0.2.{(number + i) % 250}" for i in range(50)),
        "empty": "",
    }


SPOOFS = list(spoofed_headers(0))


def spoofed_post(client, story_site, number, header, proxies):
    """A post from the real client with the sender's header, as it reaches us
    directly (no proxy) or through our one proxy, which appends what it saw."""
    if proxies == 0:
        meta = {"REMOTE_ADDR": REAL_CLIENT, "HTTP_X_FORWARDED_FOR": header}
    else:
        chain = f"{header}, {REAL_CLIENT}" if header else REAL_CLIENT
        meta = {"REMOTE_ADDR": OUR_PROXY, "HTTP_X_FORWARDED_FOR": chain}
    data = form_data(story_site, title=f"เรื่องที่ {number}")
    return post_story(client, story_site, data, **meta)


@pytest.mark.django_db
@pytest.mark.parametrize("proxies", [0, 1])
@pytest.mark.parametrize("spoof", SPOOFS)
def test_a_written_forwarded_for_header_gives_no_extra_stories(
    client, story_site, limited, proxies, spoof
):
    limited.TRUSTED_PROXIES = proxies
    # The sender uses their own share first, then tries a header for more.
    for number in range(1, LIMIT + 1):
        response = spoofed_post(client, story_site, number, "", proxies)
        assert response.status_code == 302, number

    refused = []
    for number in range(LIMIT + 1, 3 * LIMIT + 1):
        header = spoofed_headers(number)[spoof]
        refused.append(spoofed_post(client, story_site, number, header, proxies).status_code)

    assert refused == [429] * (2 * LIMIT)
    assert StorySubmission.objects.count() == LIMIT


MALFORMED_CHAINS = {
    "no header": None,
    "empty header": "",
    "unknown": "unknown",
    "our proxy's entry is not an address": f"{REAL_CLIENT}, not-an-address",
    "our proxy's entry is empty": f"{REAL_CLIENT}, ",
}


@pytest.mark.django_db
@pytest.mark.parametrize("chain", list(MALFORMED_CHAINS))
def test_a_malformed_chain_behind_our_proxy_is_refused_with_the_text_kept(
    client, story_site, limited, chain
):
    limited.TRUSTED_PROXIES = 1
    meta = {"REMOTE_ADDR": OUR_PROXY}
    if MALFORMED_CHAINS[chain] is not None:
        meta["HTTP_X_FORWARDED_FOR"] = MALFORMED_CHAINS[chain]
    title = "เวทีเครือข่ายอาสาสมัครชายแดนใต้"

    response = post_story(client, story_site, form_data(story_site, title=title), **meta)

    assert response.status_code == 400
    notice = page_notice(response)
    assert is_thai(notice, quoting=["privacy@example.org"]), notice
    assert "privacy@example.org" in notice
    assert typed_value(response, "title") == title
    assert typed_value(response, "story") == STORY_TEXT
    assert typed_value(response, "email") == "somsri@example.org"
    assert not StorySubmission.objects.exists()
    assert not mail.outbox


# ---------------------------------------------------------------------------
# A robot's post with files


@pytest.fixture
def image_opens(monkeypatch):
    """Every file Pillow is asked to open, still opened by Pillow itself."""
    opened = []
    real_open = Image.open

    def recording_open(file, *args, **kwargs):
        opened.append(getattr(file, "name", file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Image, "open", recording_open)
    return opened


ROBOT_POSTS = {
    "honeypot": (
        {"website": "http://spam.example"},
        "The form could not be sent. Please leave the last field empty.",
    ),
    "too fast": (
        {},
        "That was quicker than anyone can fill in the form. Please check it and send it again.",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("robot", list(ROBOT_POSTS))
def test_a_robot_is_refused_before_any_photo_is_opened(
    client, story_site, story_settings, image_opens, robot
):
    story_settings.STORY_MIN_FILL_SECONDS = 5 if robot == "too fast" else 0
    overrides, refusal = ROBOT_POSTS[robot]
    data = form_data(story_site, **overrides)
    data["photos"] = [
        upload("ไม่ใช่ภาพ.jpg", b"this is not a picture at all " * 40),
        upload("ภาพใหญ่มาก.png", blank_png(20_000, 20_000), content_type="image/png"),
        photo("ภาพจริง.jpg"),
    ]

    response = post_story(client, story_site, data)

    assert response.status_code == 200
    assert form_errors_notice(response) == thai(refusal)
    assert field_error(response, "photos") is None, "a photo was checked"
    assert image_opens == []
    assert not StorySubmission.objects.exists()


# ---------------------------------------------------------------------------
# Confirmation emails to an address someone typed


CONFIRMATION = "We have received your story (reference %(reference)s)"
SAME_ADDRESS = [
    "partner@example.org",
    "Partner@Example.org",
    " partner@example.org ",
    "PARTNER@EXAMPLE.ORG",
    "partner@example.org",
]
MARKER = "zq-marker-7731"


@pytest.mark.django_db
def test_one_address_gets_a_few_confirmations_a_day_and_nothing_typed_in_the_subject(
    client, story_site, story_settings, caplog
):
    story_settings.STORY_CONFIRMATIONS_PER_ADDRESS_PER_DAY = LIMIT
    injection = f"{MARKER} x\r\nBcc: evil@example.org"
    with caplog.at_level(logging.WARNING, logger="network.stories.notifications"):
        for address in SAME_ADDRESS:
            data = form_data(story_site, email=address, title=injection)
            assert post_story(client, story_site, data).status_code == 302
        other = form_data(story_site, email="someone.else@example.org", title=injection)
        assert post_story(client, story_site, other).status_code == 302

    stories = list(StorySubmission.objects.order_by("pk"))
    assert len(stories) == len(SAME_ADDRESS) + 1
    to_partner = [m for m in mail.outbox if m.to[0].strip().casefold() == "partner@example.org"]
    assert len(to_partner) == LIMIT
    assert [m.to for m in mail.outbox if m.to == ["someone.else@example.org"]] == [
        ["someone.else@example.org"]
    ]
    skipped = [r for r in caplog.records if "no confirmation" in r.getMessage()]
    assert len(skipped) == len(SAME_ADDRESS) - LIMIT

    for message in mail.outbox:
        reference = next(s.reference for s in stories if s.reference in message.subject)
        with translation.override("th"):
            expected = gettext(CONFIRMATION) % {"reference": reference}
        assert message.subject == expected
        assert MARKER not in message.subject
        assert len(message.recipients()) == 1
        assert not message.bcc and not message.cc
        sent = message.message()
        assert sent["Bcc"] is None
        assert "evil@example.org" not in sent.as_string().split("\n\n", 1)[0]
