"""What a reader does on a phone, in a real browser against the served demo site.

The site under test is the demo content (`manage.py load_demo_content`): a Thai home
page with its sections, event summaries with photo galleries, e-books, a partner
directory, and English translations. The tests click through it the way a reader
does (home -> section -> page, directory -> partner -> linked page, Thai -> English)
and find things by role and visible text where they can.

The journeys only read pages, so they read the demo site that scripts/demo_site.py
serves for the validators too (tests/served_site.py), in the same xdist
group, and load nothing themselves. Everything they expect is worked out from the
manifest the script writes from its database.
"""

import datetime
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("served-site")]

SECTIONS = ("articles.ArticleIndexPage", "articles.EventIndexPage", "articles.EbookIndexPage")
# The demo event held 14–19 June 2019: 2562 in the Buddhist Era.
DEMO_EVENT_START = datetime.date(2019, 6, 14)
ENGLISH_MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]


def path_of(url):
    return urlsplit(url).path


def page_ref(entry):
    return SimpleNamespace(title=entry["title"], path=path_of(entry["url"]))


class Manifest:
    """The served site's live pages, asked the questions the database was asked before."""

    def __init__(self, pages):
        self.pages = pages

    def live(self, kind, language="th", **facts):
        return [
            entry
            for entry in self.pages
            if entry["type"] == kind
            and entry["language"] == language
            and all(entry.get(name) == value for name, value in facts.items())
        ]

    def one(self, kind, language="th", **facts):
        found = self.live(kind, language, **facts)
        assert len(found) == 1, (
            f"expected one live {kind} ({language}) {facts or ''} in the demo site's "
            f"manifest, found {len(found)}: {[entry['url'] for entry in found]}"
        )
        return found[0]

    def translation(self, entry, language):
        found = self.live(entry["type"], language, translation_key=entry["translation_key"])
        return found[0] if found else None


@pytest.fixture
def site_url(served_site):
    return served_site.base_url


@pytest.fixture
def browser_data(served_site):
    """What the journeys through the demo content should find, as plain values."""
    demo = Manifest(served_site.pages)
    home = demo.one("home.HomePage")
    english_home = demo.translation(home, "en")
    assert english_home is not None, "the demo home page has no English translation"

    events = sorted(
        demo.live("articles.EventSummaryPage"), key=lambda e: e["start_date"], reverse=True
    )
    event = next(
        (e for e in events if datetime.date.fromisoformat(e["start_date"]) == DEMO_EVENT_START),
        None,
    )
    assert event is not None, "the demo content has no event summary starting on 14 June 2019"
    # The journey into English starts from the demo event if it is translated,
    # otherwise from the newest event summary that is.
    translated = [e for e in events if demo.translation(e, "en") is not None]
    translated.sort(key=lambda e: e["url"] != event["url"])
    assert translated, "no demo event summary has an English translation"
    english_event = demo.translation(translated[0], "en")

    directory = demo.one("network.PartnerIndexPage")
    partners = [
        SimpleNamespace(
            name=partner["title"],
            path=path_of(partner["url"]),
            linked={path_of(page["url"]): page["title"] for page in partner["linked"][:20]},
        )
        for partner in demo.live("network.PartnerOrganisation")
        if partner["linked"]
    ]
    assert partners, "no demo partner has any page linked to it"

    return SimpleNamespace(
        site_name=served_site.manifest["site_name"],
        english_home=page_ref(english_home),
        sections=[page_ref(demo.one(kind, parent_url=home["url"])) for kind in SECTIONS],
        events=page_ref(demo.one("articles.EventIndexPage")),
        event=page_ref(event),
        translated_event=page_ref(translated[0]) if translated[0]["url"] != event["url"] else None,
        english_event=page_ref(english_event),
        english_event_start=datetime.date.fromisoformat(english_event["start_date"]),
        english_event_has_gallery=english_event["gallery_images"] > 0,
        directory=page_ref(directory),
        partners=partners,
    )


# --- helpers ---------------------------------------------------------------------


def open_page(phone, site_url, path):
    response = phone.goto(site_url + path)
    assert response is not None and response.ok, f"GET {path}: {response and response.status}"


def links_to(scope, path):
    return scope.locator(f'a[href="{path}"]')


def follow(phone, link, expected_path):
    """Click a link as a reader would and wait until its page has loaded."""
    link.scroll_into_view_if_needed()
    link.click()
    phone.wait_for_url(lambda url: path_of(url) == expected_path)
    phone.wait_for_load_state("load")


def header_link(phone, selector):
    """A link in the site header, opening the phone menu first if it is folded away."""
    link = phone.get_by_role("banner").locator(selector).first
    if not link.is_visible():
        toggle = phone.locator('button[aria-controls="site-menu"]')
        if toggle.is_visible():
            toggle.click()
    expect(link).to_be_visible()
    return link


def card_for(phone, title):
    """The listing card whose title links to the page called `title`."""
    return phone.locator(".card").filter(has=phone.get_by_role("link", name=title, exact=True))


def open_card(phone, page):
    link = card_for(phone, page.title).get_by_role("link", name=page.title, exact=True)
    follow(phone, link, page.path)


