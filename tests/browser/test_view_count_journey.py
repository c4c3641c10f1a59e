"""A reader opens an article that comes from the page cache: the page's script
counts the view and the page shows the count of now."""

import urllib.request
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from audience.models import PageViewCount
from tests import factories
from tests.page_cache_helpers import path_of, warm_over_http
from tests.view_count_helpers import READER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_data(transactional_db, live_server, site_tree, page_cache):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    PageViewCount.objects.create(page=article, views=1368)
    warm_over_http(live_server.url + path_of(article))
    return SimpleNamespace(url=live_server.url + path_of(article))


def test_a_cached_article_counts_each_reader_and_shows_the_new_count(browser, browser_data):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale="th-TH", user_agent=READER
    )
    try:
        tab = context.new_page()
        response = tab.goto(browser_data.url)
        assert response.header_value("x-cache") == "hit"
        expect(tab.locator(".view-count__number")).to_contain_text("1,369")
        # Again: the browser's own copy this time, which the site confirms unchanged.
        for expected in ("1,370", "1,371"):
            tab.goto(browser_data.url)
            expect(tab.locator(".view-count__number")).to_contain_text(expected)
    finally:
        context.close()
    # The cached page itself still says what it said when it was rendered.
    with urllib.request.urlopen(browser_data.url, timeout=60) as cached:
        assert cached.headers["X-Cache"] == "hit"
        assert "1,368" in cached.read().decode()
