"""Search at the scale of a large site: segmenting in worker processes while
indexing, and, on PostgreSQL, a word on more pages than are counted or ranked."""

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from articles.models import ArticlePage
from search import segment_workers
from search.backends import postgres_matches
from search.query import search_terms

from . import factories

pytestmark = pytest.mark.django_db


def index_rows():
    return sorted(
        IndexEntry.objects.values_list("object_id", "title", "autocomplete", "body", "title_norm")
    )


def test_pages_segmented_in_worker_processes_are_indexed_as_in_one_process(site_tree):
    pages = [
        factories.ArticlePageFactory(
            parent=site_tree["articles"],
            title=f"อาสาสมัครสาธารณสุขประจำหมู่บ้าน รุ่นที่ {number}",
            intro=f"การประชุมเชิงปฏิบัติการครั้งที่ {number} ที่เชียงใหม่",
        )
        for number in range(30)
    ]
    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    objects = list(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]))
    backend.segmenting_workers = 1
    index.add_items(ArticlePage, objects)
    in_this_process = index_rows()

    backend.segmenting_workers = 2
    index.add_items(ArticlePage, objects)

    assert segment_workers.pool_running()
    assert index_rows() == in_this_process
    found = backend.search(search_terms("ประชุมเชิงปฏิบัติการ"), ArticlePage)
    assert {page.pk for page in found} == {page.pk for page in pages}


def test_a_word_on_more_pages_than_are_counted_ranks_its_title_first(
    client, site_tree, monkeypatch, settings
):
    # The limits of a site with thousands of pages, on a few pages.
    monkeypatch.setattr(postgres_matches, "COUNT_LIMIT", 4)
    monkeypatch.setattr(postgres_matches, "RANK_ALL", 3)
    monkeypatch.setattr(postgres_matches, "CANDIDATES", 2)
    settings.LISTING_PAGE_SIZE = 3
    in_body = [
        factories.ArticlePageFactory(
            parent=site_tree["articles"], title=f"บันทึกการทำงาน {number}", intro="อาสาสมัคร"
        )
        for number in range(5)
    ]
    in_title = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="อาสาสมัคร", intro="บันทึก"
    )

    response = client.get("/search/", {"q": "อาสาสมัคร"})
    page = response.content.decode()
    results = [item.pk for item, _excerpt in response.context["results"]]
    assert results[0] == in_title.pk
    assert set(results) <= {in_title.pk, *(page.pk for page in in_body)}
    assert len(results) == 3
    if get_search_backend().results_class.__name__ == "ThaiPostgresSearchResults":
        # Counting stops after the fifth match.
        assert "พบมากกว่า 4 รายการจากคำค้น" in page
        second = client.get("/search/", {"q": "อาสาสมัคร", "page": 2}).context["results"]
        assert {item.pk for item, _excerpt in second}.isdisjoint(results)
    else:
        assert "พบ 6 รายการจากคำค้น" in page
