"""SQL queries per page: what a view costs must not grow with the items it shows.

Two views are counted, both once the page's image renditions exist and with the HTML
page cache off (the test settings):

- the first view after a content change, when every kept part of the page has just
  been retired (core/freshness.py): AFTER_A_CHANGE_BUDGET. Most of it is Wagtail's
  routing, the menu, translations for hreflang and at most four related cards;
- a later view, with the page's fragments, its route and the frame's shared parts
  kept (core/templatetags/fragment_cache_tags.py, core/route_cache.py,
  core/shared_parts.py, core/listing_parts.py), which is what a reader costs whom
  the page cache does not answer: at most KEPT_PARTS_BUDGET for every page.

Listings are counted with few and with more items, with one page showing them all.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import EventPartner
from core.freshness import content_changed

from . import factories

pytestmark = pytest.mark.django_db

# As measured when the kept parts came in; they only bound what a change may add.
AFTER_A_CHANGE_BUDGET = {
    "article": 37,
    "event": 32,
    "ebook": 36,
    "partner": 30,
    "home": 29,
    "listing": 23,
}
KEPT_PARTS_BUDGET = 15
GROWTH_ALLOWED = 2


def queries_of_one_view(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def count_queries(client, url):
    """(first view after a content change, a view with the kept parts)."""
    client.get(url)  # renditions are created on the first view
    content_changed()
    after_a_change = queries_of_one_view(client, url)
    client.get(url)
    return after_a_change, queries_of_one_view(client, url)


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
        f"queries for {FEW_ITEMS} and {MORE_ITEMS} items (after a change, kept parts):",
        {name: (small[name], large[name]) for name in small},
    )
    for name in small:
        for before, after in zip(small[name], large[name], strict=True):
            assert after - before <= GROWTH_ALLOWED, (name, small[name], large[name])
        after_a_change, kept = large[name]
        budget = AFTER_A_CHANGE_BUDGET["partner" if name == "partner page" else "listing"]
        assert after_a_change <= budget, (name, after_a_change)
        assert kept <= KEPT_PARTS_BUDGET, (name, kept)


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
    print("queries per page view (after a change, kept parts):", counts)
    over = {
        name: (after_a_change, kept)
        for name, (after_a_change, kept) in counts.items()
        if after_a_change > AFTER_A_CHANGE_BUDGET[name] or kept > KEPT_PARTS_BUDGET
    }
    assert not over, over
