"""Information pages (the privacy notice, the cookie notice) and the setting that
links them from every page's footer, in the reader's language."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from articles.models import ArticlePage
from core.models import InformationPage
from home.models import HomePage
from privacy.models import PrivacySettings

from . import factories

pytestmark = pytest.mark.django_db


def path_of(page):
    return urlsplit(page.url).path


def footer(response):
    return re.search(r"<footer.*?</footer>", response.content.decode(), re.DOTALL).group(0)


def links(html):
    return set(re.findall(r'<a href="([^"]+)"', html))


@pytest.fixture
def notices(site_tree, english):
    home = site_tree["home"]
    privacy = factories.InformationPageFactory(parent=home, slug="privacy")
    cookies = factories.InformationPageFactory(
        parent=home,
        title="ประกาศเกี่ยวกับการใช้คุกกี้",
        slug="cookies",
        intro="เว็บไซต์ใช้คุกกี้เท่าที่จำเป็น",
    )
    factories.use_as_notices(privacy_notice=privacy, cookie_notice=cookies)
    english_home = factories.translate_page(home, english, title="Home")
    return {
        "privacy": privacy,
        "cookies": cookies,
        "english_home": english_home,
        "english_privacy": factories.translate_page(privacy, english, title="Privacy notice"),
        "english_cookies": factories.translate_page(cookies, english, title="Cookie notice"),
    }


def test_an_information_page_shows_its_title_intro_date_and_body(client, site_tree):
    page = factories.InformationPageFactory(
        parent=site_tree["home"],
        body=[
            {"type": "heading", "value": {"text": "สิทธิของเจ้าของข้อมูล", "level": "h2"}},
            {"type": "paragraph", "value": "<p>ขอเข้าถึง แก้ไข หรือลบข้อมูลได้ทางอีเมล</p>"},
        ],
    )
    response = client.get(path_of(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>นโยบายความเป็นส่วนตัว</h1>" in html
    assert "มูลนิธิเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็น" in html
    assert ">สิทธิของเจ้าของข้อมูล</h2>" in html
    assert "<p>ขอเข้าถึง แก้ไข หรือลบข้อมูลได้ทางอีเมล</p>" in html
    # Last updated 15 January 2025: 2568 in the Buddhist Era.
    assert re.search(r'<time datetime="2025-01-15">15 มกราคม 2568</time>', html)


def test_information_pages_sit_under_the_home_page_only(site_tree):
    assert InformationPage.can_create_at(site_tree["home"])
    assert not InformationPage.can_create_at(site_tree["articles"])
    assert InformationPage in HomePage.creatable_subpage_models()


def test_the_footer_links_to_both_notices_in_thai(client, notices):
    response = client.get("/")
    assert response.status_code == 200
    footer_links = links(footer(response))
    assert {path_of(notices["privacy"]), path_of(notices["cookies"])} <= footer_links
    for key in ("privacy", "cookies"):
        page = client.get(path_of(notices[key]))
        assert page.status_code == 200
        assert f"<h1>{notices[key].title}</h1>" in page.content.decode()


def test_the_footer_links_to_both_notices_in_english(client, notices):
    response = client.get(path_of(notices["english_home"]))
    assert response.status_code == 200
    footer_links = links(footer(response))
    english = {path_of(notices["english_privacy"]), path_of(notices["english_cookies"])}
    assert english <= footer_links
    assert all(path.startswith("/en/") for path in english)
    assert path_of(notices["privacy"]) not in footer_links
    for key, title in (("english_privacy", "Privacy notice"), ("english_cookies", "Cookie notice")):
        page = client.get(path_of(notices[key]))
        assert page.status_code == 200
        assert f"<h1>{title}</h1>" in page.content.decode()
        assert 'lang="en"' in page.content.decode()
    # The banner points English readers to the English cookie notice too.
    banner = re.search(
        r'<section class="consent".*?</section>', response.content.decode(), re.DOTALL
    )
    assert f'href="{path_of(notices["english_cookies"])}"' in banner.group(0)


def test_an_untranslated_or_unpublished_notice(client, notices):
    # Without an English translation, English readers get the Thai notice.
    Page.objects.filter(pk=notices["english_cookies"].pk).update(live=False)
    english_footer = links(footer(client.get(path_of(notices["english_home"]))))
    assert path_of(notices["cookies"]) in english_footer
    # An unpublished notice is not linked at all.
    Page.objects.filter(pk=notices["cookies"].pk).update(live=False)
    assert path_of(notices["cookies"]) not in links(footer(client.get("/")))


def test_without_the_setting_the_footer_still_offers_cookie_settings(client, site_tree):
    html = footer(client.get("/"))
    assert "data-consent-open" in html
    assert "/cookie-consent/?next=/" in html


def test_staff_find_the_setting_in_settings(client, admin_user, notices):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/privacy/privacysettings/{site.pk}/")
    assert response.status_code == 200
    assert "analytics_script_url" in response.content.decode()
    menu = client.get("/admin/").content.decode()
    assert "/admin/settings/privacy/privacysettings/" in menu


def test_the_analytics_script_must_be_https(notices):
    settings = PrivacySettings.objects.get()
    settings.analytics_script_url = "http://stats.example.org/script.js"
    with pytest.raises(ValidationError):
        settings.full_clean()
    settings.analytics_script_url = "https://stats.example.org/script.js"
    settings.full_clean()


def test_editors_write_a_notice_with_the_usual_body_blocks(client, admin_user, site_tree):
    client.force_login(admin_user)
    home = site_tree["home"]
    response = client.get(f"/admin/pages/add/core/informationpage/{home.pk}/")
    assert response.status_code == 200
    form = response.content.decode()
    assert 'name="intro"' in form
    assert 'name="last_updated"' in form
    assert '"fieldName": "body"' in form
    assert set(InformationPage.body.field.stream_block.child_blocks) == set(
        ArticlePage.body.field.stream_block.child_blocks
    )
