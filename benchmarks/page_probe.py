"""Run inside a tree's `manage.py shell`: the URL of each page type and its SQL queries.

Written to the JSON file named by PAGE_PROBE_OUTPUT. It only uses Django and Wagtail
models by label, so it runs against an older checkout of the project too.

Queries are counted in this process, with django.test.Client and CaptureQueriesContext
on the default database: the same settings and middleware as the served site. For the
cached figure the page is requested twice first, then counted on the next request.
"""

import json
import os

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

THAI = "th"
SEARCH_QUERY = "สุขภาพชุมชน"
LISTS_AND_PAGES = (
    ("home", "home.HomePage"),
    ("article list", "articles.ArticleIndexPage"),
    ("article", "articles.ArticlePage"),
    ("event summary list", "articles.EventIndexPage"),
    ("event summary", "articles.EventSummaryPage"),
    ("e-book list", "articles.EbookIndexPage"),
    ("e-book", "articles.EbookPage"),
    ("partner directory", "network.PartnerIndexPage"),
)


def first_thai_page(label):
    model = apps.get_model(label)
    return model.objects.live().public().filter(locale__language_code=THAI).order_by("path").first()


def page_urls():
    from urllib.parse import quote

    urls = {}
    for name, label in LISTS_AND_PAGES:
        page = first_thai_page(label)
        urls[name] = page.get_url() if page else None
    directory = first_thai_page("network.PartnerIndexPage")
    organisation = apps.get_model("network.PartnerOrganisation")
    partner = organisation.objects.filter(locale_id=directory.locale_id).order_by("pk").first()
    urls["partner page"] = directory.partner_url(partner) if partner else None
    urls["search (Thai query)"] = "/search/?q=" + quote(SEARCH_QUERY)
    return urls


def queries_per_request(client, url):
    """Queries of one request after two earlier ones: the first may make a site's
    settings rows (a content change), the second fills the page cache, if on, and the
    parts a page keeps without it."""
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return {
        "status": response.status_code,
        "queries": len(captured.captured_queries),
        "x_cache": response.headers.get("X-Cache", ""),
    }


def main():
    host = os.environ["PAGE_PROBE_HOST"]
    client = Client(HTTP_HOST=host)
    urls = page_urls()
    figures = {
        name: queries_per_request(client, url) if url else None for name, url in urls.items()
    }
    result = {
        "urls": urls,
        "queries": figures,
        "page_cache_seconds": getattr(settings, "PAGE_CACHE_SECONDS", None),
        # Which checkout the project's code came from (the virtualenv is shared).
        "code_from": apps.get_app_config("core").path,
    }
    with open(os.environ["PAGE_PROBE_OUTPUT"], "w") as output:
        json.dump(result, output, ensure_ascii=False)


# Run by the benchmark (PAGE_PROBE_OUTPUT set); imported by profile_pages.py for page_urls.
if os.environ.get("PAGE_PROBE_OUTPUT"):
    main()
