"""Editors work in the Wagtail admin, in Thai."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from lxml import html as lxml_html

from articles.models import ArticlePage

from . import factories

pytestmark = pytest.mark.django_db


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


# What the project names in the admin, as written in the code: its menu items,
# and the fields, panels and help of the article form.
PROJECT_MENU_ITEMS = [
    "Network",
    "Partners",
    "Programmes",
    "Topics",
    "Partner stories",
    "What readers search for",
    "site name in English",
    "Thai language",
    "privacy and cookies",
]
ARTICLE_FORM_LABELS = [
    "kind",
    "introduction",
    "hero image",
    "Partners and topics",
    "Publication",
    "author",
    "first published",
    "licence",
    "Related pages",
]


def in_thai(*english):
    """The Thai catalogue's words for `english`, as the admin shows them (capitalised
    first letter); each must be translated, or the test would pass in English too."""
    with translation.override("th"):
        thai = [capfirst(translation.gettext(text)) for text in english]
    untranslated = [
        text for text, shown in zip(english, thai, strict=True) if shown == capfirst(text)
    ]
    assert not untranslated, f"not in the Thai catalogue: {untranslated}"
    return thai


def thai_admin_screen(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200, url
    screen = lxml_html.fromstring(response.content)
    assert screen.get("lang") == "th", url
    return screen


def menu_labels(screen):
    """Every label of the sidebar menu and its submenus, which the admin's script
    draws from JSON."""
    labels = set()

    def collect(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                labels.add(value["label"])
            values = value.values()
        else:
            values = value if isinstance(value, list) else []
        for each in values:
            collect(each)

    collect(json.loads(screen.get_element_by_id("wagtail-sidebar-props").text))
    return labels


def form_labels(screen):
    """Field labels and panel headings as an editor reads them, without the * of
    a required field."""
    elements = screen.xpath("//label[@for] | //h2[contains(@class, 'w-panel__heading')]")
    return {" ".join(element.text_content().split()).rstrip("*") for element in elements}


def text_of(screen):
    return " ".join(" ".join(screen.itertext()).split())


def test_admin_speaks_thai(editor_client, site_tree):
    dashboard = thai_admin_screen(editor_client, reverse("wagtailadmin_home"))
    missing = set(in_thai(*PROJECT_MENU_ITEMS)) - menu_labels(dashboard)
    assert not missing, f"menu items not in Thai: {missing}"

    add_article = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", site_tree["articles"].pk)
    )
    new_article = thai_admin_screen(editor_client, add_article)
    missing = set(in_thai(*ARTICLE_FORM_LABELS)) - form_labels(new_article)
    assert not missing, f"article form labels not in Thai: {missing}"
    (article,) = in_thai("article")
    assert article in " ".join(heading.text_content() for heading in new_article.iter("h1"))
    (intro_help,) = in_thai("One or two sentences shown in listings and previews.")
    assert intro_help in text_of(new_article)


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
    kept = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ข่าวดี", slug="good-news"
    )
    assert first.slug == "khaodi"
    assert second.slug.startswith("khaodi-")
    assert kept.slug == "good-news"
    with translation.override("th"):
        assert ArticlePage.objects.get(pk=first.pk).url.endswith("/khaodi/")
