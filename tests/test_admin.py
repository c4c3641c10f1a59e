"""Editors work in the Wagtail admin, in Thai."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import ArticlePage

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("parent_key", "model"),
    [
        ("articles", "articlepage"),
        ("events", "eventsummarypage"),
        ("ebooks", "ebookpage"),
    ],
)
def test_create_forms_open_for_every_page_type(editor_client, site_tree, parent_key, model):
    url = reverse("wagtailadmin_pages:add", args=("articles", model, site_tree[parent_key].pk))
    response = editor_client.get(url)
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


def test_admin_speaks_thai(editor_client, site_tree):
    response = editor_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200
    assert "หน้า" in response.content.decode()


@pytest.mark.parametrize("kind", ["article", "event", "ebook", "home", "partners"])
def test_preview_works_for_every_page_type(site_tree, kind):
    pages = {
        "article": lambda: factories.ArticlePageFactory(parent=site_tree["articles"]),
        "event": lambda: factories.EventSummaryPageFactory(parent=site_tree["events"]),
        "ebook": lambda: factories.EbookPageFactory(parent=site_tree["ebooks"]),
        "home": lambda: site_tree["home"],
        "partners": lambda: site_tree["partners"],
    }
    page = pages[kind]()
    response = page.make_preview_request()
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("model", ["partnerorganisation", "programme", "topic"])
def test_snippet_listings_search_and_filter(editor_client, model):
    partner = factories.PartnerFactory(name="มูลนิธิชุมชนสงขลา", kind="foundation")
    factories.ProgrammeFactory()
    factories.TopicFactory()
    url = reverse(f"wagtailsnippets_network_{model}:list")
    assert editor_client.get(url).status_code == 200
    assert editor_client.get(url, {"q": "สงขลา"}).status_code == 200
    if model == "partnerorganisation":
        response = editor_client.get(url, {"kind": "foundation"})
        assert partner.name in response.content.decode()
        media_only = editor_client.get(url, {"kind": "media"})
        assert partner.name not in media_only.content.decode()


def test_page_created_with_thai_title_gets_a_readable_slug(site_tree):
    first = factories.ArticlePageFactory(parent=site_tree["articles"], title="ข่าวดี", slug="")
    second = factories.ArticlePageFactory(parent=site_tree["articles"], title="ข่าวดี", slug="")
    kept = factories.ArticlePageFactory(parent=site_tree["articles"], title="ข่าวดี", slug="good-news")
    assert first.slug == "khaodi"
    assert second.slug.startswith("khaodi-")
    assert kept.slug == "good-news"
    with translation.override("th"):
        assert ArticlePage.objects.get(pk=first.pk).url.endswith("/khaodi/")
