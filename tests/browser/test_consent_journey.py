"""A reader on a phone meets the cookie banner, says no, changes their mind, and
only then does anything load from another site. The pages come from the page
cache, the same for every reader: the page's script follows each reader's choice.

Every request to a host other than the live server is recorded and answered with
an empty page, so nothing leaves the machine and the test sees exactly what the
page asked for, and when.
"""

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.page_cache_helpers import warm_over_http

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def path_of(page):
    return urlsplit(page.url).path


@pytest.fixture
def browser_data(transactional_db, live_server, site_tree, page_cache):
    article, embed = factories.article_with_video(site_tree["articles"])
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    notice = factories.InformationPageFactory(
        parent=site_tree["home"], title="ประกาศเกี่ยวกับการใช้คุกกี้", slug="cookie-notice"
    )
    factories.use_as_notices(cookie_notice=notice)
    # The site has served the article before: it is in the page cache.
    warm_over_http(live_server.url + path_of(article))
    return SimpleNamespace(
        article=path_of(article),
        event=path_of(event),
        notice=path_of(notice),
        embed_url=embed.url,
    )


def record_other_hosts(context, live_server):
    """Answer every request to another host with an empty page, and list them."""
    origin = urlsplit(live_server.url).netloc
    requested = []

    def handle(route):
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            requested.append(route.request.url)
            route.fulfill(
                status=200, content_type="text/html", body="<!DOCTYPE html><title>-</title>"
            )

    context.route("**/*", handle)
    return requested


def consent_cookies(context):
    return {cookie["name"]: cookie["value"] for cookie in context.cookies()}


def assert_fits_the_screen(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the phone's screen"


def test_reject_then_reopen_from_the_footer_and_allow_media(
    phone, live_server, browser_data, http_errors
):
    demo = browser_data
    other_hosts = record_other_hosts(phone.context, live_server)
    phone.goto(live_server.url + demo.article)

    # A fresh reader: the banner, no cookie at all, and the video as a placeholder.
    banner = phone.locator("#consent")
    expect(banner).to_be_visible()
    expect(banner.locator(f'a[href="{demo.notice}"]')).to_be_visible()
    buttons = banner.locator(".consent__actions button")
    expect(buttons).to_have_count(3)
    boxes = [buttons.nth(i).bounding_box() for i in range(3)]
    assert len({(round(b["width"]), round(b["height"])) for b in boxes}) == 1, boxes
    looks = buttons.evaluate_all(
        "buttons => buttons.map(b => { const s = getComputedStyle(b);"
        " return [s.backgroundColor, s.color, s.fontWeight, s.fontSize, s.borderWidth].join(); })"
    )
    assert len(set(looks)) == 1, looks
    assert phone.context.cookies() == []
    expect(phone.locator("iframe")).to_have_count(0)
    placeholder = phone.locator(".embed--placeholder")
    expect(placeholder).to_contain_text("YouTube")
    expect(placeholder.locator(f'a[href="{demo.embed_url}"]')).to_be_visible()
    assert other_hosts == []
    assert_fits_the_screen(phone)
    # The banner sits on top of the page only while the reader scrolls: at the end
    # of the page it has its own place after the footer, which it never covers.
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    footer_box = phone.locator("footer").bounding_box()
    banner_box = banner.bounding_box()
    assert banner_box["y"] >= footer_box["y"] + footer_box["height"] - 1

    # Rejecting is handled in place (no reload), and the choice is remembered.
    phone.evaluate("window.sameDocument = true")
    banner.locator('button[value="necessary"]').click()
    expect(banner).to_be_hidden()
    assert phone.evaluate("window.sameDocument === true")
    assert consent_cookies(phone.context) == {"consent": "v1.media-no"}
    expect(phone.locator("iframe")).to_have_count(0)

    phone.goto(live_server.url + demo.event)
    expect(phone.locator("#consent")).to_be_hidden()

    # "Cookie settings" in the footer reopens the choice, with its switches.
    settings = phone.locator("footer").get_by_role("button")
    expect(settings).to_have_count(1)
    settings.click()
    expect(phone.locator("#consent")).to_be_visible()
    expect(phone.locator("#consent-title")).to_be_focused()
    media_switch = phone.get_by_role("switch").and_(phone.locator('[name="media"]'))
    expect(media_switch).to_be_visible()
    expect(media_switch).not_to_be_checked()
    phone.locator('#consent button[value="necessary"]').click()
    expect(phone.locator("#consent")).to_be_hidden()

    # Back on the article, from the cache, the reader allows external media: the video appears.
    response = phone.goto(live_server.url + demo.article)
    assert response.header_value("x-cache") == "hit"
    expect(phone.locator("#consent")).to_be_hidden()
    assert other_hosts == []
    phone.locator("footer").get_by_role("button").click()
    media_switch = phone.get_by_role("switch").and_(phone.locator('[name="media"]'))
    media_switch.check()
    phone.locator('#consent button[value="custom"]').click()
    expect(phone.locator("#consent")).to_be_hidden()
    iframe = phone.locator(".embed iframe")
    expect(iframe).to_have_count(1)
    # YouTube's own player, exactly as YouTube's oEmbed answer gives it.
    expect(iframe).to_have_attribute(
        "src",
        "https://www.youtube.com/embed/" + demo.embed_url.rsplit("=", 1)[-1] + "?feature=oembed",
    )
    expect(phone.locator(".embed--placeholder")).to_have_count(0)
    assert consent_cookies(phone.context) == {"consent": "v1.media-yes"}
    assert other_hosts, "the video was allowed but never requested"
    assert all(urlsplit(url).netloc == "www.youtube.com" for url in other_hosts), other_hosts
    assert not http_errors


def test_without_javascript_nothing_needs_consent_and_the_choice_still_works(
    browser, live_server, browser_data
):
    demo = browser_data
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, locale="th-TH", java_script_enabled=False
    )
    try:
        other_hosts = record_other_hosts(context, live_server)
        page = context.new_page()
        page.goto(live_server.url + demo.article)
        # Without the page's script no embed or statistics script can load, so
        # there is nothing to ask about: no banner, and the video is a link.
        expect(page.locator("#consent")).to_be_hidden()
        placeholder = page.locator(".embed--placeholder")
        expect(placeholder.locator(f'a[href="{demo.embed_url}"]')).to_be_visible()
        expect(placeholder.locator('button[value="media"]')).to_be_hidden()
        expect(page.locator("iframe")).to_have_count(0)

        # "Cookie settings" in the footer is the settings page, which comes back.
        page.locator("footer a[data-consent-open]").click()
        expect(page).to_have_url(re.compile(r"/cookie-consent/\?next="))
        expect(page.get_by_role("switch").and_(page.locator('[name="media"]'))).to_be_visible()
        page.locator('main button[value="necessary"]').click()
        page.wait_for_url(live_server.url + demo.article)
        assert {c["name"]: c["value"] for c in context.cookies()} == {"consent": "v1.media-no"}
        assert other_hosts == []
    finally:
        context.close()
