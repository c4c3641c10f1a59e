"""The e-book library's OPDS 1.2 catalogue, read as an e-reader app reads it."""

import datetime
from urllib.parse import urlsplit

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import PageViewRestriction

from articles import opds

from . import factories

pytestmark = pytest.mark.django_db

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
NS = {"atom": ATOM, "dc": DC, "opds": OPDS}
ACQUISITION_FEED = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ACQUISITION = "http://opds-spec.org/acquisition"


def thai_ebook(index, **fields):
    ebook = factories.EbookPageFactory(
        parent=index,
        authors="สมชาย ใจดี, อารีย์ มีสุข",
        summary="<p>บทเรียนจาก<b>ภาคี</b>ชายแดนใต้ &amp; เครือข่ายอาสา</p><p>ตอนที่สอง</p>",
        pdf=factories.EbookDocumentFactory(),
        epub=factories.EpubDocumentFactory(),
        **fields,
    )
    factories.EbookTopicFactory(page=ebook, topic=factories.TopicFactory(name="สันติภาพ"))
    return ebook


@pytest.fixture
def library(site_tree, english):
    index = site_tree["ebooks"]
    books = [
        thai_ebook(index, publication_date=datetime.date(2021, 12, 1) + datetime.timedelta(days=n))
        for n in range(3)
    ]
    draft = thai_ebook(index, title="ฉบับร่างที่ยังไม่เผยแพร่", live=False)
    no_files = factories.EbookPageFactory(parent=index, title="หนังสือที่ไม่มีไฟล์", pdf=None)
    private = thai_ebook(index, title="เฉพาะเจ้าหน้าที่")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    factories.translate_page(site_tree["home"], english, title="Home")
    english_index = factories.translate_page(index, english, title="Library")
    english_book = factories.translate_page(
        books[0], english, title="Butterfly Wings", language="en"
    )
    return {
        "index": index,
        "books": books,
        "draft": draft,
        "no_files": no_files,
        "private": private,
        "english_index": english_index,
        "english_book": english_book,
    }


def fetch(client, index, **params):
    response = client.get(index.opds_url(), params)
    assert response.status_code == 200
    assert response["Content-Type"] == ACQUISITION_FEED
    return response


def parse(response):
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    root = etree.fromstring(response.content)  # raises on XML that is not well-formed
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.nsmap[None] == ATOM and root.nsmap["dc"] == DC and root.nsmap["opds"] == OPDS
    return parsed, root


def links(element, rel):
    return element.findall(f"atom:link[@rel='{rel}']", NS)


def entry_titles(root):
    return [entry.findtext("atom:title", namespaces=NS) for entry in root.findall("atom:entry", NS)]


def test_catalogue_is_well_formed_atom_with_the_feeds_own_elements(client, library):
    index = library["index"]
    parsed, root = parse(fetch(client, index))
    feed_url = f"http://testserver{index.opds_url()}"
    assert root.findtext("atom:id", namespaces=NS).startswith("urn:uuid:")
    assert root.findtext("atom:title", namespaces=NS) == index.title
    assert parsed.feed.updated_parsed is not None
    assert root.find("atom:author/atom:name", NS).text
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "th"
    for rel in ("self", "start"):
        (link,) = links(root, rel)
        assert link.get("href") == feed_url
        assert link.get("type") == ACQUISITION_FEED
    (html_link,) = links(root, "alternate")
    assert html_link.get("href") == f"http://testserver{index.url}"


def test_each_ebook_is_an_entry_with_its_facts_and_files(client, library):
    book = library["books"][0]
    _parsed, root = parse(fetch(client, library["index"]))
    (entry,) = [
        e
        for e in root.findall("atom:entry", NS)
        if e.findtext("atom:title", namespaces=NS) == book.title
    ]
    assert entry.findtext("atom:id", namespaces=NS).startswith("urn:uuid:")
    assert entry.findtext("atom:updated", namespaces=NS)
    assert [a.text for a in entry.findall("atom:author/atom:name", NS)] == ["สมชาย ใจดี", "อารีย์ มีสุข"]
    assert entry.findtext("dc:language", namespaces=NS) == "th"
    assert entry.findtext("dc:issued", namespaces=NS) == "2021-12-01"
    assert entry.findtext("dc:identifier", namespaces=NS) == "urn:isbn:9786160000005"
    summary = entry.find("atom:summary", NS)
    assert summary.get("type") == "text"
    assert summary.text == "บทเรียนจากภาคีชายแดนใต้ & เครือข่ายอาสา ตอนที่สอง"
    (category,) = entry.findall("atom:category", NS)
    assert category.get("label") == "สันติภาพ" and category.get("term")

    acquisitions = {link.get("type"): link for link in links(entry, ACQUISITION)}
    assert set(acquisitions) == {"application/pdf", "application/epub+zip"}
    pdf, epub = acquisitions["application/pdf"], acquisitions["application/epub+zip"]
    assert pdf.get("href") == f"http://testserver{book.download_url('pdf')}"
    assert epub.get("href") == f"http://testserver{book.download_url('epub')}"
    assert int(pdf.get("length")) == book.pdf.file_size
    assert int(epub.get("length")) == book.epub.file_size

    (cover,) = links(entry, "http://opds-spec.org/image")
    (thumbnail,) = links(entry, "http://opds-spec.org/image/thumbnail")
    for image in (cover, thumbnail):
        assert image.get("href").startswith("http://testserver/")
        assert image.get("type").startswith("image/")
    (alternate,) = links(entry, "alternate")
    assert alternate.get("href") == f"http://testserver{book.url}"
    assert alternate.get("type") == "text/html"


