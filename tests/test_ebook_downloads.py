"""Reading and downloading e-books through the e-book page: file names, types,
who may have the files, download counts and the facts the page shows."""

import re
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urlsplit

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from articles.ebooks import EbookDownloadCount
from audience.models import PageViewCount
from thai.digits import to_thai_digits
from thai.models import ThaiLanguageSettings

from . import factories
from .view_count_helpers import count_address

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
THAI_TITLE = "ผีเสื้อขยับปีก เล่ม ๙ ก้าวแรกของเครือข่ายอาสาสมัครชายแดนใต้"
UTF8_FILENAME = re.compile(r"filename\*=UTF-8''([^;\s]+)")
ASCII_FILENAME = re.compile(r'filename="([^"]*)"')


def body_of(response):
    return b"".join(response.streaming_content)


def downloads(page, file_format="pdf"):
    counter = EbookDownloadCount.objects.filter(page=page, file_format=file_format).first()
    return counter.count if counter else 0


def utf8_filename(response):
    return unquote(UTF8_FILENAME.search(response["Content-Disposition"]).group(1))


@pytest.fixture
def pdf_data():
    return factories.pdf_bytes(pages=5)


@pytest.fixture
def ebook(site_tree, pdf_data):
    return factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        title=THAI_TITLE,
        slug="butterfly-wings-9",
        page_count=None,
        pdf=factories.EbookDocumentFactory(data=pdf_data),
        epub=factories.EpubDocumentFactory(),
    )


# --- Files, names and headers ------------------------------------------------------


def test_download_is_the_pdf_as_an_attachment_named_after_the_thai_title(client, ebook, pdf_data):
    response = client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert utf8_filename(response) == f"{THAI_TITLE}.pdf"
    fallback = ASCII_FILENAME.search(response["Content-Disposition"]).group(1)
    assert fallback == "butterfly-wings-9.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(pdf_data)
    assert body_of(response) == pdf_data


def test_read_online_opens_the_same_pdf_inline(client, ebook, pdf_data):
    response = client.get(ebook.read_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert utf8_filename(response) == f"{THAI_TITLE}.pdf"
    assert body_of(response) == pdf_data


def test_epub_downloads_with_its_own_type_and_extension(client, ebook):
    response = client.get(ebook.download_url("epub"), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    assert utf8_filename(response) == f"{THAI_TITLE}.epub"
    assert body_of(response) == ebook.epub.file.open("rb").read()


def test_addresses_are_readable_and_under_the_page(ebook):
    assert ebook.read_url() == f"{ebook.url}read/"
    assert ebook.download_url("pdf") == f"{ebook.url}download/pdf/"
    assert ebook.download_url("epub") == f"{ebook.url}download/epub/"
    assert ebook.download_url("docx") == ""


def test_characters_unsafe_in_file_names_are_removed_and_thai_marks_kept(client, site_tree):
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        title='คู่มือ "ภาคี": งานปี 2567/2568 <ฉบับย่อ>?\u200b',
        pdf=factories.EbookDocumentFactory(),
    )
    response = client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert utf8_filename(response) == "คู่มือ ภาคี งานปี 2567 2568 ฉบับย่อ.pdf"
    fallback = ASCII_FILENAME.search(response["Content-Disposition"]).group(1)
    assert fallback.isascii() and fallback.endswith(".pdf") and len(fallback) > 4


def test_the_page_itself_is_still_served_and_links_to_its_files(client, ebook):
    html = client.get(ebook.url).content.decode()
    assert f'href="{ebook.read_url()}"' in html
    assert f'href="{ebook.download_url("pdf")}"' in html
    assert f'href="{ebook.download_url("epub")}"' in html
    assert f'href="{ebook.pdf.url}"' not in html


# --- Who gets the files -----------------------------------------------------------------


def test_a_drafts_files_are_not_served(client, site_tree):
    draft = factories.EbookPageFactory(
        parent=site_tree["ebooks"], live=False, pdf=factories.EbookDocumentFactory()
    )
    assert client.get(f"{draft.url}read/").status_code == 404
    assert client.get(f"{draft.url}download/pdf/").status_code == 404
    assert not EbookDownloadCount.objects.exists()


def test_an_unpublished_pages_files_are_no_longer_served(client, ebook):
    read_url, download_url = ebook.read_url(), ebook.download_url("pdf")
    assert client.get(download_url).status_code == 200
    ebook.unpublish()
    assert client.get(read_url).status_code == 404
    assert client.get(download_url).status_code == 404


def test_a_private_pages_files_need_the_password(client, ebook):
    PageViewRestriction.objects.create(
        page=ebook, restriction_type=PageViewRestriction.PASSWORD, password="ภาคี"
    )
    response = client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert downloads(ebook) == 0


def test_missing_files_and_unknown_formats_are_not_found(client, site_tree):
    pdf_only = factories.EbookPageFactory(
        parent=site_tree["ebooks"], pdf=factories.EbookDocumentFactory(), epub=None
    )
    no_files = factories.EbookPageFactory(parent=site_tree["ebooks"], pdf=None, epub=None)
    for url in [
        f"{pdf_only.url}download/epub/",
        f"{pdf_only.url}download/docx/",
        f"{pdf_only.url}download/{'x' * 500}/",
        f"{pdf_only.url}read/extra/",
        f"{no_files.url}read/",
        f"{no_files.url}download/pdf/",
    ]:
        assert client.get(url).status_code == 404, url
    assert no_files.read_url() == "" and no_files.download_url("pdf") == ""


def test_a_file_gone_from_storage_is_not_found(client, ebook):
    ebook.pdf.file.storage.delete(ebook.pdf.file.name)
    assert client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER).status_code == 404
    assert downloads(ebook) == 0


