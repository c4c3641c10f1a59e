"""A reader opens the photos of an event summary: the lightbox on a phone, the plain
link without JavaScript, and the printed report a funder takes away."""

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.utils import translation
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CAPTIONS = ["ลงทะเบียนช่วงเช้า", "แบ่งกลุ่มย่อยตามประเด็น", "สรุปบทเรียนร่วมกัน"]
BLOCK_CAPTIONS = ["แผนที่ชุมชน", "ตลาดนัดสีเขียว"]


def in_thai(text):
    with translation.override("th"):
        return translation.gettext(text)


def position(current, total):
    return in_thai("Photo %(current)s of %(total)s") % {"current": current, "total": total}


def photo():
    return wagtail_factories.ImageFactory(file__width=800, file__height=600)


@pytest.fixture
def browser_data(transactional_db, live_server, site_tree):
    partner = factories.PartnerFactory()
    block_gallery = {
        "type": "gallery",
        "value": {
            "title": "ภาพจากพื้นที่",
            "images": [
                {"image": photo().pk, "alt_text": f"ภาพ{caption}", "caption": caption}
                for caption in BLOCK_CAPTIONS
            ],
        },
    }
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"], hero_image=photo(), body=[block_gallery]
    )
    for caption in CAPTIONS:
        factories.EventGalleryImageFactory(
            page=event, image=photo(), caption=caption, alt_text=f"ภาพ{caption}"
        )
    # A second event with the same partner, so the page lists related pages.
    for page in (event, factories.EventSummaryPageFactory(parent=site_tree["events"])):
        factories.EventPartnerFactory(page=page, partner=partner)
    return SimpleNamespace(
        path=urlsplit(event.url).path,
        close=in_thai("Close"),
        previous=in_thai("Previous"),
        next=in_thai("Next"),
    )


def open_event(phone, live_server, browser_data):
    response = phone.goto(live_server.url + browser_data.path)
    assert response is not None and response.ok


def event_gallery(phone):
    return phone.locator("#gallery ~ ul.gallery")


def focus_is_in(phone, selector):
    return phone.evaluate(f"document.activeElement.closest({selector!r}) !== null")


def test_lightbox_opens_moves_and_gives_focus_back(phone, live_server, browser_data, http_errors):
    data = browser_data
    open_event(phone, live_server, data)
    links = event_gallery(phone).locator("a.gallery__link")
    expect(links).to_have_count(3)

    links.nth(1).scroll_into_view_if_needed()
    links.nth(1).click()
    dialog = phone.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert focus_is_in(phone, "dialog.lightbox")
    status = dialog.locator(".lightbox__position")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(position(2, 3))
    image = dialog.locator("img.lightbox__image")
    expect(image).to_have_attribute("alt", f"ภาพ{CAPTIONS[1]}")
    expect(dialog.locator("figcaption")).to_have_text(CAPTIONS[1])
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("image => image.naturalWidth") > 0

    # Arrow keys and buttons move through the gallery, round from the last to the first.
    phone.keyboard.press("ArrowRight")
    expect(status).to_have_text(position(3, 3))
    expect(dialog.locator("figcaption")).to_have_text(CAPTIONS[2])
    phone.keyboard.press("ArrowRight")
    expect(status).to_have_text(position(1, 3))
    phone.keyboard.press("ArrowLeft")
    expect(status).to_have_text(position(3, 3))
    dialog.get_by_role("button", name=data.previous).click()
    expect(status).to_have_text(position(2, 3))
    dialog.get_by_role("button", name=data.next).click()
    expect(status).to_have_text(position(3, 3))

    # Tab goes round the dialog's buttons and never leaves it.
    for _ in range(5):
        phone.keyboard.press("Tab")
        assert focus_is_in(phone, "dialog.lightbox")

    phone.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(links.nth(1)).to_be_focused()

    # From the keyboard: Enter on a thumbnail, then the close button.
    links.nth(0).focus()
    phone.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(status).to_have_text(position(1, 3))
    dialog.get_by_role("button", name=data.close).click()
    expect(dialog).to_be_hidden()
    expect(links.nth(0)).to_be_focused()
    assert not http_errors


def test_each_gallery_opens_its_own_photos(phone, live_server, browser_data, http_errors):
    open_event(phone, live_server, browser_data)
    block_links = phone.locator(".gallery-block a.gallery__link")
    expect(block_links).to_have_count(2)
    block_links.nth(1).scroll_into_view_if_needed()
    block_links.nth(1).click()
    dialog = phone.get_by_role("dialog")
    expect(dialog.locator(".lightbox__position")).to_have_text(position(2, 2))
    expect(dialog.locator("figcaption")).to_have_text(BLOCK_CAPTIONS[1])
    phone.keyboard.press("ArrowRight")
    expect(dialog.locator("figcaption")).to_have_text(BLOCK_CAPTIONS[0])
    assert not http_errors


def test_without_javascript_a_thumbnail_is_a_link_to_the_large_photo(
    browser, live_server, browser_data
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + browser_data.path)
    link = page.locator("#gallery ~ ul.gallery a.gallery__link").first
    href = link.get_attribute("href")
    with page.expect_response(lambda response: response.url.endswith(href)) as large:
        link.click()
    assert large.value.ok
    assert large.value.headers["content-type"] == "image/jpeg"
    expect(page.locator("dialog")).to_have_count(0)
    context.close()


def test_printed_report_keeps_the_content_and_drops_the_furniture(phone, live_server, browser_data):
    open_event(phone, live_server, browser_data)
    phone.emulate_media(media="print")

    def display(selector):
        return phone.locator(selector).first.evaluate(
            "element => getComputedStyle(element).display"
        )

    for furniture in (".site-header", ".site-footer", ".breadcrumbs", ".share", ".related"):
        assert display(furniture) == "none", furniture
    for furniture in (".site-menu", ".site-search", ".language-switcher", "button"):
        expect(phone.locator(furniture).first).to_be_hidden()
    # What the report is, and where it came from.
    source = phone.locator(".print-source")
    expect(source).to_be_visible()
    expect(source).to_contain_text(live_server.url + browser_data.path)
    for content in ("h1", ".fact-box", "#gallery ~ ul.gallery", ".hero-image img"):
        assert display(content) != "none", content
    columns = phone.locator("#gallery ~ ul.gallery").evaluate(
        "gallery => getComputedStyle(gallery).gridTemplateColumns.split(' ').length"
    )
    assert columns == 4

    pdf = phone.pdf(format="A4")
    assert pdf.startswith(b"%PDF")

    phone.emulate_media(media="screen")
    assert display(".site-header") != "none"
    assert display(".print-source") == "none"
