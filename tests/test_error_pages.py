"""404 and 500 pages in the reader's language, each with a way on (home, search).

The 500 page must work when the database is what failed, so its tests run without
database access: any query made while rendering it would fail the test.

This module is also the URLconf of its 500 tests: the site's own URLs plus a view
that fails, in both languages, with the site's handler500.
"""

import logging
import re

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client
from django.urls import path
from django.utils import translation

from config import urls as site_urls

THAI_CHARACTER = re.compile(r"[\u0e00-\u0e7f]")


def fail(request):
    raise RuntimeError("a view that fails")


urlpatterns = [
    *i18n_patterns(path("fail/", fail), prefix_default_language=False),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


def in_thai(text):
    with translation.override("th"):
        return translation.gettext(text)


def html_lang(response):
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    return match and match.group(1)


@pytest.fixture
def reader():
    """A browser's view of the site: errors come back as pages, not exceptions."""
    return Client(raise_request_exception=False)


# --- 404 ----------------------------------------------------------------------------


@pytest.fixture
def two_language_site(site_tree, english):
    english_home = site_tree["home"].copy_for_translation(english)
    english_home.title = "Home"
    english_home.save_revision().publish()
    return site_tree


@pytest.mark.django_db
def test_thai_404_says_so_in_thai_and_offers_home_and_search(reader, two_language_site):
    response = reader.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(response) == "th"
    assert f"<h1>{in_thai('Page not found')}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    main = html[html.index("<main") :]
    assert 'action="/search/"' in main
    assert (
        f'<a class="button button--secondary" href="/">{in_thai("Go to the home page")}</a>' in main
    )


@pytest.mark.django_db
def test_english_404_is_in_english_with_english_links(reader, two_language_site):
    # A reader who leaves off the final slash is sent to the slashed address first.
    response = reader.get("/en/no-such-page", follow=True)

    assert response.redirect_chain == [("/en/no-such-page/", 301)]
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(response) == "en"
    main = html[html.index("<main") : html.index("</main>")]
    assert "<h1>Page not found</h1>" in main
    assert not THAI_CHARACTER.search(main)
    assert 'action="/en/search/"' in main
    assert 'href="/en/">Go to the home page</a>' in main


# --- 500 ----------------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_thai_500_is_in_thai_and_needs_no_database(reader, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = reader.get("/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert html_lang(response) == "th"
    assert f"<h1>{in_thai('Sorry, something went wrong')}</h1>" in html
    assert 'action="/search/"' in html
    assert f'<a href="/">{in_thai("Go to the home page")}</a>' in html
    # The other language is one link away, named in that language.
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    # The failure itself still reaches the logs.
    assert any("a view that fails" in str(record.exc_info) for record in caplog.records)


@pytest.mark.urls(__name__)
def test_english_500_is_in_english_and_needs_no_database(reader):
    response = reader.get("/en/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert html_lang(response) == "en"
    assert "<h1>Sorry, something went wrong</h1>" in html
    assert "try again in a few minutes" in html
    assert 'action="/en/search/"' in html
    assert '<a href="/en/">Go to the home page</a>' in html
    assert '<a href="/" hreflang="th" lang="th">' in html
    # Thai appears only as the name of the Thai site, marked as Thai.
    body = re.sub(r'<li><a href="/" hreflang="th" lang="th">[^<]*</a></li>', "", html)
    assert not THAI_CHARACTER.search(body)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "language", "heading"),
    [
        ("/", "th", in_thai("Sorry, something went wrong")),
        ("/en/", "en", "Sorry, something went wrong"),
    ],
)
def test_500_page_when_the_database_is_down(
    reader, two_language_site, django_db_blocker, address, language, heading
):
    assert reader.get(address).status_code == 200

    with django_db_blocker.block():
        response = reader.get(address)

    assert response.status_code == 500
    assert html_lang(response) == language
    assert f"<h1>{heading}</h1>" in response.content.decode()
