"""Every detail page carries JSON-LD that parses and has its schema.org type's
required properties (as Google's structured data documentation lists them)."""

import json
import re
from datetime import date, datetime
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]

JSON_LD = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.DOTALL)
EXPECTED_TYPE = {
    "articles.ArticlePage": "Article",
    "articles.EventSummaryPage": "Event",
    "articles.EbookPage": "Book",
    "network.PartnerOrganisation": "Organization",
    "home.HomePage": "Organization",
}
REQUIRED = {
    "Article": ("headline", "image", "datePublished", "author", "publisher"),
    "Event": ("name", "startDate", "location"),
    "Book": ("name", "author", "url"),
    "Organization": ("name", "url"),
    "BreadcrumbList": ("itemListElement",),
}
DATES = {"datePublished", "dateModified", "startDate", "endDate"}


def items_of(html):
    items = []
    for block in JSON_LD.findall(html):
        data = json.loads(block)
        for item in data if isinstance(data, list) else [data]:
            items.extend(item.get("@graph", [item]))
    return items


def absolute(url):
    return urlsplit(url).scheme in {"http", "https"}


def problems_of(item):
    kind = item.get("@type")
    problems = [f"{kind} lacks {name}" for name in REQUIRED.get(kind, ()) if not item.get(name)]
    for name in DATES & item.keys():
        value = item[name]
        try:
            (datetime if "T" in value else date).fromisoformat(value)
        except ValueError:
            problems.append(f"{kind}.{name} {value!r} is not ISO 8601")
    for name in ("url", "image", "logo"):
        values = item.get(name) or []
        for value in values if isinstance(values, list) else [values]:
            url = value.get("url") if isinstance(value, dict) else value
            if not absolute(url):
                problems.append(f"{kind}.{name} {url!r} is not absolute")
    for name in ("author", "publisher", "organizer"):
        people = item.get(name) or []
        for person in people if isinstance(people, list) else [people]:
            # {"@id": …} refers to a node described in full elsewhere on the page.
            if not person.get("name") and set(person) != {"@id"}:
                problems.append(f"{kind}.{name} has no name")
    if kind == "Event":
        location = item.get("location") or {}
        if not (location.get("name") or location.get("address")):
            problems.append("Event.location has neither name nor address")
    if kind == "BreadcrumbList":
        positions = [element.get("position") for element in item.get("itemListElement", [])]
        if positions != list(range(1, len(positions) + 1)):
            problems.append(f"BreadcrumbList positions {positions}")
        for element in item.get("itemListElement", []):
            if not element.get("name") or not absolute(element.get("item", "")):
                problems.append(f"BreadcrumbList item {element}")
    return problems


def test_detail_pages_have_complete_structured_data(served_site):
    problems = []
    checked = 0
    for entry in served_site.pages:
        expected = EXPECTED_TYPE.get(entry["type"])
        if not expected:
            continue
        where = f"{entry['type']} ({entry['language']}) <{entry['url']}>"
        try:
            items = items_of(served_site.get(entry["url"]).text)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: JSON-LD does not parse: {error}")
            continue
        types = {item.get("@type") for item in items}
        if expected not in types:
            problems.append(f"{where}: no {expected} in {sorted(map(str, types))}")
        if entry["type"] != "home.HomePage" and "BreadcrumbList" not in types:
            problems.append(f"{where}: no BreadcrumbList")
        for item in items:
            problems.extend(f"{where}: {problem}" for problem in problems_of(item))
        checked += 1
    assert checked >= 10
    assert not problems, "\n".join(problems)
