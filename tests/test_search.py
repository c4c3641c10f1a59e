"""The public search page: results in the reader's language, facets,
highlighted excerpts, suggestions, promotions and partners."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.models import IndexEntry

from network.models import Province
from search.query import search_terms
from search.stats import record_search

from . import factories

pytestmark = pytest.mark.django_db


def found(response):
    return [item.pk for item, _excerpt in response.context["results"]]


def test_search_terms_keep_thai_vowels_and_tone_marks():
    assert search_terms("“ข่าวดี!” ภาคี-เครือข่าย 2564") == "ข่าวดี ภาคี เครือข่าย 2564"


def test_search_terms_of_only_punctuation_are_empty():
    assert search_terms("\"'()*:^- 🙂") == ""


def test_search_finds_a_page_in_the_readers_language(client, site_tree):
    page = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="Volunteer network meeting"
    )
    response = client.get("/search/", {"q": "volunteer"})
    assert found(response) == [page.pk]
    english = client.get("/en/search/", {"q": "volunteer"})
    assert found(english) == []


def test_a_rebuilt_index_finds_the_pages_at_once(client, site_tree):
    """update_index empties the index and writes it again; on PostgreSQL it then
    merges the new entries into the GIN indexes (search/backends/postgres.py)."""
    page = factories.ArticlePageFactory(parent=site_tree["articles"], title="ค่ายอาสาพัฒนาชนบท")
    IndexEntry.objects.all().delete()
    assert found(client.get("/search/", {"q": "ค่ายอาสา"})) == []

    call_command("update_index", stdout=StringIO())

    assert found(client.get("/search/", {"q": "ค่ายอาสา"})) == [page.pk]


def test_the_excerpt_marks_the_searched_words_and_escapes_the_rest(client, site_tree):
    factories.ArticlePageFactory(
        parent=site_tree["articles"],
        title="บันทึก",
        intro="<b>ภาคี</b> ทำงานที่โรงพยาบาล & ร้านยาชุมชน <script>alert(1)</script>",
        body=[],
    )
    response = client.get("/search/", {"q": "ยา"})
    excerpt = str(response.context["results"][0][1])
    assert "<mark>ยา</mark>ชุมชน" in excerpt
    assert "โรงพ<mark>" not in excerpt
    assert "&amp;" in excerpt
    assert "<b>" not in excerpt and "<script>" not in excerpt
    assert "<mark>ยา</mark>" in response.content.decode()


def test_facets_count_the_matches_and_narrow_them(client, site_tree):
    topic = factories.TopicFactory(name="สุขภาวะชุมชน", slug="community-health")
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"],
        intro="อาสาสมัครสาธารณสุข",
        body=[],
        published_date=datetime.date(2021, 3, 1),
    )
    factories.ArticleTopicFactory(page=article, topic=topic)
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"],
        intro="อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
        start_date=datetime.date(2019, 6, 14),
        end_date=datetime.date(2019, 6, 14),
    )
    event.provinces.add(Province.objects.get(code="TH-90"))
    event.save_revision().publish()

    response = client.get("/search/", {"q": "สาธารณสุข"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    counts = {name: {o.value: o.count for o in facet.options} for name, facet in facets.items()}
    assert counts["type"] == {"article": 1, "event": 1}
    assert counts["topic"] == {"community-health": 1}
    assert counts["province"] == {"TH-90": 1}
    assert counts["year"] == {"2021": 1, "2019": 1}
    # Years are shown in the Buddhist Era on Thai pages.
    assert "2562" in response.content.decode()

    narrowed = client.get("/search/", {"q": "สาธารณสุข", "type": "event"})
    assert found(narrowed) == [event.pk]
    type_facet = next(f for f in narrowed.context["facets"] if f.name == "type")
    assert type_facet.options[0].selected
    # Choosing the selected option again removes it and keeps the query.
    assert "type=" not in type_facet.options[0].url
    assert "q=" in type_facet.options[0].url
    assert found(client.get("/search/", {"q": "สาธารณสุข", "topic": "community-health"})) == [
        article.pk
    ]
    assert found(client.get("/search/", {"q": "สาธารณสุข", "province": "TH-90"})) == [event.pk]
    assert found(client.get("/search/", {"q": "สาธารณสุข", "year": "2021"})) == [article.pk]
    # An unknown facet value is ignored, not an error.
    assert len(found(client.get("/search/", {"q": "สาธารณสุข", "year": "abc", "type": "x"}))) == 2


def test_partner_facet_and_matching_partners(client, site_tree):
    partner = factories.PartnerFactory(name="มูลนิธิชุมชนสงขลา", slug="songkhla", short_name="")
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], intro="งานชุมชนสงขลา", body=[]
    )
    factories.ArticlePartnerFactory(page=article, partner=partner)
    response = client.get("/search/", {"q": "สงขลา"})
    partner_facet = next(f for f in response.context["facets"] if f.name == "partner")
    assert [(o.value, o.count) for o in partner_facet.options] == [("songkhla", 1)]
    assert response.context["partners"] == [partner]
    assert found(client.get("/search/", {"q": "สงขลา", "partner": "songkhla"})) == [article.pk]


def test_results_are_paginated_and_keep_the_query(client, site_tree, settings):
    settings.LISTING_PAGE_SIZE = 2
    for number in range(5):
        factories.ArticlePageFactory(
            parent=site_tree["articles"], title=f"อาสาสมัคร {number}", intro="", body=[]
        )
    first = client.get("/search/", {"q": "อาสาสมัคร"})
    assert first.context["page_obj"].paginator.num_pages == 3
    assert "?q=%E0%B8%AD" in first.content.decode() and "page=2" in first.content.decode()
    last = client.get("/search/", {"q": "อาสาสมัคร", "page": "99999"})
    assert last.context["page_obj"].number == 3
    assert len(found(last)) == 1
    assert client.get("/search/", {"q": "อาสาสมัคร", "page": "abc"}).context["page_obj"].number == 1


def test_a_long_query_is_cut_with_a_notice(client, site_tree):
    response = client.get("/search/", {"q": "ภาคี" * 2500})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200
    assert "ใช้เฉพาะส่วนต้น" in response.content.decode()


@pytest.mark.parametrize("query", ["", "   ", "!!!???", "🙂🙏🏽", "“”«»—…"])
def test_empty_punctuation_and_emoji_queries_answer_a_normal_page(client, site_tree, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert found(response) == []


def test_nothing_found_suggests_a_spelling_and_popular_searches(client, site_tree):
    factories.TopicFactory(name="เครือข่ายอาสาสมัคร")
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        record_search("วัคซีน", "th", 4, address)
    response = client.get("/search/", {"q": "เครือขาย"})
    assert found(response) == []
    assert "เครือข่าย" in response.context["suggestions"]
    assert response.context["popular_searches"] == ["วัคซีน"]
    html = response.content.decode()
    assert "หรือคุณหมายถึง" in html
    assert "?q=%E0%B8%A7%E0%B8%B1%E0%B8%84%E0%B8%8B%E0%B8%B5%E0%B8%99" in html


def test_staff_promotions_come_first_in_the_readers_language(client, site_tree):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], title="รายงานประจำปี")
    query = Query.objects.create(query_string="รายงาน")
    SearchPromotion.objects.create(query=query, page=page, description="ผลงานทั้งปี")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/report",
        external_link_text="ฉบับเต็ม",
    )
    response = client.get("/search/", {"q": "รายงาน"})
    assert [p.title for p in response.context["promotions"]] == ["รายงานประจำปี", "ฉบับเต็ม"]
    html = response.content.decode()
    assert html.index("ผลงานทั้งปี") < html.index('class="search-results"')
    english = client.get("/en/search/", {"q": "รายงาน"})
    assert [p.title for p in english.context["promotions"]] == ["ฉบับเต็ม"]


def test_searches_are_counted_once_per_query_not_per_page(client, site_tree):
    from search.models import SearchTermDailyCount

    factories.ArticlePageFactory(parent=site_tree["articles"], title="อาสาสมัคร", body=[])
    client.get("/search/", {"q": "อาสาสมัคร"})
    client.get("/search/", {"q": "อาสาสมัคร", "page": "2"})
    client.get("/search/", {"q": "ดาราศาสตร์"})
    counts = {
        row.term: (row.searches, row.searches_without_results)
        for row in SearchTermDailyCount.objects.all()
    }
    assert counts == {"อาสาสมัคร": (1, 0), "ดาราศาสตร์": (1, 1)}


# The most queries one search page may make once its matches' renditions exist.
SEARCH_PAGE_BUDGET = 19


def add_matching_articles(site_tree, numbers):
    """Matching articles, each with its own topic, partner and year, so that the
    facets grow with the matches as well as the results."""
    for number in numbers:
        article = factories.ArticlePageFactory(
            parent=site_tree["articles"],
            title=f"อาสาสมัคร {number}",
            body=[],
            published_date=datetime.date(2010 + number, 3, 1),
        )
        factories.ArticleTopicFactory(page=article)
        factories.ArticlePartnerFactory(page=article)


def search_page_queries(client, query):
    # Renditions and the rows of the site's settings, then the frame's kept parts.
    client.get("/search/", {"q": query})
    client.get("/search/", {"q": query})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response, [each["sql"] for each in queries.captured_queries]


def facet_sizes(response):
    return {facet.name: len(facet.options) for facet in response.context["facets"]}


def test_the_search_page_costs_the_same_however_many_pages_match(client, site_tree, settings):
    settings.LISTING_PAGE_SIZE = 5
    add_matching_articles(site_tree, range(2))
    few, few_queries = search_page_queries(client, "อาสาสมัคร")
    add_matching_articles(site_tree, range(2, 8))
    many, many_queries = search_page_queries(client, "อาสาสมัคร")

    assert few.context["page_obj"].paginator.count == 2
    assert many.context["page_obj"].paginator.count == 8
    # A full page of results, and more options in every facet, against two of each.
    assert len(found(few)) == 2 and len(found(many)) == 5
    assert facet_sizes(few) == {"type": 1, "topic": 2, "partner": 2, "year": 2}
    assert facet_sizes(many) == {"type": 1, "topic": 8, "partner": 8, "year": 8}
    assert len(few_queries) <= SEARCH_PAGE_BUDGET, "\n".join(few_queries)
    assert len(many_queries) == len(few_queries), "\n".join(
        ["2 matches:", *few_queries, "", "8 matches:", *many_queries]
    )
