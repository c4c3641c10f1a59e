"""robots.txt points at the sitemap, and the sitemap lists every live page in both
languages with hreflang alternates between the translations."""

import re

import pytest
from lxml import etree

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')


def sitemap_urls(served_site, url):
    """{location: {hreflang: href}} of a sitemap, following a sitemap index."""
    response = served_site.get(url)
    assert response.status == 200, url
    root = etree.fromstring(response.text.encode())
    if root.tag == f"{SITEMAP}sitemapindex":
        found = {}
        for child in root.iter(f"{SITEMAP}loc"):
            found.update(sitemap_urls(served_site, child.text))
        return found
    return {
        node.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in node.findall(f"{XHTML}link")
        }
        for node in root.findall(f"{SITEMAP}url")
    }


def test_robots_txt_points_at_the_sitemap(served_site):
    robots = served_site.get(served_site.url("/robots.txt"))
    assert robots.status == 200 and robots.content_type.startswith("text/plain")
    sitemaps = [
        line.split(":", 1)[1].strip()
        for line in robots.text.splitlines()
        if line.lower().startswith("sitemap:")
    ]
    assert sitemaps == [served_site.url("/sitemap.xml")]


def test_sitemap_lists_every_live_page_in_both_languages(served_site):
    listed = sitemap_urls(served_site, served_site.url("/sitemap.xml"))
    # A page that asks not to be indexed (the story form) is rightly left out.
    live = {
        entry["url"]
        for entry in served_site.pages
        if not NOINDEX.search(served_site.get(entry["url"]).text)
    }
    assert live - listed.keys() == set(), "live pages missing from the sitemap"
    assert listed.keys() - live == set(), "the sitemap lists pages that are not live"
    for url, alternates in listed.items():
        # Each translated page names both languages, and each alternate names it back.
        languages = alternates.keys() - {"x-default"}
        assert url in alternates.values(), f"{url} does not name itself among its alternates"
        if len(languages) > 1:
            assert languages == {"th", "en"}, url
            for code in languages:
                assert listed[alternates[code]] == alternates, (url, code)
    translated = [url for url, alternates in listed.items() if {"th", "en"} <= alternates.keys()]
    assert len(translated) >= 20
