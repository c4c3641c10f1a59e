"""Every feed a page links to parses with feedparser and has absolute links, dates
and unique GUIDs; the OPDS catalogue is well-formed Atom with what Atom requires."""

import re
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_TYPES = {"application/rss+xml", "application/atom+xml"}
OPDS_ACQUISITION = "http://opds-spec.org/acquisition"


class _FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        media_type = (attrs.get("type") or "").split(";")[0]
        if tag == "link" and attrs.get("rel") == "alternate" and media_type in FEED_TYPES:
            self.links.append((attrs.get("type"), attrs.get("href")))


def feed_links(html):
    parser = _FeedLinks()
    parser.feed(html)
    return parser.links


def is_absolute(url, site):
    parts = urlsplit(url or "")
    return parts.scheme in {"http", "https"} and parts.netloc == urlsplit(site.base_url).netloc


@pytest.fixture(scope="session")
def linked_feeds(served_site, checked_pages):
    """{feed URL: type} for every feed any checked page links to from its head."""
    feeds = {}
    for page in checked_pages:
        if page.post_empty_form or page.status != 200:
            continue
        for media_type, href in feed_links(served_site.fetch(page).text):
            assert is_absolute(href, served_site), f"{page.url} links a feed by {href!r}"
            feeds[href] = media_type
    return feeds


def test_site_and_section_feeds_are_linked_in_both_languages(served_site, linked_feeds):
    for entry in served_site.pages:
        if entry["type"] in {
            "home.HomePage",
            "articles.ArticleIndexPage",
            "articles.EventIndexPage",
            "articles.EbookIndexPage",
        }:
            types = {
                media_type.split(";")[0]
                for media_type, _ in feed_links(served_site.get(entry["url"]).text)
            }
            assert {"application/rss+xml", "application/atom+xml"} <= types, entry["url"]
    languages = {"en" if "/en/" in urlsplit(url).path else "th" for url in linked_feeds}
    assert languages == {"th", "en"}


def test_every_feed_parses_with_absolute_links_dates_and_guids(served_site, linked_feeds):
    problems = []
    feeds = [url for url, media_type in linked_feeds.items() if "opds" not in media_type]
    assert len(feeds) >= 16, (
        "expected RSS and Atom for the site and three sections, in two languages"
    )
    for url in feeds:
        response = served_site.get(url)
        parsed = feedparser.parse(response.text)
        where = f"{url}:"
        if response.status != 200:
            problems.append(f"{where} HTTP {response.status}")
            continue
        if parsed.bozo:
            problems.append(f"{where} does not parse: {parsed.bozo_exception}")
        if not is_absolute(parsed.feed.get("link"), served_site):
            problems.append(f"{where} feed link {parsed.feed.get('link')!r} is not absolute")
        if not parsed.feed.get("title") or not parsed.feed.get(
            "language", parsed.feed.get("title_detail", {}).get("language")
        ):
            problems.append(f"{where} feed has no title or language")
        if not parsed.entries:
            problems.append(f"{where} has no entries")
        guids = [entry.get("id") for entry in parsed.entries]
        if len(set(guids)) != len(guids) or not all(guids):
            problems.append(f"{where} GUIDs missing or repeated: {guids}")
        for entry in parsed.entries:
            if not is_absolute(entry.get("link"), served_site):
                problems.append(f"{where} entry link {entry.get('link')!r} is not absolute")
            elif served_site.get(entry["link"]).status != 200:
                problems.append(f"{where} entry link {entry['link']} does not answer 200")
            if not (entry.get("published_parsed") or entry.get("updated_parsed")):
                problems.append(f"{where} entry {entry.get('title')!r} has no date")
            for enclosure in entry.get("enclosures", []):
                if not is_absolute(enclosure.get("href"), served_site):
                    problems.append(f"{where} enclosure {enclosure.get('href')!r} is not absolute")
    assert not problems, "\n".join(problems)


def rfc3339(text):
    return datetime.fromisoformat(re.sub(r"Z$", "+00:00", text or ""))


def test_opds_catalogue_is_valid_atom(served_site, linked_feeds):
    catalogues = [url for url, media_type in linked_feeds.items() if "opds-catalog" in media_type]
    assert {("/en/" in urlsplit(url).path) for url in catalogues} == {True, False}, catalogues
    problems = []
    for url in catalogues:
        response = served_site.get(url)
        assert response.status == 200, url
        assert "application/atom+xml" in response.content_type, response.content_type
        assert not feedparser.parse(response.text).bozo, url
        feed = etree.fromstring(response.text.encode())
        if feed.tag != f"{ATOM}feed":
            problems.append(f"{url}: the root is {feed.tag}, not an Atom feed")
        for name in ("id", "title", "updated"):
            if feed.find(f"{ATOM}{name}") is None:
                problems.append(f"{url}: the feed has no <{name}>")
        rfc3339(feed.findtext(f"{ATOM}updated"))
        feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
        entries = feed.findall(f"{ATOM}entry")
        if not entries:
            problems.append(f"{url}: no entries")
        for entry in entries:
            title = entry.findtext(f"{ATOM}title")
            for name in ("id", "title", "updated"):
                if entry.find(f"{ATOM}{name}") is None:
                    problems.append(f"{url}: entry {title!r} has no <{name}>")
            rfc3339(entry.findtext(f"{ATOM}updated"))
            if not feed_has_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
                problems.append(f"{url}: entry {title!r} has no author, nor has the feed")
            links = entry.findall(f"{ATOM}link")
            acquisitions = [
                link for link in links if link.get("rel", "").startswith(OPDS_ACQUISITION)
            ]
            if not acquisitions:
                problems.append(f"{url}: entry {title!r} has no acquisition link")
            for link in links:
                href = link.get("href")
                if not is_absolute(href, served_site):
                    problems.append(f"{url}: entry {title!r} links {href!r}, not absolute")
                elif served_site.get(href).status != 200:
                    problems.append(f"{url}: entry {title!r} link {href} does not answer 200")
            for link in acquisitions:
                if link.get("type") not in {"application/pdf", "application/epub+zip"}:
                    problems.append(
                        f"{url}: acquisition link of {title!r} has type {link.get('type')!r}"
                    )
    assert not problems, "\n".join(problems)
