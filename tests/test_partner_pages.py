import datetime

import pytest

from articles.models import EventPartner
from network.models import PartnerOrganisation, Province

from . import factories

pytestmark = pytest.mark.django_db


def partner_page_url(site_tree, partner):
    return site_tree["partners"].partner_url(partner)


def test_partner_page_lists_every_live_linked_page_newest_first(client, site_tree):
    partner = factories.PartnerFactory(name="ศูนย์อาสาสร้างสุข", short_name="")
    older_article = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บทความเก่า", published_date=datetime.date(2018, 7, 24)
    )
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"], title="เวทีอาสาสมัคร", start_date=datetime.date(2019, 6, 14)
    )
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        title="ผีเสื้อขยับปีก เล่ม 9",
        publisher=partner,
        publication_date=datetime.date(2021, 12, 1),
    )
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], title="ฉบับร่าง", live=False)
    unrelated = factories.ArticlePageFactory(parent=site_tree["articles"], title="ไม่เกี่ยวข้อง")
    factories.ArticlePartnerFactory(page=older_article, partner=partner)
    factories.ArticlePartnerFactory(page=draft, partner=partner)
    factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.ORGANISER)
    factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.PARTICIPANT)

    response = client.get(partner_page_url(site_tree, partner))

    assert response.status_code == 200
    html = response.content.decode()
    assert "ศูนย์อาสาสร้างสุข" in html
    positions = [html.find(page.title) for page in (ebook, event, older_article)]
    assert all(position > 0 for position in positions)
    assert positions == sorted(positions), "newest first"
    assert html.count(f'href="{event.url}"') >= 1
    assert "ฉบับร่าง" not in html
    assert unrelated.title not in html
    assert [page.pk for page in response.context["linked_pages"]] == [
        ebook.pk,
        event.pk,
        older_article.pk,
    ]


def test_unknown_partner_is_a_404(client, site_tree):
    response = client.get(site_tree["partners"].url + "no-such-partner/")
    assert response.status_code == 404


def test_directory_filters_by_kind_and_province(client, site_tree):
    pattani = Province.objects.get(name_th="ปัตตานี")
    songkhla = Province.objects.get(name_th="สงขลา")
    media = factories.PartnerFactory(name="สถานีวิทยุชุมชน", kind=PartnerOrganisation.Kind.MEDIA)
    media.provinces.add(pattani)
    media.save()
    academic = factories.PartnerFactory(
        name="โครงการบัณฑิตอาสา", kind=PartnerOrganisation.Kind.ACADEMIC
    )
    academic.provinces.add(songkhla)
    academic.save()
    url = site_tree["partners"].url

    by_kind = client.get(url, {"kind": "media"})
    by_province = client.get(url, {"province": songkhla.code})
    both = client.get(url, {"kind": "media", "province": songkhla.code})

    assert list(by_kind.context["partners"]) == [media]
    assert list(by_province.context["partners"]) == [academic]
    assert list(both.context["partners"]) == []
    assert "สถานีวิทยุชุมชน" in by_kind.content.decode()


def test_directory_ignores_nonsense_filters(client, site_tree):
    factories.PartnerFactory(name="กลุ่มอามีน")
    plain = client.get(site_tree["partners"].url).content.decode()
    response = client.get(
        site_tree["partners"].url, {"kind": "<script>", "province": "XX", "q": "x" * 5000}
    )
    assert response.status_code == 200
    # The page's own scripts are there either way; the sent one is not added.
    assert response.content.decode().count("<script>") == plain.count("<script>")


def test_partner_slug_is_romanised_and_shared_by_its_translation(english):
    partner = factories.PartnerFactory(name="มูลนิธิกระจกเงา", short_name="")
    translation = partner.copy_for_translation(english)
    translation.name = "Mirror Foundation"
    translation.save()
    assert partner.slug.isascii() and partner.slug
    assert translation.slug == partner.slug


def test_directory_keeps_valid_filters_when_another_is_unknown(client, site_tree):
    media = factories.PartnerFactory(name="สถานีวิทยุชุมชน", kind=PartnerOrganisation.Kind.MEDIA)
    factories.PartnerFactory(name="โครงการบัณฑิตอาสา", kind=PartnerOrganisation.Kind.ACADEMIC)
    response = client.get(site_tree["partners"].url, {"kind": "media", "province": "XX"})
    assert list(response.context["partners"]) == [media]
