"""The served demo site, and the pages the validators check on it.

`scripts/demo_site.py` serves the demo content with production settings on a
throwaway database of the same kind as the test run's (SQLite, or a new database
on the PostgreSQL server of DATABASE_URL). These tests only talk to it over
HTTP, as readers' browsers, feed readers and crawlers do; they never touch the
test database.
"""

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
START_TIMEOUT_SECONDS = 900
# The validators fetch as a tool, so the site's view counts leave them out.
USER_AGENT = "site-validators (+linkchecker, Nu HTML Checker, axe-core)"

DETAIL_TYPES = {
    "articles.ArticlePage",
    "articles.EventSummaryPage",
    "articles.EbookPage",
    "network.PartnerOrganisation",
}
LISTING_TYPES = {"articles.ArticleIndexPage", "articles.EventIndexPage", "articles.EbookIndexPage"}


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    text: str
    headers: dict = field(default_factory=dict)


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


class ServedSite:
    def __init__(self, base_url, manifest):
        self.base_url = base_url
        self.pages = manifest["pages"]
        self._cache = {}

    def url(self, path):
        """An absolute URL; Thai in the path or query is percent-encoded, as browsers send it."""
        return urljoin(self.base_url + "/", quote(path.lstrip("/"), safe="/?=&%"))

    def get(self, url, *, headers=None):
        if url in self._cache and not headers:
            return self._cache[url]
        response = _open(
            urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
        )
        if not headers:
            self._cache[url] = response
        return response

    def post_empty_story_form(self, url):
        """The story form sent with nothing filled in: the page that shows its errors."""
        form_page = self.get(url)
        cookie = form_page.headers.get("Set-Cookie", "")
        csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie)
        hidden = dict(
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form_page.text)
        )
        hidden.pop("website", None)  # the honeypot stays empty, as a person leaves it
        assert csrf_cookie and "csrfmiddlewaretoken" in hidden, "the story form has no CSRF token"
        return _open(
            urllib.request.Request(
                url,
                data=urlencode(hidden).encode(),
                headers={
                    "User-Agent": USER_AGENT,
                    "Cookie": f"csrftoken={csrf_cookie.group(1)}",
                    "Referer": url,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
        )

    def fetch(self, page):
        if page.post_empty_form:
            return self.post_empty_story_form(page.url)
        return self.get(page.url)


def _open(request):
    """The response to `request`, an error status included (the checks judge it)."""
    try:
        with urllib.request.urlopen(request, timeout=120) as reply:
            return _response(request.full_url, reply.status, reply)
    except urllib.error.HTTPError as error:
        return _response(request.full_url, error.code, error)


def _response(url, status, reply):
    body = reply.read()
    content_type = reply.headers.get("Content-Type", "")
    charset = reply.headers.get_content_charset() or "utf-8"
    headers = dict(reply.headers.items())
    set_cookies = reply.headers.get_all("Set-Cookie") or []
    headers["Set-Cookie"] = "; ".join(set_cookies)
    return Response(url, status, content_type, body.decode(charset, "replace"), headers)


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


def _start_demo_site():
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "demo_site.py")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 5)
        if ready:
            line = process.stdout.readline()
            if line.startswith("READY "):
                _, base_url, manifest_path = line.split()
                return process, base_url, json.loads(Path(manifest_path).read_text())
            if not line and process.poll() is not None:
                break
    process.terminate()
    pytest.fail(
        "scripts/demo_site.py did not serve the demo site (its output is above).", pytrace=False
    )


@pytest.fixture(scope="session")
def served_site():
    # A developer can point the validators at a demo site already running:
    # DEMO_SITE="<base URL> <manifest path>", as scripts/demo_site.py printed them.
    if os.environ.get("DEMO_SITE"):
        base_url, manifest_path = os.environ["DEMO_SITE"].split()
        yield ServedSite(base_url, json.loads(Path(manifest_path).read_text()))
        return
    process, base_url, manifest = _start_demo_site()
    try:
        yield ServedSite(base_url, manifest)
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


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
