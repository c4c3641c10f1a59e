"""The pages the validators check on the served demo site (tests/served_site.py).

Every test here is in the xdist group "served-site", with the reader journeys, so
that one test process builds and serves the site for all of them.
"""

import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest

from tests.served_site import ROOT

NODE_MODULES = ROOT / "node_modules"

DETAIL_TYPES = {
    "articles.ArticlePage",
    "articles.EventSummaryPage",
    "articles.EbookPage",
    "network.PartnerOrganisation",
}
LISTING_TYPES = {"articles.ArticleIndexPage", "articles.EventIndexPage", "articles.EbookIndexPage"}


@dataclass
class CheckedPage:
    """A page the validators check: where it is, what it is, and how to reach it."""

    name: str
    url: str
    language: str
    kind: str
    status: int = 200
    # Form fields to POST instead of a GET (the story form's error state).
    post_empty_form: bool = False


class _FilterFormParser(HTMLParser):
    """The names and first real option of each <select> in a GET form in <main>."""

    def __init__(self):
        super().__init__()
        self.in_get_form = False
        self.select = None
        self.first_options = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "form"
            and (attrs.get("method") or "get").lower() == "get"
            and attrs.get("role") != "search"
        ):
            self.in_get_form = True
        elif tag == "select" and self.in_get_form:
            self.select = attrs.get("name")
        elif tag == "option" and self.select and attrs.get("value"):
            self.first_options.setdefault(self.select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False
        elif tag == "select":
            self.select = None


def filtered_listing_url(site, listing_url):
    """The listing with two of its filters chosen, as a reader would combine them."""
    parser = _FilterFormParser()
    parser.feed(site.get(listing_url).text)
    chosen = dict(list(parser.first_options.items())[:2])
    assert chosen, f"{listing_url} offers no filters"
    return f"{listing_url}?{urlencode(chosen)}"


@pytest.fixture(scope="session")
def checked_pages(served_site):
    """Every live page in both languages, the listings with filters, the search page,
    the story form and its error state, and the 404 page."""
    pages = [
        CheckedPage(
            name=f"{entry['type']} ({entry['language']}): {entry['title']}",
            url=entry["url"],
            language=entry["language"],
            kind=entry["type"],
        )
        for entry in served_site.pages
    ]
    for entry in served_site.pages:
        if entry["type"] in LISTING_TYPES:
            pages.append(
                CheckedPage(
                    name=f"{entry['type']} ({entry['language']}) with filters",
                    url=filtered_listing_url(served_site, entry["url"]),
                    language=entry["language"],
                    kind="listing-with-filters",
                )
            )
        if entry["type"] == "network.StoryFormPage":
            pages.append(
                CheckedPage(
                    name=f"story form ({entry['language']}) with errors",
                    url=entry["url"],
                    language=entry["language"],
                    kind="story-form-errors",
                    post_empty_form=True,
                )
            )
    searches = {
        "th": ("/search/?q=เครือข่าย", "/no-such-page/"),
        "en": ("/en/search/?q=network", "/en/no-such-page/"),
    }
    for language, (search_path, missing_path) in searches.items():
        pages.append(
            CheckedPage(f"search ({language})", served_site.url(search_path), language, "search")
        )
        pages.append(
            CheckedPage(
                f"404 ({language})", served_site.url(missing_path), language, "404", status=404
            )
        )
    return pages


def one_page_per_kind(pages, per_kind=1):
    """One page of each kind and language: every template, in both languages."""
    seen = {}
    chosen = []
    for page in pages:
        key = (page.kind, page.language)
        if seen.get(key, 0) < per_kind:
            seen[key] = seen.get(key, 0) + 1
            chosen.append(page)
    return chosen


def require_tool(tool, install_hint):
    """A command on PATH (a name or a path, as a str), or a file the checks read (a Path)."""
    found = shutil.which(tool) if isinstance(tool, str) else (str(tool) if tool.exists() else None)
    if not found:
        pytest.fail(f"{tool} is missing: {install_hint}", pytrace=False)
    return found