def test_entry_ids_stay_the_same_when_the_title_and_address_change(client, library):
    book = library["books"][1]
    before = {
        e.findtext("atom:id", namespaces=NS)
        for e in parse(fetch(client, library["index"]))[1].findall("atom:entry", NS)
    }
    book.title = "ชื่อใหม่ของหนังสือ"
    book.slug = "new-title"
    book.save_revision().publish()
    after = {
        e.findtext("atom:id", namespaces=NS)
        for e in parse(fetch(client, library["index"]))[1].findall("atom:entry", NS)
    }
    assert before == after


def test_every_address_is_absolute_and_downloads_work(client, library):
    _parsed, root = parse(fetch(client, library["index"]))
    hrefs = [link.get("href") for link in root.iter(f"{{{ATOM}}}link")]
    assert hrefs and all(href.startswith("http://testserver/") for href in hrefs)
    download = links(root.find("atom:entry", NS), ACQUISITION)[0]
    response = client.get(urlsplit(download.get("href")).path)
    assert response.status_code == 200
    assert response["Content-Type"] == download.get("type")


def test_only_live_public_ebooks_with_files_in_the_catalogues_language(client, library):
    _parsed, root = parse(fetch(client, library["index"]))
    assert sorted(entry_titles(root)) == sorted(book.title for book in library["books"])

    _parsed, english_root = parse(fetch(client, library["english_index"]))
    assert entry_titles(english_root) == ["Butterfly Wings"]
    assert english_root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entry = english_root.find("atom:entry", NS)
    assert entry.findtext("dc:language", namespaces=NS) == "en"
    download = links(entry, ACQUISITION)[0].get("href")
    assert urlsplit(download).path.startswith("/en/")


def test_catalogue_is_paginated_with_next_and_previous(client, library, monkeypatch):
    monkeypatch.setattr(opds, "ENTRIES_PER_PAGE", 2)
    index = library["index"]
    feed_url = f"http://testserver{index.opds_url()}"

    _parsed, first = parse(fetch(client, index))
    assert len(first.findall("atom:entry", NS)) == 2
    assert links(first, "previous") == []
    assert links(first, "next")[0].get("href") == f"{feed_url}?page=2"

    _parsed, second = parse(fetch(client, index, page="2"))
    assert len(second.findall("atom:entry", NS)) == 1
    assert links(second, "next") == []
    assert links(second, "previous")[0].get("href") == feed_url
    assert links(second, "self")[0].get("href") == f"{feed_url}?page=2"
    assert links(second, "start")[0].get("href") == feed_url
    assert sorted(entry_titles(first) + entry_titles(second)) == sorted(
        b.title for b in library["books"]
    )


@pytest.mark.parametrize("page_number", ["abc", "0", "-1", "99999", "1.5", "", "%00", "9" * 50])
def test_bad_page_numbers_give_a_real_page(client, library, monkeypatch, page_number):
    monkeypatch.setattr(opds, "ENTRIES_PER_PAGE", 2)
    _parsed, root = parse(fetch(client, library["index"], page=page_number))
    assert 1 <= len(root.findall("atom:entry", NS)) <= 2


def test_the_library_page_points_e_reader_apps_to_the_catalogue(client, library):
    index = library["index"]
    html = client.get(index.url).content.decode()
    feed_url = f"http://testserver{index.opds_url()}"
    assert (
        f'<link rel="alternate" type="{ACQUISITION_FEED}" title="' in html
        and f'href="{feed_url}"' in html
    )
    assert f'<a class="opds-note__link" href="{feed_url}"' in html
    english_html = client.get(library["english_index"].url).content.decode()
    assert f'href="http://testserver{library["english_index"].opds_url()}"' in english_html
    assert "e-reader app" in english_html


def test_catalogue_queries_do_not_grow_with_the_number_of_ebooks(
    client, library, django_assert_max_num_queries
):
    index = library["index"]
    fetch(client, index)  # cover renditions are made on the first request
    with CaptureQueriesContext(connection) as queries:
        fetch(client, index)
    with_three = len(queries)
    for _ in range(12):
        thai_ebook(index)
    fetch(client, index)
    with django_assert_max_num_queries(min(with_three, 20), info="15 e-books"):
        response = fetch(client, index)
    assert len(parse(response)[1].findall("atom:entry", NS)) == 15
