"""A reader copies an event summary's link from the share box, in Debian's chromium.

The "Copy link" button writes the page's canonical address to the clipboard
and says so in the status line; where the Clipboard API is missing the address
is shown selected in a read-only field instead; and without JavaScript there
is no button at all. The page is built before the browser starts (see
conftest.py): the test bodies only use plain values.
"""

import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Run before the page's own script: a browser without the Clipboard API, as an
# old phone browser or a page served over plain HTTP is.
WITHOUT_CLIPBOARD_API = (
    "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
)
SELECTED_TEXT = (
    "() => { const f = document.activeElement;"
    " return f.value.slice(f.selectionStart, f.selectionEnd); }"
)


@pytest.fixture
def browser_data(transactional_db, live_server, site_tree):
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"],
        title="เวทีแลกเปลี่ยนเครือข่ายอาสาสมัครชายแดนใต้",
        hero_image=factories.PhotoFactory(),
    )
    with translation.override("th"):
        copied = translation.gettext("Link copied")
        select = translation.gettext(
            "The link is selected: press Ctrl+C, or touch and hold it, to copy it."
        )
        copy_label = translation.gettext("Copy link")
    return SimpleNamespace(
        path=event.url,
        canonical=live_server.url + event.url,
        copied=copied,
        select=select,
        copy_label=copy_label,
    )


def test_copy_link_puts_the_canonical_address_on_the_clipboard(
    phone, live_server, browser_data, http_errors
):
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    phone.goto(live_server.url + browser_data.path)
    share = phone.locator(".share")
    status = share.get_by_role("status")
    button = share.get_by_role("button", name=browser_data.copy_label)
    expect(button).to_be_visible()
    expect(share.locator(".share__field")).to_be_hidden()

    # As a keyboard user does: the button is reachable and works with Enter.
    button.focus()
    phone.keyboard.press("Enter")

    expect(status).to_have_text(browser_data.copied)
    assert phone.evaluate("navigator.clipboard.readText()") == browser_data.canonical
    expect(share.locator(".share__field")).to_be_hidden()
    assert http_errors == []


def test_without_the_clipboard_api_the_link_is_shown_selected(
    phone, live_server, browser_data, http_errors
):
    phone.add_init_script(WITHOUT_CLIPBOARD_API)
    phone.goto(live_server.url + browser_data.path)
    share = phone.locator(".share")
    share.get_by_role("button", name=browser_data.copy_label).click()

    field = share.get_by_role("textbox")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    expect(field).to_have_value(browser_data.canonical)
    expect(field).to_have_attribute("readonly", "")
    assert phone.evaluate(SELECTED_TEXT) == browser_data.canonical
    # Chromium may still copy the selection the old way; either way the reader is told.
    told = re.compile(f"^({re.escape(browser_data.copied)}|{re.escape(browser_data.select)})$")
    expect(share.get_by_role("status")).to_have_text(told)
    assert http_errors == []


def test_without_javascript_there_is_no_copy_button(browser, live_server, browser_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(live_server.url + browser_data.path)
        share = tab.locator(".share")
        expect(share.get_by_role("link", name="LINE")).to_be_visible()
        expect(share.get_by_role("button")).to_have_count(0)
        expect(share.get_by_role("textbox")).to_have_count(0)
    finally:
        context.close()
