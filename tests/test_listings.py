import pytest

from . import factories

pytestmark = pytest.mark.django_db

BAD_PAGE_NUMBERS = ["abc", "0", "-1", "99999", "1.5", "", "%00", "9" * 50]


@pytest.fixture
def filled_site(site_tree, settings):
    settings.LISTING_PAGE_SIZE = 2
    partner = factories.PartnerFactory()
    for _ in range(3):
        article = factories.ArticlePageFactory(parent=site_tree["articles"])
        factories.ArticlePartnerFactory(page=article, partner=partner)
        factories.EventSummaryPageFactory(parent=site_tree["events"])
        factories.EbookPageFactory(parent=site_tree["ebooks"])
    site_tree["partner"] = partner
    return site_tree


def listing_urls(tree):
    return [
        tree["articles"].url,
        tree["events"].url,
        tree["ebooks"].url,
        tree["partners"].url,
        tree["partners"].partner_url(tree["partner"]),
        "/search/?q=ภาคี",
    ]


@pytest.mark.parametrize("page_number", BAD_PAGE_NUMBERS)
def test_listings_answer_bad_page_numbers_with_a_normal_page(client, filled_site, page_number):
    for url in listing_urls(filled_site):
        separator = "&" if "?" in url else "?"
        response = client.get(f"{url}{separator}page={page_number}")
        assert response.status_code == 200, url
        page_obj = response.context["page_obj"]
        assert 1 <= page_obj.number <= page_obj.paginator.num_pages


def test_out_of_range_page_shows_the_last_page(client, filled_site):
    response = client.get(filled_site["articles"].url + "?page=99999")
    assert response.context["page_obj"].number == 2
    assert len(response.context["items"]) == 1


def test_article_listing_filters_by_kind(client, site_tree):
    concept = factories.ArticlePageFactory(parent=site_tree["articles"], kind="concept")
    factories.ArticlePageFactory(parent=site_tree["articles"], kind="news")
    response = client.get(site_tree["articles"].url, {"kind": "concept"})
    assert [item.pk for item in response.context["items"]] == [concept.pk]
    unknown = client.get(site_tree["articles"].url, {"kind": "nonsense"})
    assert len(unknown.context["items"]) == 2


@pytest.mark.parametrize(
    "query",
    ["\x00", "ภาคี\x00", "!!!", "🙂🙂", "\"'()*:^-", "ภาคี " * 3000, "AND OR NOT", "   "],
)
def test_search_answers_odd_queries_with_a_normal_page(client, filled_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
    assert "\x00" not in response.context["query"]
