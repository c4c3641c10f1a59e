"""A partner sends a story with two photos from a phone; a moderator finds the
draft in the admin and publishes it; a reader then finds it on the site.

The moderator works in the Wagtail admin on a desktop-sized window, through the
moderation workflow that every story starts ("Approve and publish"). Everything
the journey needs from the database is set up before the browser starts, and
nothing is read back from it while the browser runs (see conftest.py): the
draft is found, checked and published through the admin, and the published
page through the public site.
"""

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
MIN_FILL_SECONDS = 1
REFERENCE = re.compile(r"\d{4}-[A-Z0-9]{6}")
MODERATOR_PASSWORD = "ผู้ตรวจ-correct-horse-42"

STORY = SimpleNamespace(
    contact_name="สมศรี ใจดี",
    email="somsri@example.org",
    phone="081 234 5678",
    title="เวทีแลกเปลี่ยนเยาวชนนักสื่อสารชายแดนใต้ ครั้งที่ 3",
    date="2024-11-23",
    paragraphs=[
        "เยาวชนนักสื่อสารจากสามจังหวัดชายแดนใต้สามสิบคนมาพบกันที่ปัตตานี "
        "เพื่อเล่าเรื่องชุมชนของตัวเองผ่านภาพถ่ายและคลิปสั้น",
        "ช่วงบ่ายแต่ละกลุ่มนำเสนอผลงาน และตกลงกันว่าจะผลิตเรื่องเล่าร่วมกันเดือนละหนึ่งเรื่อง",
    ],
)


def record_errors(page, origin):
    """Responses of 400 and above from the site under test, as they happen."""
    errors = []

    def record(response):
        if response.url.startswith(origin + "/") and response.status >= 400:
            errors.append(f"{response.status} {response.request.method} {response.url}")

    page.on("response", record)
    return errors


def photo(path, size, colour):
    Image.new("RGB", size, colour).save(path, format="JPEG", quality=85)
    return str(path)


