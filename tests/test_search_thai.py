"""Thai words are found inside longer runs, in the public search and in the
admin, whichever database the suite runs on."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from network.models import PartnerOrganisation
from search.segment import compound_parts, index_text, query_words

from . import factories


def test_a_run_of_thai_is_indexed_word_by_word_with_the_parts_of_compounds():
    words = index_text("ภาคีเครือข่ายจัดการประชุมฉีดวัคซีน").split()
    assert {"ภาคี", "เครือข่าย", "ประชุม", "ฉีดวัคซีน", "ฉีด", "วัคซีน"} <= set(words)


@pytest.mark.parametrize(
    ("word", "not_a_part"), [("โรงพยาบาล", "ยา"), ("ภูมิภาค", "ภาคี"), ("ประชุม", "ประ")]
)
def test_a_compound_is_not_split_into_syllables_that_mean_something_else(word, not_a_part):
    assert not_a_part not in index_text(word).split()
    assert not_a_part not in compound_parts(word)


def test_thai_digits_abbreviations_and_invisible_characters_are_normalised():
    assert index_text("ปี ๒๕๖๔").split() == ["ปี", "2564"]
    assert "มยส" in index_text("มูลนิธิ มยส. จัดงาน").split()
    assert index_text("ภาคี\u200bเครือข่าย") == index_text("ภาคีเครือข่าย")


def test_a_query_asks_for_the_parts_of_a_compound_and_drops_syntax():
    assert query_words('"ฉีดวัคซีน" 2564!') == [("ฉีด", "วัคซีน"), ("2564",)]
    assert query_words("*** 🙂 ???") == []


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("ภาคีเครือข่ายอาสาสมัครชายแดนใต้", "เครือข่าย"),
        ("ภาคีเครือข่ายอาสาสมัครชายแดนใต้", "อาสาสมัคร"),
        ("ภาคีเครือข่ายอาสาสมัครชายแดนใต้", "ชายแดนใต้"),
        ("หน่วยบริการฉีดวัคซีนเคลื่อนที่", "วัคซีน"),
        ("เวทีขบวนการเคลื่อนไหวทางสังคม", "สังคม"),
    ],
)
@pytest.mark.django_db
def test_public_search_finds_a_word_inside_a_run(client, site_tree, text, query):
    page = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บันทึกงาน", intro=text, body=[]
    )
    other = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บันทึกงาน", intro="เกษตรอินทรีย์", body=[]
    )
    response = client.get("/search/", {"q": query})
    found = [item.pk for item, _excerpt in response.context["results"]]
    assert page.pk in found
    assert other.pk not in found


@pytest.mark.django_db
def test_admin_page_search_finds_a_word_inside_a_title(admin_client, site_tree):
    page = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ภาคีเครือข่ายอาสาสมัครชายแดนใต้"
    )
    other = factories.ArticlePageFactory(parent=site_tree["articles"], title="การพัฒนาภูมิภาค")
    # Editors type the start of a word and expect to see it already.
    for query in ("อาสาสมัคร", "ชายแดนใต้", "ภาคีเครือ"):
        response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query})
        found = [p.pk for p in response.context["pages"]]
        assert page.pk in found, query
        assert other.pk not in found, query


@pytest.mark.django_db
def test_admin_snippet_search_finds_a_partner_by_a_word_inside_its_name(admin_client):
    wanted = factories.PartnerFactory(name="มูลนิธิชุมชนสงขลา", short_name="มชส.")
    factories.PartnerFactory(name="เครือข่ายคนดี", short_name="")
    url = reverse("wagtailsnippets_network_partnerorganisation:list")
    for query in ("สงขลา", "ชุมชน", "มชส"):
        response = admin_client.get(url, {"q": query})
        assert [obj.pk for obj in response.context["object_list"]] == [wanted.pk], query


@pytest.mark.django_db
def test_search_restricted_to_the_title_reads_the_segmented_title(site_tree):
    in_title = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="คู่มือเครือข่ายอาสาสมัคร", intro="", body=[]
    )
    factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บันทึก", intro="คู่มือเครือข่ายอาสาสมัคร", body=[]
    )
    results = Page.objects.live().search("อาสาสมัคร", fields=["title"])
    assert [page.pk for page in results] == [in_title.pk]


@pytest.mark.django_db
def test_query_syntax_is_segmented_too(site_tree):
    both = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ภาคีเครือข่ายฉีดวัคซีน", intro="", body=[]
    )
    factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ภาคีเครือข่ายอาสาสมัคร", intro="", body=[]
    )
    from wagtail.search.utils import parse_query_string

    _filters, query = parse_query_string('"เครือข่ายฉีดวัคซีน"', operator="and")
    assert [p.pk for p in Page.objects.live().search(query)] == [both.pk]


@pytest.mark.django_db
def test_partner_search_through_the_backend(db):
    partner = factories.PartnerFactory(name="กลุ่มสตรีจิตอาสา", short_name="")
    found = get_search_backend().search("จิตอาสา", PartnerOrganisation)
    assert list(found) == [partner]