# --- Counting ---------------------------------------------------------------------------


def test_each_reader_download_counts_once_and_reading_counts_as_a_pdf_download(client, ebook):
    client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert downloads(ebook, "pdf") == 1
    client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    client.get(ebook.read_url(), HTTP_USER_AGENT=BROWSER)
    assert downloads(ebook, "pdf") == 3
    client.get(ebook.download_url("epub"), HTTP_USER_AGENT=BROWSER)
    assert downloads(ebook, "epub") == 1
    assert downloads(ebook, "pdf") == 3


def test_downloads_are_not_counted_as_views_of_the_page(client, ebook):
    client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    client.get(ebook.read_url(), HTTP_USER_AGENT=BROWSER)
    assert PageViewCount.views_of(ebook.pk) == 0
    # A view is what the page's script reports once the page is shown.
    client.post(count_address(client.get(ebook.url)), HTTP_USER_AGENT=BROWSER)
    assert PageViewCount.views_of(ebook.pk) == 1


def test_robots_head_requests_and_prefetches_are_not_counted(client, ebook):
    assert client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=CRAWLER).status_code == 200
    assert client.get(ebook.download_url("pdf")).status_code == 200  # no User-Agent at all
    head = client.head(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert head.status_code == 200
    assert head["Content-Type"] == "application/pdf"
    prefetch = client.get(ebook.read_url(), HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch")
    assert prefetch.status_code == 200
    assert downloads(ebook) == 0


def test_counts_are_kept_per_page_and_nothing_about_the_reader(client, site_tree, ebook):
    other = factories.EbookPageFactory(
        parent=site_tree["ebooks"], pdf=factories.EbookDocumentFactory()
    )
    client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9")
    client.get(other.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert downloads(ebook) == 1 and downloads(other) == 1
    fields = {field.name for field in EbookDownloadCount._meta.get_fields()}
    assert fields == {"id", "page", "file_format", "count"}


# Serialized rollback puts back what the migrations made (the home page, content
# types) for the tests that run after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_over_http_are_all_counted(live_server, site_tree, pdf_data):
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"], pdf=factories.EbookDocumentFactory(data=pdf_data)
    )
    url = live_server.url + urlsplit(ebook.download_url("pdf")).path
    workers, per_worker = 8, 12
    start = threading.Barrier(workers)

    def download(_worker):
        start.wait(timeout=30)
        bodies = []
        for _ in range(per_worker):
            request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
            with urllib.request.urlopen(request, timeout=60) as response:
                bodies.append(response.read())
        return bodies

    with ThreadPoolExecutor(max_workers=workers) as pool:
        bodies = [body for result in pool.map(download, range(workers)) for body in result]

    assert len(bodies) == workers * per_worker
    assert all(body == pdf_data for body in bodies)
    assert downloads(ebook) == workers * per_worker


# --- Page counts read from the PDF --------------------------------------------------------


def test_page_count_is_read_from_the_pdf_when_the_editor_leaves_it_empty(site_tree):
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        page_count=None,
        pdf=factories.EbookDocumentFactory(data=factories.pdf_bytes(pages=7)),
    )
    ebook.refresh_from_db()
    assert ebook.page_count == 7


def test_the_editors_page_count_is_kept(site_tree):
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        page_count=120,
        pdf=factories.EbookDocumentFactory(data=factories.pdf_bytes(pages=7)),
    )
    ebook.refresh_from_db()
    assert ebook.page_count == 120


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer <<",
        b"",
        b"not a pdf at all",
        factories.pdf_bytes(pages=4)[:300],
        factories.pdf_bytes(pages=4, owner_password="owner", user_password="reader"),
    ],
    ids=["broken", "empty", "not-a-pdf", "truncated", "encrypted"],
)
def test_an_unreadable_pdf_leaves_the_page_count_empty(site_tree, data):
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        page_count=None,
        pdf=factories.EbookDocumentFactory(data=data),
    )
    ebook.refresh_from_db()
    assert ebook.page_count is None
    ebook.save_revision().publish()  # saving again does not raise either
    assert ebook.page_count is None