@pytest.fixture
def browser_data(transactional_db, live_server, story_site, story_settings, django_user_model):
    story_settings.STORY_MIN_FILL_SECONDS = MIN_FILL_SECONDS
    uploads = story_settings.STORY_UPLOADS_ROOT.parent / "partner-phone"
    uploads.mkdir()
    moderator = django_user_model.objects.create_user(
        "moderator", "moderator@example.org", MODERATOR_PASSWORD, first_name="ผู้ตรวจ"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    partner = story_site["partner"]
    return SimpleNamespace(
        form_path=urlsplit(story_site["form"].url).path,
        events_path=urlsplit(story_site["events"].url).path,
        events_explorer=f"/admin/pages/{story_site['events'].pk}/",
        partner_id=str(partner.pk),
        partner_name=partner.name,
        moderator=moderator.username,
        photos=[
            photo(uploads / "เวที-1.jpg", (1200, 900), (180, 90, 40)),
            photo(uploads / "เวที-2.jpg", (900, 1200), (40, 110, 170)),
        ],
    )


def test_partner_sends_a_story_from_a_phone_and_a_moderator_publishes_it(
    phone, browser, live_server, browser_data, http_errors
):
    data = browser_data

    # --- the partner, on a phone ---------------------------------------------------
    phone.goto(live_server.url + data.form_path)
    opened = phone.evaluate("Date.now()")
    assert phone.evaluate("document.documentElement.lang") == "th"
    form = phone.locator("form.story-form")
    form.locator('select[name="partner"]').select_option(data.partner_id)
    form.locator('input[name="contact_name"]').fill(STORY.contact_name)
    form.locator('input[name="email"]').fill(STORY.email)
    form.locator('input[name="phone"]').fill(STORY.phone)
    form.locator('input[name="kind"][value="event"]').check()
    form.locator('input[name="title"]').fill(STORY.title)
    form.locator('input[name="start_date"]').fill(STORY.date)
    form.locator('textarea[name="story"]').fill("\n\n".join(STORY.paragraphs))
    form.locator('input[name="photos"]').set_input_files(data.photos)
    form.locator('input[name="consent"]').check()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # A person takes longer than the form's minimum; make sure this one does too.
    waited = phone.evaluate("Date.now()") - opened
    phone.wait_for_timeout(max(0, (MIN_FILL_SECONDS + 1) * 1000 - waited))
    form.locator('button[type="submit"]').click()

    phone.wait_for_url(re.compile(r"/thanks/[^/]+/$"))
    reference = phone.locator(".story-reference strong")
    expect(reference).to_have_text(REFERENCE)
    assert REFERENCE.fullmatch(reference.inner_text().strip())
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # --- the moderator, at a desk --------------------------------------------------
    desk = browser.new_context(
        viewport=DESKTOP_VIEWPORT, locale="th-TH", timezone_id="Asia/Bangkok"
    )
    desk.set_default_timeout(20_000)
    admin = desk.new_page()
    admin_errors = record_errors(admin, live_server.url)
    admin.goto(live_server.url + "/admin/login/")
    admin.locator('input[name="username"]').fill(data.moderator)
    admin.locator('input[name="password"]').fill(MODERATOR_PASSWORD)
    admin.locator('form button[type="submit"]').click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    # The draft waits under the events index, in moderation.
    admin.goto(live_server.url + data.events_explorer)
    listing = admin.locator("main")
    expect(listing.get_by_role("link", name=STORY.title)).to_have_count(1)
    listing.get_by_role("link", name=STORY.title).click()
    admin.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    edit_path = urlsplit(admin.url).path

    # The partner's title, text and photos are all on the draft.
    expect(admin.locator('input[name="title"]')).to_have_value(STORY.title)
    body = admin.locator('[data-contentpath="body"]')
    for paragraph in STORY.paragraphs:
        expect(body.locator(".public-DraftEditor-content", has_text=paragraph)).to_have_count(1)
    expect(admin.locator('input[name="gallery_images-TOTAL_FORMS"]')).to_have_value("2")
    gallery = admin.locator(
        '[id^="id_gallery_images-"][id$="-image-chooser"]:not([id*="__prefix__"]) img'
    )
    expect(gallery).to_have_count(2)
    for index in range(2):
        expect(gallery.nth(index)).to_have_attribute("src", re.compile(r"^/media/images/.+"))
        expect(gallery.nth(index)).to_have_js_property("complete", True)
        assert gallery.nth(index).evaluate("image => image.naturalWidth") > 0

    # Approve it: the workflow's only task, so approving publishes it.
    footer = admin.locator("footer.footer")
    footer.locator('[data-w-dropdown-target="toggle"]').click()
    approve = admin.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    expect(approve).to_be_visible()
    approve.click()
    admin.wait_for_url(lambda url: urlsplit(url).path != edit_path)
    expect(admin.locator(".messages .success")).to_contain_text(STORY.title)
    desk.close()
    assert admin_errors == []

    # --- a reader, back on the phone -----------------------------------------------
    phone.goto(live_server.url + data.events_path)
    story_link = phone.get_by_role("main").get_by_role("link", name=STORY.title).first
    story_path = urlsplit(story_link.get_attribute("href")).path
    assert story_path.startswith(data.events_path)
    story_link.click()
    phone.wait_for_url(lambda url: urlsplit(url).path == story_path)
    expect(phone.get_by_role("heading", level=1)).to_have_text(STORY.title)
    prose = phone.locator(".event-section .prose")
    for paragraph in STORY.paragraphs:
        expect(prose.locator("p", has_text=paragraph)).to_have_count(1)
    expect(phone.get_by_role("main")).to_contain_text(data.partner_name)
    photos = phone.locator(".gallery img")
    expect(photos).to_have_count(2)
    for index in range(2):
        photos.nth(index).scroll_into_view_if_needed()
        expect(photos.nth(index)).to_have_js_property("complete", True)
        assert photos.nth(index).evaluate("image => image.naturalWidth") > 0
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert http_errors == []
