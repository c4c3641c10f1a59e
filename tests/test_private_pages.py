"""A page a reader may not open is listed nowhere: not its title, intro, picture
or count, on any public address, in either language. Drafts, scheduled and
expired pages, and pages behind a password, a login or a group, each get a
marker in their title, intro and image title; a public sibling must still show."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from . import factories

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "article": ("articles", factories.ArticlePageFactory, "hero_image"),
    "event": ("events", factories.EventSummaryPageFactory, "hero_image"),
    "ebook": ("ebooks", factories.EbookPageFactory, "cover_image"),
}
STATES = ["draft", "scheduled", "expired", "password", "login", "group"]
FEED_PATHS = [
    "feeds/rss.xml",
    "feeds/atom.xml",
    *(
        f"feeds/{section}/{kind}.xml"
        for section in ("articles", "events", "ebooks")
        for kind in ("rss", "atom")
    ),
]
# Every page of the test shares this word, so a search for it shows what is counted.
SHARED_WORD = "กองทุนชุมชนเข้มแข็ง"


def marker(page_type, state):
    return f"Hidden{page_type.title()}{state.title()}Marker"


def make_page(section, factory, image_field, text, **fields):
    return factory(
        parent=section,
        title=f"{text} {SHARED_WORD}",
        intro=f"{text} intro {SHARED_WORD}",
        **{image_field: ImageFactory(title=f"{text} picture")},
        **fields,
    )


def hide(page, state):
    """Put a published page into `state`, the way an editor or the scheduler would."""
    now = timezone.now()
    if state == "draft":
        page.unpublish()
    elif state == "scheduled":
        page.unpublish()
        page.go_live_at = now + datetime.timedelta(days=7)
        page.save()
    elif state == "expired":
        # Past its expiry, but the scheduler has not unpublished it yet.
        page.expire_at = now - datetime.timedelta(hours=1)
        page.save()
    elif state == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    elif state == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif state == "group":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])


def link(page_type, page, partner, topic):
    if page_type == "article":
        factories.ArticlePartnerFactory(page=page, partner=partner)
        factories.ArticleTopicFactory(page=page, topic=topic)
    elif page_type == "event":
        factories.EventPartnerFactory(page=page, partner=partner)
        factories.EventTopicFactory(page=page, topic=topic)
    else:
        factories.EbookPartnerFactory(page=page, partner=partner)
        factories.EbookTopicFactory(page=page, topic=topic)


@pytest.fixture
def hidden_site(site_tree):
    """Per page type: one public page and one in each hidden state, all linked to
    one partner, one topic and one programme. Each hidden page also has a topic
    of its own, named after its marker, which must not show up as a filter or
    facet either."""
    partner = factories.PartnerFactory(slug="open-partner")
    topic = factories.TopicFactory(slug="open-topic")
    programme = factories.ProgrammeFactory(slug="open-programme")
    public = {}
    for page_type, (section, factory, image_field) in PAGE_TYPES.items():
        extra = {"programme": programme} if page_type != "ebook" else {}
        public[page_type] = make_page(
            site_tree[section], factory, image_field, f"Open{page_type.title()}Marker", **extra
        )
        link(page_type, public[page_type], partner, topic)
        for state in STATES:
            page = make_page(
                site_tree[section], factory, image_field, marker(page_type, state), **extra
            )
            link(page_type, page, partner, topic)
            own_topic = factories.TopicFactory(name=f"{marker(page_type, state)}Topic")
            link(page_type, page, factories.PartnerFactory(), own_topic)
            hide(page, state)
    return {**site_tree, "public": public, "partner": partner}


def public_addresses(site):
    listings = [site[section] for section in ("articles", "events", "ebooks")]
    filters = [
        {},
        {"topic": "open-topic"},
        {"partner": "open-partner"},
        {"programme": "open-programme"},
        {"year": "2024"},
        {"year": "2019"},
        {"year": "2021"},
    ]
    addresses = [("/", {}), ("/en/", {})]
    addresses += [(listing.url, query) for listing in listings for query in filters]
    addresses += [(page.url, {}) for page in site["public"].values()]
    addresses += [(site["partners"].url, {}), (site["partners"].partner_url(site["partner"]), {})]
    addresses += [(site["ebooks"].opds_url(), {})]
    addresses += [("/sitemap.xml", {})]
    addresses += [(prefix + path, {}) for prefix in ("/", "/en/") for path in FEED_PATHS]
    for prefix in ("/", "/en/"):
        for query in ("Marker", SHARED_WORD):
            for narrow in (
                {},
                {"type": "article"},
                {"topic": "open-topic"},
                {"partner": "open-partner"},
            ):
                addresses.append((f"{prefix}search/", {"q": query, **narrow}))
    return addresses


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("state", STATES)
def test_no_public_address_shows_a_hidden_page(client, hidden_site, page_type, state):
    hidden = marker(page_type, state)
    for address, query in public_addresses(hidden_site):
        response = client.get(address, query)
        assert response.status_code in (200, 404), (address, query)
        text = response.content.decode()
        assert hidden not in text, (address, query)


def test_public_pages_still_show_everywhere(client, hidden_site):
    home = client.get("/").content.decode()
    partner_page = client.get(hidden_site["partners"].partner_url(hidden_site["partner"]))
    for page_type, (section, _factory, _image) in PAGE_TYPES.items():
        shown = f"Open{page_type.title()}Marker"
        assert shown in home
        assert shown in client.get(hidden_site[section].url).content.decode()
        assert shown in partner_page.content.decode()
    assert "OpenEbookMarker" in client.get(hidden_site["ebooks"].opds_url()).content.decode()
    assert "OpenArticleMarker" in client.get("/feeds/rss.xml").content.decode()


def test_search_results_and_facets_count_only_public_pages(client, hidden_site):
    response = client.get("/search/", {"q": SHARED_WORD})
    found = {page.pk for page, _excerpt in response.context["results"]}
    assert found == {page.pk for page in hidden_site["public"].values()}
    assert response.context["page_obj"].paginator.count == len(PAGE_TYPES)
    for facet in response.context["facets"]:
        for option in getattr(facet, "options", []):
            assert getattr(option, "count", 0) <= len(PAGE_TYPES), (facet, option)


def test_pages_below_a_restricted_section_are_hidden_too(client, site_tree):
    event = make_page(
        site_tree["events"], factories.EventSummaryPageFactory, "hero_image", "InheritedMarker"
    )
    PageViewRestriction.objects.create(
        page=site_tree["events"], restriction_type=PageViewRestriction.LOGIN
    )
    for address, query in [
        ("/", {}),
        ("/sitemap.xml", {}),
        ("/feeds/rss.xml", {}),
        ("/feeds/events/rss.xml", {}),
        ("/search/", {"q": SHARED_WORD}),
        (site_tree["articles"].url, {}),
    ]:
        text = client.get(address, query).content.decode()
        assert "InheritedMarker" not in text, address
    assert event.live
