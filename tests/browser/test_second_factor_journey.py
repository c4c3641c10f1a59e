"""A Moderator's first sign-in in Chromium: password, then setting up the authenticator."""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    # Wagtail's groups come from migrations: the flush of a transactional test must
    # give them back, and leave the next test the database it expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def browser_data(transactional_db, live_server, settings, django_user_model):
    settings.REQUIRE_SECOND_FACTOR = True
    moderator = django_user_model.objects.create_user("somying", "somying@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return moderator.username


def code_for(secret):
    totp = TOTP(base64.b32decode(secret), step=30, digits=6)
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_a_moderator_sets_up_the_second_factor_and_reaches_the_dashboard(
    browser, live_server, browser_data
):
    page = browser.new_page(locale="th-TH")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/admin/login/")
    page.locator('input[name="username"]').fill(browser_data)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()

    # The password alone leads to the set-up page, whatever admin page was asked for.
    page.wait_for_url(re.compile(r"/admin/second-factor/set-up/$"))
    page.goto(live_server.url + "/admin/pages/")
    page.wait_for_url(re.compile(r"/admin/second-factor/set-up/$"))
    # The admin's script fetches its icons into the page once it has loaded: the
    # set-up page must not come back in their place.
    page.wait_for_load_state("networkidle")
    expect(page.locator("main")).to_have_count(1)
    expect(page.locator("h1")).to_have_text("ตั้งค่าการลงชื่อเข้าใช้แบบสองขั้นตอน")
    expect(page.locator("main svg")).to_be_visible()
    secret = page.locator("[data-second-factor-secret]").inner_text().strip()

    page.locator('input[name="code"]').fill(code_for(secret))
    page.locator('main button[type="submit"]', has_text="ยืนยัน").click()
    codes = page.locator("main li code")
    expect(codes).to_have_count(10)

    page.goto(live_server.url + "/admin/")
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.locator("#main")).to_have_count(1)
    assert errors == []
