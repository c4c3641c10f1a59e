"""An e-book's files reach only readers who may open its page: not through
Wagtail's /documents/ address, not under /media/, and not through any address
the page's JSON-LD or OPDS entry gives out while the page is private."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from lxml import etree

from . import factories
from .sharing_helpers import BASE, json_ld
from .test_private_pages import STATES, hide

pytestmark = pytest.mark.django_db

ADDRESSES = ["download", "read", "documents", "media"]
OPDS_NS = {"atom": "http://www.w3.org/2005/Atom"}


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def address_of(page, document, address):
    if address == "download":
        return page.download_url("pdf")
    if address == "read":
        return page.read_url()
    if address == "documents":
        return document.url
    return settings.MEDIA_URL + document.file.name


@pytest.fixture
def pdf_data():
    return factories.pdf_bytes(pages=2)


@pytest.fixture
def ebook(site_tree, pdf_data):
    return factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        slug="open-ebook",
        pdf=factories.EbookDocumentFactory(data=pdf_data),
        epub=factories.EpubDocumentFactory(),
    )


def test_document_files_are_stored_outside_the_public_media(ebook):
    stored = Path(ebook.pdf.file.path).resolve()
    assert stored.is_file()
    assert Path(settings.DOCUMENTS_ROOT).resolve() in stored.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.parents


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("address", ADDRESSES)
def test_a_private_ebooks_file_is_given_to_no_one(
    client,
    ebook,
    pdf_data,
    media_route,
    state,
    address,
):
    # The addresses are taken while the page is public, as a reader may have kept them.
    url = address_of(ebook, ebook.pdf, address)
    hide(ebook, state)
    response = client.get(url)
    assert pdf_data not in body_of(response)
    if address in ("download", "read") and state == "password":
        assert response.status_code == 200
        assert "password" in response.content.decode()
    elif address in ("download", "read") and state in ("login", "group"):
        assert response.status_code == 302
        assert "next=" in response["Location"]
    else:
        assert response.status_code == 404


def test_the_password_form_lets_the_reader_download(client, ebook, pdf_data):
    hide(ebook, "password")
    response = client.get(ebook.download_url("pdf"))
    form = BeautifulSoup(response.content, "html.parser").find("form")
    fields = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input", attrs={"name": True})
    }
    fields["password"] = "secret"
    response = client.post(form["action"], fields)
    assert response.status_code == 302
    response = client.get(ebook.download_url("pdf"))
    assert response.status_code == 200
    assert body_of(response) == pdf_data


def test_a_group_member_may_download(client, ebook, pdf_data, django_user_model):
    hide(ebook, "group")
    member = django_user_model.objects.create_user("member")
    member.groups.add(Group.objects.get(name="Editors"))
    client.force_login(member)
    assert body_of(client.get(ebook.download_url("pdf"))) == pdf_data


@pytest.mark.parametrize("address", ["download", "documents"])
def test_a_public_ebooks_file_is_an_attachment_of_its_own_type(client, ebook, pdf_data, address):
    response = client.get(address_of(ebook, ebook.pdf, address))
    assert response.status_code == 200
    assert body_of(response) == pdf_data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_reading_in_the_browser_is_sandboxed(client, ebook, pdf_data):
    response = client.get(ebook.read_url())
    assert body_of(response) == pdf_data
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_public_ebooks_file_is_not_under_media(client, ebook, media_route):
    assert client.get(address_of(ebook, ebook.pdf, "media")).status_code == 404


def test_json_ld_and_opds_point_at_the_pages_download_route(client, ebook, pdf_data):
    book = next(doc for doc in json_ld(client.get(ebook.url)) if doc["@type"] == "Book")
    urls = [encoding["contentUrl"] for encoding in book["encoding"]]
    feed = etree.fromstring(client.get(ebook.get_parent().specific.opds_url()).content)
    acquisitions = feed.findall(
        "atom:entry/atom:link[@rel='http://opds-spec.org/acquisition']", OPDS_NS
    )
    urls += [link.get("href") for link in acquisitions]
    expected = {BASE + ebook.download_url("pdf"), BASE + ebook.download_url("epub")}
    assert set(urls) == expected
    assert body_of(client.get(ebook.download_url("pdf").removeprefix(BASE))) == pdf_data


@pytest.mark.parametrize("state", STATES)
def test_a_private_ebook_gives_out_no_file_address(client, ebook, state):
    hide(ebook, state)
    feed = client.get(ebook.get_parent().specific.opds_url()).content.decode()
    assert "/documents/" not in feed and "/download/" not in feed
    assert ebook.pdf.filename not in feed


def test_a_document_no_page_uses_is_only_for_staff(client, admin_user, pdf_data):
    document = factories.EbookDocumentFactory(data=pdf_data)
    assert client.get(document.url).status_code == 404
    client.force_login(admin_user)
    response = client.get(document.url)
    assert response.status_code == 200
    assert body_of(response) == pdf_data


def test_a_wrong_file_name_is_not_found(client, ebook):
    assert client.get(f"/documents/{ebook.pdf.pk}/other.pdf").status_code == 404


def test_x_accel_redirect_hands_nginx_the_internal_path(client, ebook, settings):
    settings.DOCUMENTS_SERVE = "x-accel-redirect"
    response = client.get(ebook.download_url("pdf"))
    assert response.status_code == 200
    assert response.content == b""
    relative = Path(ebook.pdf.file.path).relative_to(settings.DOCUMENTS_ROOT).as_posix()
    assert response["X-Accel-Redirect"] == "/internal-documents/" + relative
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_x_accel_redirect_still_checks_the_page(client, ebook, settings):
    settings.DOCUMENTS_SERVE = "x-accel-redirect"
    url = ebook.pdf.url
    hide(ebook, "draft")
    for address in (ebook.download_url("pdf") or "/", url):
        response = client.get(address)
        assert "X-Accel-Redirect" not in response


def test_x_sendfile_hands_apache_the_file_path(client, ebook, settings):
    settings.DOCUMENTS_SERVE = "x-sendfile"
    response = client.get(ebook.download_url("pdf"))
    assert response.content == b""
    assert response["X-Sendfile"] == ebook.pdf.file.path
