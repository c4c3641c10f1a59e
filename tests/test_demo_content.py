"""`manage.py load_demo_content`: the whole demo site, in Thai and English.

The command runs once for the module inside a transaction that is rolled back at
the end (it takes several seconds); each test runs in a savepoint inside it.
"""

import io
import re
import xml.etree.ElementTree as ET  # parses only files this project generated
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Revision

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePartner,
    EbookIndexPage,
    EbookPage,
    EbookPartner,
    EventGalleryImage,
    EventIndexPage,
    EventPartner,
    EventSummaryPage,
)
from articles.validators import isbn_is_valid
from core.models import InformationPage
from home.models import HomeFeaturedPage, HomeFeaturedPartner, HomePage
from network.models import PartnerIndexPage, PartnerOrganisation, Programme, StoryFormPage, Topic

pytestmark = pytest.mark.django_db

THAI = re.compile(r"[\u0e00-\u0e7f]")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PAGE_TYPES = [
    HomePage,
    ArticleIndexPage,
    EventIndexPage,
    EbookIndexPage,
    PartnerIndexPage,
    ArticlePage,
    EventSummaryPage,
    EbookPage,
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            output = io.StringIO()
            call_command("load_demo_content", stdout=output)
            yield output.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def th(demo_site):
    return Locale.objects.get(language_code="th")


@pytest.fixture
def en(demo_site):
    return Locale.objects.get(language_code="en")


def snapshot():
    models = [
        Page,
        PartnerOrganisation,
        Programme,
        Topic,
        ArticlePartner,
        EventPartner,
        EbookPartner,
        EventGalleryImage,
        HomeFeaturedPage,
        HomeFeaturedPartner,
        Revision,
        ReferenceIndex,
        get_image_model(),
        get_document_model(),
    ]
    counts = {model._meta.label: model.objects.count() for model in models}
    for model in PAGE_TYPES:
        for code in ("th", "en"):
            counts[f"{model._meta.label} {code}"] = model.objects.filter(
                locale__language_code=code
            ).count()
    return counts


def block_types(stream):
    return {block.block_type for block in stream}


def list_items(stream):
    return [
        item
        for block in stream
        if block.block_type == "numbered_list"
        for item in block.value["items"]
    ]


def pdf_pages(document):
    with document.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(PAGE_OBJECT.findall(data))


# --- summary ------------------------------------------------------------------------


def test_command_prints_a_summary_with_both_home_urls(demo_site):
    assert "Demo content loaded" in demo_site
    assert "partners: 36 Thai, 36 English" in demo_site
    assert re.search(r"home page \(Thai\):\s+http://\S+/\n", demo_site)
    assert re.search(r"home page \(English\):\s+http://\S+/en/\n", demo_site)


# --- snippets -------------------------------------------------------------------------


def test_partners_cover_every_kind_with_missions_and_english_translations(th, en):
    partners = PartnerOrganisation.objects.filter(locale=th)
    assert partners.count() >= 20
    assert set(partners.values_list("kind", flat=True)) == set(PartnerOrganisation.Kind.values)
    assert all(partner.mission for partner in partners)
    assert {"มยส.", "ครปอ.", "พม.", "สบท."} <= set(partners.values_list("short_name", flat=True))
    assert partners.exclude(logo=None).count() >= 5
    assert partners.filter(provinces__name_th="ปัตตานี").exists()
    for website in partners.exclude(website="").values_list("website", flat=True):
        assert website.startswith("https://example.org/")
    mirror = partners.get(name="มูลนิธิกระจกเงา")
    english = mirror.get_translation(en)
    assert english.name == "Mirror Foundation"
    assert english.slug == mirror.slug
    assert list(english.provinces.all()) == list(mirror.provinces.all())
    assert PartnerOrganisation.objects.filter(locale=en).count() == partners.count()
    for partner in PartnerOrganisation.objects.filter(locale=en):
        assert not THAI.search(partner.mission), partner.mission


def test_programmes_and_topics_are_translated(th, en):
    ntts = Programme.objects.get(locale=th, short_name="นธส.")
    assert ntts.name.startswith("โครงการเสริมสร้างศักยภาพผู้นำ")
    assert ntts.funder and ntts.start_date and ntts.end_date
    assert Programme.objects.filter(locale=th).count() >= 2
    assert Topic.objects.filter(locale=th).count() >= 5
    for model in (Programme, Topic):
        for obj in model.objects.filter(locale=th):
            assert not THAI.search(obj.get_translation(en).name)


# --- pages --------------------------------------------------------------------------


def test_home_page_and_sections(th):
    home = HomePage.objects.get(locale=th)
    assert home.title != "หน้าแรก" and home.tagline and home.intro
    assert home.featured_items.count() == 3
    assert home.featured_partners.count() >= 8
    children = list(home.get_children().specific())
    sections = [page for page in children if not isinstance(page, InformationPage)]
    assert {type(page) for page in sections} == {
        ArticleIndexPage,
        EventIndexPage,
        EbookIndexPage,
        PartnerIndexPage,
        StoryFormPage,
    }
    assert all(page.show_in_menus and page.live for page in sections)
    assert {page.title for page in sections} == {
        "บทความ",
        "สรุปกิจกรรม",
        "ห้องสมุด e-book",
        "ภาคีเครือข่าย",
        "ส่งเรื่องจากภาคี",
    }
    notices = {page.title for page in children if isinstance(page, InformationPage) and page.live}
    assert notices == {"นโยบายความเป็นส่วนตัว", "ประกาศเกี่ยวกับการใช้คุกกี้"}


def test_every_demo_page_is_live_valid_and_dated():
    pages = Page.objects.filter(depth__gte=2).specific()
    assert len(pages) >= 20
    for page in pages:
        assert page.live and not page.has_unpublished_changes, page
        assert page.first_published_at is not None, page
        page.full_clean()
        for field in page._meta.get_fields():
            if field.__class__.__name__ == "StreamField":
                field.stream_block.clean(getattr(page, field.name))


def test_articles(th):
    articles = ArticlePage.objects.filter(locale=th)
    support = articles.get(kind="partner_support")
    assert {"heading", "paragraph", "numbered_list", "quote", "key_figure", "image"} <= block_types(
        support.body
    )
    items = list_items(support.body)
    assert [item["label"] for item in items[:3]] == ["1.", "1.1", "1.2"]
    assert {item["level"] for item in items} == {"1", "2"}
    assert any("30 ต.ค. 2561" in item["text"] for item in items)
    assert (
        support.partner_links.count() >= 5
        and support.topic_links.exists()
        and support.tags.exists()
    )

    concept = articles.get(kind="concept")
    assert concept.licence == "cc_by_nc_sa"
    assert concept.published_date == date(2009, 10, 15)
    assert concept.updated_date == date(2012, 6, 10)
    assert concept.programme is not None
    assert concept.first_published_at.year == 2009
    labels = [item["label"] for item in list_items(concept.body)]
    assert "9." in labels and "11." in labels and "ขั้นที่ 6" in labels

    thai_digits = [item["label"] for page in articles for item in list_items(page.body)]
    thai_digits += [
        item["label"]
        for page in EventSummaryPage.objects.filter(locale=th)
        for item in list_items(page.body)
    ]
    assert "๑." in thai_digits and "๑.๑" in thai_digits


def test_event_summaries_have_structured_fields_and_galleries(th):
    events = EventSummaryPage.objects.filter(locale=th)
    assert events.count() == 3
    for event in events:
        gallery = list(event.gallery_images.all())
        assert 4 <= len(gallery) <= 14
        assert all(item.alt_text and item.caption for item in gallery)
        assert all((item.image.width, item.image.height) == (1600, 900) for item in gallery)
        assert event.partner_links.filter(role=EventPartner.ORGANISER).exists()
        assert event.objectives and event.activities and event.body and event.indicators
        assert event.provinces.exists() and event.hero_image

    course = events.get(start_date=date(2019, 6, 14))
    assert course.end_date == date(2019, 6, 19)
    assert (course.reporting_period_start, course.reporting_period_end) == (
        date(2019, 6, 16),
        date(2019, 7, 15),
    )
    assert course.participants_people == 25 and course.venue
    assert course.programme.short_name == "นธส."
    assert course.partner_links.filter(partner__name="มูลนิธิกระจกเงา").exists()

    meeting = events.get(start_date=date(2018, 7, 24))
    assert (meeting.participants_people, meeting.participants_people_target) == (53, 70)
    assert meeting.participants_organisations == 20
    assert meeting.participants_organisations_confirmed == 39
    assert {p.name_th for p in meeting.provinces.all()} == {"ปัตตานี", "ยะลา", "นราธิวาส", "สงขลา"}
    assert meeting.partner_links.filter(role=EventPartner.PARTICIPANT).count() >= 15
    assert block_types(meeting.indicators) == {"quantitative", "qualitative"}
    assert len(meeting.problems) == 2 and all(block.value["solution"] for block in meeting.problems)
    assert len(meeting.agreements) == 6 and meeting.next_steps

    civic_day = events.get(start_date=date(2021, 10, 20))
    assert civic_day.gallery_images.count() == 14
    assert civic_day.partner_links.get(role=EventPartner.ORGANISER).partner.name == "มูลนิธิชุมชนสงขลา"


def test_ebooks_have_real_files(th):
    ebooks = EbookPage.objects.filter(locale=th)
    assert ebooks.count() >= 2
    for ebook in ebooks:
        assert ebook.pdf and ebook.cover_image and ebook.publisher
        assert ebook.page_count == pdf_pages(ebook.pdf) >= 3
        assert isbn_is_valid(ebook.isbn)
        chapters = [block.value for block in ebook.table_of_contents]
        assert chapters and all(
            1 < chapter["page_number"] <= ebook.page_count for chapter in chapters
        )
        assert ebook.related_links.exists()

    series = ebooks.get(series="ผีเสื้อขยับปีก")
    assert series.volume == 9
    assert series.publisher.name == "มูลนิธิชุมชนสงขลา"
    with series.epub.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    container = ET.fromstring(archive.read("META-INF/container.xml"))  # noqa: S314
    opf_path = container.find(".//{*}rootfile").get("full-path")
    package = ET.fromstring(archive.read(opf_path))  # noqa: S314
    assert package.find(".//{http://purl.org/dc/elements/1.1/}title").text == series.title
    for name in archive.namelist():
        if name.endswith((".xhtml", ".opf", ".xml")):
            ET.fromstring(archive.read(name))  # noqa: S314 - well-formed


# --- English ----------------------------------------------------------------------------


def test_every_page_type_has_an_english_translation(th, en):
    for model in PAGE_TYPES:
        english = model.objects.filter(locale=en).live()
        assert english.exists(), model
        for page in english:
            assert page.get_translation(th).live
            assert not THAI.search(page.title), page.title


def test_english_pages_link_to_english_partners_topics_and_programmes(en):
    for model in (ArticlePage, EventSummaryPage, EbookPage):
        for page in model.objects.filter(locale=en):
            assert page.partner_links.exists()
            assert {link.partner.locale_id for link in page.partner_links.all()} == {en.pk}
            assert {link.topic.locale_id for link in page.topic_links.all()} == {en.pk}
            assert {link.locale_id for link in page.partner_links.all()} == {en.pk}
            if page.programme_id:
                assert page.programme.locale_id == en.pk
    ebook = EbookPage.objects.get(locale=en)
    assert ebook.publisher.locale_id == en.pk
    assert ebook.pdf == ebook.get_translation(Locale.objects.get(language_code="th")).pdf

    event = EventSummaryPage.objects.get(locale=en)
    for item in event.gallery_images.all():
        assert item.locale_id == en.pk
        assert item.alt_text and not THAI.search(item.alt_text + item.caption)

    home = HomePage.objects.get(locale=en)
    assert {item.featured_page.locale_id for item in home.featured_items.all()} == {en.pk}
    assert {item.partner.locale_id for item in home.featured_partners.all()} == {en.pk}


def test_translations_share_keys_with_their_sources(th, en):
    event = EventSummaryPage.objects.get(locale=en)
    source = event.get_translation(th)
    assert [link.translation_key for link in event.partner_links.all()] == [
        link.translation_key for link in source.partner_links.all()
    ]
    assert [block.id for block in event.body] == [block.id for block in source.body]


# --- running it again ---------------------------------------------------------------------


def test_running_again_changes_no_counts(demo_site):
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert snapshot() == before
    assert "0 objects created" in output.getvalue()


def test_verbosity_zero_is_silent(demo_site):
    output = io.StringIO()
    call_command("load_demo_content", stdout=output, verbosity=0)
    assert output.getvalue() == ""


# --- rendering ----------------------------------------------------------------------------


def demo_urls(code):
    pages = [
        page.specific for page in Page.objects.filter(depth__gte=2, locale__language_code=code)
    ]
    urls = {type(page).__name__: page.get_url() for page in pages}
    partners = PartnerIndexPage.objects.get(locale__language_code=code)
    partner = PartnerOrganisation.objects.get(locale__language_code=code, slug="mirror-foundation")
    urls["partner"] = partners.partner_url(partner)
    return urls


def rendered(response, code):
    return response.status_code, f'lang="{code}"' in response.content.decode()


@pytest.fixture(scope="module")
def first_views(demo_site, django_db_blocker):
    """Every demo page in both languages as its first reader gets it. The first
    view of a page makes its image renditions (most of the cost of rendering the
    demo site); made once here, inside the module's transaction, they serve the
    later views of both languages instead of being made again for each."""
    browser = Client()
    with django_db_blocker.unblock():
        return {
            code: {url: rendered(browser.get(url), code) for url in demo_urls(code).values()}
            for code in ("th", "en")
        }


@pytest.mark.parametrize("code", ["th", "en"])
def test_every_page_type_renders(client, demo_site, first_views, code):
    urls = demo_urls(code)
    assert {model.__name__ for model in PAGE_TYPES} <= set(urls)
    for name, url in urls.items():
        if code == "en":
            assert url.startswith("/en/"), url
        assert first_views[code][url] == (200, True), ("first view", name, url)
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert f'lang="{code}"' in response.content.decode()
