import pytest

from search.query import search_terms

from . import factories


def test_search_terms_keep_thai_vowels_and_tone_marks():
    assert search_terms("“ข่าวดี!” ภาคี-เครือข่าย 2564") == "ข่าวดี ภาคี เครือข่าย 2564"


def test_search_terms_of_only_punctuation_are_empty():
    assert search_terms("\"'()*:^- 🙂") == ""


@pytest.mark.django_db
def test_search_finds_a_page_in_the_readers_language(client, site_tree):
    factories.ArticlePageFactory(parent=site_tree["articles"], title="Volunteer network meeting")
    response = client.get("/search/", {"q": "volunteer"})
    assert [item.title for item in response.context["items"]] == ["Volunteer network meeting"]
    english = client.get("/en/search/", {"q": "volunteer"})
    assert list(english.context["items"]) == []
