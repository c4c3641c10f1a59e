"""Structured data (JSON-LD) for search engines: Article, Event, Book, Organization,
WebSite and BreadcrumbList, with the properties Google requires of each type,
ISO 8601 dates and absolute URLs, in Thai and English."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from articles.models import EventPartner

from . import factories
from .sharing_helpers import BASE, PAGE_KINDS, build_site, json_ld, local_file, one_of_type

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org"
BREAKOUT = "</script><script>alert(1)</script><!--"


@pytest.fixture
def site(site_tree, english):
    return build_site(site_tree, english)


def documents_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    documents = json_ld(response)
    for document in documents:
        assert document["@context"] == SCHEMA
    return documents


def assert_absolute(url):
    assert isinstance(url, str) and url.startswith(BASE + "/"), url


def assert_iso_date(value):
    datetime.date.fromisoformat(value)


@pytest.mark.parametrize("language", ["th", "en"])
def test_article_has_googles_required_properties(client, site, language):
    page = site["pages"][language]["article"]
    article = one_of_type(documents_of(client, page.url), "Article")

    assert article["headline"] == page.title
    assert article["datePublished"] == "2024-06-13"
    assert article["dateModified"] == "2024-07-02"
    assert article["author"] == {"@type": "Person", "name": "สมศรี ใจดี"}
    assert article["inLanguage"] == language
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": BASE + page.url}
    assert article["description"] == page.intro

    publisher = article["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"]
    assert_absolute(publisher["url"])
    assert_absolute(publisher["logo"]["url"])
    with Image.open(local_file(publisher["logo"]["url"])) as logo:
        assert logo.size == (publisher["logo"]["width"], publisher["logo"]["height"])

    assert len(article["image"]) == 3
    shapes = set()
    for url in article["image"]:
        assert_absolute(url)
        with Image.open(local_file(url)) as picture:
            assert picture.width == 1200
            shapes.add(picture.height)
    assert shapes == {675, 900, 1200}, "16:9, 4:3 and 1:1"


def test_a_long_headline_is_cut_to_110_characters(client, site_tree):
    title = "ถอดบทเรียนการทำงานร่วมกับภาคีเครือข่ายอาสาสมัครในพื้นที่สามจังหวัดชายแดนภาคใต้ " * 3
    page = factories.ArticlePageFactory(parent=site_tree["articles"], title=title.strip())
    article = one_of_type(documents_of(client, page.url), "Article")
    assert len(article["headline"]) <= 110
    assert title.startswith(article["headline"].rstrip("…"))


def test_an_article_without_an_author_is_by_the_foundation(client, site_tree):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], author_name="")
    article = one_of_type(documents_of(client, page.url), "Article")
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == article["publisher"]["name"]


@pytest.mark.parametrize("language", ["th", "en"])
def test_event_summary_is_an_event_held_in_its_provinces(client, site, language):
    page = site["pages"][language]["event"]
    partner = site["partners"][language]
    event = one_of_type(documents_of(client, page.url), "Event")

    assert event["name"] == page.title
    assert event["description"] == page.intro
    assert event["startDate"] == "2019-06-14"
    assert event["endDate"] == "2019-06-19"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["url"] == BASE + page.url

    location = event["location"]
    assert location["@type"] == "Place"
    assert location["name"] == page.venue
    assert location["address"]["@type"] == "PostalAddress"
    assert location["address"]["addressCountry"] == "TH"
    provinces = {"th": ["ปัตตานี", "ยะลา"], "en": ["Pattani", "Yala"]}[language]
    assert sorted(location["address"]["addressRegion"].split(", ")) == provinces

    partner_url = BASE + site["pages"][language]["partners"].partner_url(partner)
    assert event["organizer"] == [
        {"@type": "Organization", "name": partner.name, "url": partner_url}
    ]
    assert event["image"]
    for url in event["image"]:
        assert_absolute(url)


def test_event_without_venue_or_organiser_still_has_a_place(client, site_tree):
    page = factories.EventSummaryPageFactory(parent=site_tree["events"], venue="", end_date=None)
    factories.EventPartnerFactory(page=page, role=EventPartner.PARTICIPANT)
    event = one_of_type(documents_of(client, page.url), "Event")
    assert event["location"]["name"]
    assert event["location"]["address"] == {"@type": "PostalAddress", "addressCountry": "TH"}
    assert event["endDate"] == event["startDate"] == "2019-06-14"
    assert "organizer" not in event, "participants are not organisers"


@pytest.mark.parametrize("language", ["th", "en"])
def test_ebook_is_a_book_with_its_files(client, site, language):
    page = site["pages"][language]["ebook"]
    partner = site["partners"][language]
    book = one_of_type(documents_of(client, page.url), "Book")

    assert book["name"] == page.title
    assert book["author"] == [
        {"@type": "Person", "name": "สมชาย ใจกว้าง"},
        {"@type": "Person", "name": "สมหญิง รักถิ่น"},
    ]
    assert book["url"] == BASE + page.url
    assert book["isbn"] == "978-616-0-00000-5"
    assert book["numberOfPages"] == 48
    assert book["inLanguage"] == "th"  # the book's own language, not the page's
    assert book["datePublished"] == "2021-12-01"
    assert book["bookFormat"] == "https://schema.org/EBook"
    assert book["publisher"]["name"] == partner.name
    assert_absolute(book["publisher"]["url"])
    for url in book["image"]:
        assert_absolute(url)
    (pdf,) = book["encoding"]
    assert pdf["@type"] == "MediaObject"
    assert pdf["encodingFormat"] == "application/pdf"
    # The page's own download route, which checks the page, never /documents/ or /media/.
    assert pdf["contentUrl"] == BASE + page.download_url("pdf")
    assert client.get(pdf["contentUrl"].removeprefix(BASE)).status_code == 200


@pytest.mark.parametrize("language", ["th", "en"])
def test_partner_page_describes_the_organisation(client, site, language):
    partner = site["partners"][language]
    url = site["urls"][language]["partner"]
    organisation = one_of_type(documents_of(client, url), "Organization")

    assert organisation["name"] == partner.name
    assert organisation["alternateName"] == partner.short_name
    assert organisation["url"] == BASE + url
    assert_absolute(organisation["logo"])
    assert organisation["address"]["addressRegion"] == {"th": "ยะลา", "en": "Yala"}[language]
    assert organisation["address"]["addressCountry"] == "TH"
    assert organisation["sameAs"] == [
        "https://www.mirror.or.th/",
        "https://www.facebook.com/mirror.foundation",
    ]


def test_home_page_describes_the_foundation_and_the_site(client, site):
    documents = documents_of(client, site["urls"]["th"]["home"])
    foundation = one_of_type(documents, "Organization")
    website = one_of_type(documents, "WebSite")
    assert foundation["name"] == website["name"] == "มูลนิธิภาคีสร้างสุข"
    assert foundation["url"] == website["url"] == BASE + "/"
    assert_absolute(foundation["logo"]["url"])
    assert website["inLanguage"] == "th"
    assert one_of_type(documents_of(client, site["urls"]["en"]["home"]), "WebSite")["url"] == (
        BASE + "/en/"
    )


def visible_breadcrumbs(client, url):
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    trail = soup.select_one("nav.breadcrumbs")
    if trail is None:
        return None
    crumbs = []
    for item in trail.select("li"):
        link = item.find("a")
        crumbs.append(
            (item.get_text(strip=True), BASE + link["href"] if link else BASE + url.split("?")[0])
        )
    return crumbs


@pytest.mark.parametrize("language", ["th", "en"])
def test_breadcrumb_list_matches_the_visible_breadcrumbs(client, site, language):
    for kind in PAGE_KINDS:
        if kind == "not found":
            continue
        url = site["urls"][language][kind]
        visible = visible_breadcrumbs(client, url)
        lists = [
            document
            for document in documents_of(client, url)
            if document["@type"] == "BreadcrumbList"
        ]
        if visible is None:
            assert lists == [], f"{url} shows no breadcrumbs"
            continue
        (breadcrumbs,) = lists
        items = breadcrumbs["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(visible) + 1)), url
        assert [(item["name"], item["item"]) for item in items] == visible, url
        assert all(item["@type"] == "ListItem" for item in items)


def test_breadcrumbs_appear_where_readers_see_them(client, site):
    expected_lengths = {"article": 3, "event": 3, "ebook": 3, "partner": 3, "articles": 2}
    for kind, length in expected_lengths.items():
        breadcrumbs = one_of_type(documents_of(client, site["urls"]["th"][kind]), "BreadcrumbList")
        assert len(breadcrumbs["itemListElement"]) == length, kind


# base.html's one inline script: it marks <html class="js"> before the first paint.
JS_FLAG_SCRIPT = 'document.documentElement.classList.add("js");'


def test_a_title_cannot_break_out_of_the_script(client, site_tree):
    page = factories.ArticlePageFactory(
        parent=site_tree["articles"], title=f"ภาคี {BREAKOUT} & เพื่อน", author_name=BREAKOUT
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "<!--" not in html.split("</head>")[0]

    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    article = one_of_type([json.loads(script.string) for script in scripts], "Article")
    assert article["headline"] == f"ภาคี {BREAKOUT} & เพื่อน"
    assert article["author"]["name"] == BREAKOUT
    # Nothing but the site's own scripts and the JSON-LD documents.
    assert all(
        script.get("type") == "application/ld+json"
        or script.get("src")
        or script.string == JS_FLAG_SCRIPT
        for script in soup.find_all("script")
    )


def test_pages_without_a_type_of_their_own_have_only_breadcrumbs(client, site):
    for kind in ("articles", "events", "ebooks", "partners", "story form"):
        documents = documents_of(client, site["urls"]["en"][kind])
        assert [document["@type"] for document in documents] == ["BreadcrumbList"], kind
    assert documents_of(client, site["urls"]["th"]["search"]) == []