# --- What the page shows --------------------------------------------------------------


@pytest.fixture
def thai_digits(site_tree):
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()


def files_section(html):
    start = html.index('<ul class="ebook-files">')
    return html[start : html.index('<dl class="facts">', start)]


def test_thai_page_shows_format_size_pages_and_downloads_in_thai_digits(client, ebook, thai_digits):
    EbookDownloadCount.objects.create(page=ebook, file_format="pdf", count=1234)
    EbookDownloadCount.objects.create(page=ebook, file_format="epub", count=56)
    html = client.get(ebook.url).content.decode()
    section = files_section(html)
    with translation.override("th"):
        pdf_size = to_thai_digits(filesizeformat(ebook.pdf.file_size))
        epub_size = to_thai_digits(filesizeformat(ebook.epub.file_size))
    assert "PDF" in section and "EPUB" in section
    assert pdf_size in section and epub_size in section
    assert re.search(r"<li>๕ [^<]+</li>", section)  # five pages, read from the PDF
    assert re.search(r"ebook-file__downloads\">[^<]*๑,๒๓๔", section)
    assert re.search(r"ebook-file__downloads\">[^<]*๕๖", section)
    assert "อ่านออนไลน์ (PDF)" in section
    assert "ดาวน์โหลด PDF" in section and "ดาวน์โหลด EPUB" in section
    assert "1,234" not in section


def test_english_page_shows_the_same_facts_in_english(client, site_tree, english, ebook):
    EbookDownloadCount.objects.create(page=ebook, file_format="pdf", count=1234)
    home = site_tree["home"].copy_for_translation(english)
    home.save_revision().publish()
    index = site_tree["ebooks"].copy_for_translation(english)
    index.save_revision().publish()
    english_ebook = ebook.copy_for_translation(english)
    english_ebook.title = "Butterfly Wings, Volume 9"
    english_ebook.save_revision().publish()
    english_ebook.refresh_from_db()
    EbookDownloadCount.objects.create(page=english_ebook, file_format="pdf", count=1234)
    html = client.get(english_ebook.url).content.decode()
    section = files_section(html)
    assert "5 pages" in section
    assert "Downloaded 1,234 times" in section
    assert filesizeformat(ebook.pdf.file_size) in section
    assert "Read online (PDF)" in section
    response = client.get(english_ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert utf8_filename(response) == "Butterfly Wings, Volume 9.pdf"


def test_a_new_ebook_does_not_say_it_was_downloaded_zero_times(client, ebook):
    html = client.get(ebook.url).content.decode()
    assert "ebook-file__downloads" not in html


def test_the_file_name_comes_from_the_title_not_from_the_upload(client, site_tree):
    document = wagtail_factories.DocumentFactory(
        file=ContentFile(factories.pdf_bytes(pages=2), name="scan_final_v3 (1).pdf")
    )
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"], title="รายงานประจำปี ๒๕๖๗", pdf=document
    )
    response = client.get(ebook.download_url("pdf"), HTTP_USER_AGENT=BROWSER)
    assert utf8_filename(response) == "รายงานประจำปี ๒๕๖๗.pdf"
