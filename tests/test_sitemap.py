"""/sitemap.xml: every live public page and partner page, in both languages."""

import datetime
from xml.etree import ElementTree

import pytest
from wagtail.models import Page, PageViewRestriction

from . import factories

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PUBLISHED = datetime.datetime(2024, 6, 13, 9, tzinfo=datetime.UTC)


def read_sitemap(client, query=""):
    """{location: {"lastmod": str, "alternates": {hreflang: href}}}."""
    response = client.get("/sitemap.xml" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # The site's own output, parsed to check it; nothing untrusted.
    root = ElementTree.fromstring(response.content)  # noqa: S314
    urls = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        assert location not in urls, f"{location} listed twice"
        urls[location] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NS)
                if link.get("rel") == "alternate"
            },
        }
    return urls


def full(page):
    return f"http://testserver{Page.objects.get(pk=page.pk).url}"


@pytest.fixture
def bilingual_site(site_tree, english):
    home, partners = site_tree["home"], site_tree["partners"]
    article = factories.ArticlePageFactory(parent=site_tree["articles"], title="สนับสนุนงานภาคี")
    event = factories.EventSummaryPageFactory(parent=site_tree["events"], title="เวทีอาสาสมัคร")
    ebook = factories.EbookPageFactory(parent=site_tree["ebooks"], title="ผีเสื้อขยับปีก เล่ม 9")
    thai_only = factories.ArticlePageFactory(parent=site_tree["articles"], title="ข่าวภาษาไทยเท่านั้น")
    partner = factories.PartnerFactory(name="มูลนิธิกระจกเงา", slug="mirror-foundation")
    factories.ArticlePartnerFactory(page=article, partner=partner)
    english_pages = [
        factories.translate_page(page, english, title=title)
        for page, title in (
            (home, "Home"),
            (site_tree["articles"], "Articles"),
            (site_tree["events"], "Events"),
            (site_tree["ebooks"], "Library"),
            (partners, "Partners"),
            (article, "Supporting partners"),
            (event, "Volunteers' forum"),
            (ebook, "Butterfly, volume 9"),
        )
    ]
    english_partner = partner.copy_for_translation(english)
    english_partner.name = "Mirror Foundation"
    english_partner.save()
    thai_pages = [home, *(site_tree[name] for name in ("articles", "events", "ebooks"))]
    thai_pages += [partners, article, event, ebook, thai_only]
    Page.objects.update(last_published_at=PUBLISHED)
    Page.objects.filter(pk=article.pk).update(last_published_at=PUBLISHED.replace(month=7, day=1))
    return {
        "thai": thai_pages,
        "english": english_pages,
        "thai_only": thai_only,
        "article": article,
        "partner": partner,
        "english_partner": english_partner,
    }


def test_every_live_page_is_listed_in_both_languages_with_reciprocal_alternates(
    client, bilingual_site
):
    urls = read_sitemap(client)
    article_pk = bilingual_site["article"].pk
    for thai, english in zip(bilingual_site["thai"], bilingual_site["english"], strict=False):
        thai_url, english_url = full(thai), full(english)
        assert english_url.startswith("http://testserver/en/")
        expected = {"th": thai_url, "en": english_url, "x-default": thai_url}
        assert urls[thai_url]["alternates"] == expected
        assert urls[english_url]["alternates"] == expected
        assert urls[thai_url]["lastmod"] == (
            "2024-07-01" if thai.pk == article_pk else "2024-06-13"
        )
    thai_only = full(bilingual_site["thai_only"])
    assert urls[thai_only]["alternates"] == {"th": thai_only, "x-default": thai_only}
    listed_pages = {url for url in urls if "/mirror-foundation/" not in url}
    assert listed_pages == {
        full(page) for page in bilingual_site["thai"] + bilingual_site["english"]
    }


def test_partner_pages_are_listed_with_their_translation(client, bilingual_site, site_tree):
    urls = read_sitemap(client)
    thai_url = "http://testserver" + site_tree["partners"].partner_url(bilingual_site["partner"])
    english_index = site_tree["partners"].get_translation(bilingual_site["english"][0].locale)
    english_url = "http://testserver" + english_index.specific.partner_url(
        bilingual_site["english_partner"]
    )
    expected = {"th": thai_url, "en": english_url, "x-default": thai_url}
    assert urls[thai_url]["alternates"] == expected
    assert urls[english_url]["alternates"] == expected
    # It changed when the article linking to it was last published.
    assert urls[thai_url]["lastmod"] == "2024-07-01"


def test_every_listed_address_is_a_page_search_engines_may_index(client, bilingual_site):
    for location in read_sitemap(client):
        response = client.get(location)
        assert response.status_code == 200, location
        assert 'name="robots"' not in response.content.decode(), location


def test_private_draft_and_noindex_pages_are_left_out(client, bilingual_site, site_tree):
    private = factories.ArticlePageFactory(parent=site_tree["articles"], title="บันทึกภายใน")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="กรรมการ"
    )
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], title="ฉบับร่าง", live=False)
    form = factories.StoryFormPageFactory(parent=site_tree["home"])
    assert 'content="noindex"' in client.get(form.url).content.decode()

    urls = read_sitemap(client)
    for page in (private, draft, form):
        assert full(page) not in urls
    assert not any(url.startswith("http://testserver/search/") for url in urls)


def test_bad_page_numbers_are_refused_without_an_error(client, bilingual_site):
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    assert client.get("/sitemap.xml?p=99999999999").status_code == 404
    assert read_sitemap(client, "?utm_source=x")


def test_sitemap_queries_do_not_grow_with_pages_and_partners(
    client, bilingual_site, site_tree, django_assert_max_num_queries
):
    listed_before = len(read_sitemap(client))
    # A query per page or partner would add ten, well past the bound.
    added = 10
    for _ in range(added):
        partner = factories.PartnerFactory()
        article = factories.ArticlePageFactory(parent=site_tree["articles"])
        factories.ArticlePartnerFactory(page=article, partner=partner)
        factories.EventSummaryPageFactory(parent=site_tree["events"])
        factories.EbookPageFactory(parent=site_tree["ebooks"], publisher=partner)
    with django_assert_max_num_queries(12):
        urls = read_sitemap(client)
    assert len(urls) == listed_before + added * 4