def assert_language(phone, code):
    expect(phone.locator("html")).to_have_attribute("lang", code)


def assert_heading(phone, text):
    expect(phone.get_by_role("main").get_by_role("heading", level=1)).to_have_text(text)


def assert_fits_the_screen(phone):
    """Nothing makes a phone reader scroll sideways."""
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path_of(phone.url)} is {overflow}px wider than the phone's screen"


def assert_images_loaded(phone, selector):
    """Every image matched has been fetched and decoded (lazy ones once scrolled to)."""
    images = phone.locator(selector)
    count = images.count()
    assert count > 0, f"no images match {selector!r} on {path_of(phone.url)}"
    for index in range(count):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
    states = images.evaluate_all(
        "images => images.map(image => [image.currentSrc || image.src, image.naturalWidth])"
    )
    broken = [source for source, width in states if not width]
    assert not broken, f"images that did not load on {path_of(phone.url)}: {broken}"


# --- journeys --------------------------------------------------------------------


def test_home_page_in_thai_then_english(phone, site_url, browser_data, http_errors):
    demo = browser_data
    open_page(phone, site_url, "/")
    assert_language(phone, "th")
    expect(phone.get_by_role("banner").get_by_role("link", name=demo.site_name)).to_be_visible()
    main = phone.get_by_role("main")
    for section in demo.sections:
        expect(main.get_by_role("heading", level=2, name=section.title, exact=True)).to_be_visible()
        expect(links_to(main, section.path).first).to_be_attached()
    assert_fits_the_screen(phone)

    assert demo.english_home.path.startswith("/en/")
    follow(phone, header_link(phone, 'a[hreflang="en"]'), demo.english_home.path)
    assert_language(phone, "en")
    expect(phone.get_by_role("banner").get_by_role("link", name=demo.site_name)).to_be_visible()
    assert_fits_the_screen(phone)

    follow(phone, header_link(phone, 'a[hreflang="th"]'), "/")
    assert_language(phone, "th")
    assert not http_errors


def test_event_summary_in_thai_then_english(phone, site_url, browser_data, http_errors):
    demo = browser_data
    open_page(phone, site_url, "/")
    follow(phone, links_to(phone.get_by_role("main"), demo.events.path).first, demo.events.path)
    assert_heading(phone, demo.events.title)

    # The listing card gives the dates in the Buddhist Era, the month abbreviated.
    card = card_for(phone, demo.event.title)
    expect(card).to_have_count(1)
    expect(card).to_contain_text("2562")
    expect(card).to_contain_text("มิ.ย.")

    open_card(phone, demo.event)
    assert_language(phone, "th")
    assert_heading(phone, demo.event.title)
    expect(phone.get_by_role("main")).to_contain_text(
        re.compile(r"14\s*–\s*19 (มิ\.ย\.|มิถุนายน) 2562")
    )
    assert_images_loaded(phone, ".gallery img")
    assert_fits_the_screen(phone)

    if demo.translated_event is not None:
        # The demo event is Thai only: the reader goes back for one that is translated.
        follow(phone, links_to(phone.get_by_role("main"), demo.events.path).first, demo.events.path)
        open_card(phone, demo.translated_event)

    # The language switcher leads to the English translation of the same event,
    # with its dates in the Common Era.
    assert demo.english_event.path.startswith("/en/")
    follow(phone, header_link(phone, 'a[hreflang="en"]'), demo.english_event.path)
    assert_language(phone, "en")
    assert_heading(phone, demo.english_event.title)
    start = demo.english_event_start
    main = phone.get_by_role("main")
    expect(main).to_contain_text(str(start.year))
    expect(main).to_contain_text(ENGLISH_MONTHS[start.month - 1])
    expect(main).not_to_contain_text(str(start.year + 543))
    if demo.english_event_has_gallery:
        assert_images_loaded(phone, ".gallery img")
    assert not http_errors


def test_partner_page_from_the_directory(phone, site_url, browser_data, http_errors):
    demo = browser_data
    open_page(phone, site_url, "/")
    directory_link = links_to(phone.get_by_role("main"), demo.directory.path).first
    follow(phone, directory_link, demo.directory.path)
    assert_heading(phone, demo.directory.title)

    # The first partner with linked pages that the directory's first page lists.
    main = phone.get_by_role("main")
    partner = next((p for p in demo.partners if links_to(main, p.path).count()), None)
    assert partner is not None, "the directory lists no partner that has linked pages"
    follow(phone, main.get_by_role("link", name=partner.name, exact=True).first, partner.path)

    assert_language(phone, "th")
    main = phone.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_contain_text(partner.name)
    assert_fits_the_screen(phone)
    card_links = main.locator(".card a[href]")
    expect(card_links.first).to_be_visible()
    card_paths = [
        path_of(href) for href in card_links.evaluate_all("links => links.map(a => a.href)")
    ]
    shown = [path for path in card_paths if path in partner.linked]
    assert shown, f"no card links to a page linked to {partner.name}: {card_paths}"

    # The reader follows one of them.
    follow(phone, links_to(main, shown[0]).first, shown[0])
    assert_heading(phone, partner.linked[shown[0]])
    assert not http_errors
