"""Thai at /, English at /en/: lang attributes, dates, switcher and hreflang."""

import datetime

import pytest
from wagtail.models import Site

from articles.models import EventPartner
from core.models import SiteIdentity
from thai.models import ThaiLanguageSettings

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_in_two_languages(site_tree, english):
    thai_partner = factories.PartnerFactory(name="มูลนิธิกระจกเงา", short_name="")
    english_partner = thai_partner.copy_for_translation(english)
    english_partner.name = "Mirror Foundation"
    english_partner.save()
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"],
        title="ขบวนการเคลื่อนไหวทางสังคม",
        start_date=datetime.date(2019, 6, 14),
        end_date=datetime.date(2019, 6, 19),
    )
    factories.EventPartnerFactory(page=event, partner=thai_partner, role=EventPartner.ORGANISER)
    factories.translate_page(site_tree["home"], english, title="Home")
    factories.translate_page(site_tree["events"], english, title="Events")
    english_event = factories.translate_page(event, english, title="Social movements")
    for link in english_event.partner_links.all():
        link.partner = english_partner
        link.save()
    return event, english_event


def test_thai_page_shows_buddhist_era_dates_and_thai_lang(client, event_in_two_languages):
    event, _english = event_in_two_languages
    html = client.get(event.url).content.decode()
    assert '<html lang="th"' in html
    assert "14–19 มิ.ย. 2562" in html
    assert "มูลนิธิกระจกเงา" in html


def test_english_page_shows_common_era_dates_and_english_lang(client, event_in_two_languages):
    _event, english_event = event_in_two_languages
    assert english_event.url.startswith("/en/")
    html = client.get(english_event.url).content.decode()
    assert '<html lang="en"' in html
    assert "14–19 Jun 2019" in html
    assert "Mirror Foundation" in html
    assert "มูลนิธิกระจกเงา" not in html


def test_pages_point_to_their_translations(client, event_in_two_languages):
    event, english_event = event_in_two_languages
    thai_html = client.get(event.url).content.decode()
    english_html = client.get(english_event.url).content.decode()
    assert f'hreflang="en" href="{english_event.full_url}"' in thai_html
    assert f'hreflang="th" href="{event.full_url}"' in english_html
    # The language switcher leads to the same event in the other language.
    assert f'href="{english_event.url}"' in thai_html
    assert f'href="{event.url}"' in english_html


def test_english_partner_page_lists_english_pages(
    client, site_tree, english, event_in_two_languages
):
    _event, english_event = event_in_two_languages
    partner_index_en = factories.translate_page(site_tree["partners"], english, title="Partners")
    english_partner = english_event.partner_links.get().partner
    response = client.get(partner_index_en.partner_url(english_partner))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Social movements" in html
    thai_partner = english_partner.get_translation(site_tree["partners"].locale)
    # The switcher leads to the same partner's Thai page, not to the directory.
    assert f'href="{site_tree["partners"].partner_url(thai_partner)}" hreflang="th"' in html


def test_thai_digits_setting_changes_thai_dates_only(client, event_in_two_languages):
    event, english_event = event_in_two_languages
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()
    assert "๑๔–๑๙ มิ.ย. ๒๕๖๒" in client.get(event.url).content.decode()
    assert "14–19 Jun 2019" in client.get(english_event.url).content.decode()


def test_english_pages_carry_the_english_site_name(client, event_in_two_languages):
    event, english_event = event_in_two_languages
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.english_name = "Phakhi Sang Suk Foundation"
    identity.save()
    english_html = client.get(english_event.url).content.decode()
    thai_html = client.get(event.url).content.decode()
    assert "Phakhi Sang Suk Foundation" in english_html
    assert "Phakhi Sang Suk Foundation" not in thai_html
