"""SQL queries per page: listings must not grow with the number of items they show.

DETAIL_PAGE_BUDGET is the most queries one view of a page may make once its image
renditions exist, before its cached fragments (core/templatetags/fragment_cache_tags.py)
are kept (measured at 37 article, 12 event, 8 e-book, 17 partner and 29 home page
queries; the route and the frame's shared parts are kept too, core/route_cache.py and
core/shared_parts.py). Most of it is Wagtail's routing, the menu, translations for hreflang, and at
most four related cards. LISTING_BUDGET bounds every listing the same way.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import EventPartner

from . import factories

pytestmark = pytest.mark.django_db

DETAIL_PAGE_BUDGET = {
    "article": 37,
    "event": 13,
    "ebook": 10,
    "partner": 18,
    "home": 29,
}
LISTING_BUDGET = 23
GROWTH_ALLOWED = 2


def count_queries(client, url):
    client.get(url)  # renditions are created on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def fill(site_tree, count, partner):
    for _ in range(count):
        article = factories.ArticlePageFactory(parent=site_tree["articles"])
        factories.ArticlePartnerFactory(page=article, partner=partner)
        factories.ArticleTopicFactory(page=article)
        event = factories.EventSummaryPageFactory(parent=site_tree["events"])
        factories.EventPartnerFactory(page=event, partner=partner)
        factories.EbookPageFactory(parent=site_tree["ebooks"], publisher=partner)
        factories.PartnerFactory()


@pytest.fixture
def big_pages(settings):
    # One page shows every item, so an N+1 query would show up as growth.
    settings.LISTING_PAGE_SIZE = 500


def listing_urls(site_tree, partner):
    return {
        "articles": site_tree["articles"].url,
        "events": site_tree["events"].url,
        "ebooks": site_tree["ebooks"].url,
        "partner directory": site_tree["partners"].url,
        "partner page": site_tree["partners"].partner_url(partner),
    }


# Ten items more than the first count: a query per item would add ten, far
# beyond GROWTH_ALLOWED, so a larger second count would prove nothing more.
FEW_ITEMS, MORE_ITEMS = 3, 13


def test_listings_cost_the_same_for_few_and_more_items(client, site_tree, big_pages):
    partner = factories.PartnerFactory()
    fill(site_tree, FEW_ITEMS, partner)
    urls = listing_urls(site_tree, partner)
    small = {name: count_queries(client, url) for name, url in urls.items()}
    fill(site_tree, MORE_ITEMS - FEW_ITEMS, partner)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    print(
        f"queries for {FEW_ITEMS} and {MORE_ITEMS} items:",
        {name: (small[name], large[name]) for name in small},
    )
    for name in small:
        assert large[name] - small[name] <= GROWTH_ALLOWED, (name, small[name], large[name])
        assert large[name] <= LISTING_BUDGET, (name, large[name])


def test_detail_pages_stay_within_their_budget(client, site_tree):
    partners = [factories.PartnerFactory() for _ in range(8)]
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    ebook = factories.EbookPageFactory(parent=site_tree["ebooks"], publisher=partners[0])
    for partner in partners:
        factories.ArticlePartnerFactory(page=article, partner=partner)
        factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.ORGANISER)
        factories.ArticleTopicFactory(page=article)
    for _ in range(12):
        factories.EventGalleryImageFactory(page=event)
    for _ in range(6):
        factories.ArticlePartnerFactory(
            page=factories.ArticlePageFactory(parent=site_tree["articles"]), partner=partners[1]
        )
    urls = {
        "article": article.url,
        "event": event.url,
        "ebook": ebook.url,
        "partner": site_tree["partners"].partner_url(partners[1]),
        "home": site_tree["home"].url,
    }
    counts = {name: count_queries(client, url) for name, url in urls.items()}
    print("queries per page view:", counts)
    over = {name: count for name, count in counts.items() if count > DETAIL_PAGE_BUDGET[name]}
    assert not over, over
