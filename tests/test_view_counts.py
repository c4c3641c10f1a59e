"""View counts: a number per page and nothing else, counted for readers only.

The page may come from the cache, so the page's script reports the view once the
page is shown (audience.views.page_viewed), and the answer carries the count of
now. A reader's report of a live, public article, event summary or e-book adds
one; robots, editors, other sites, drafts and other page types add nothing.
The pages show the number in their header, in Thai digits when the site asks.
"""

import re
import threading
import urllib.request

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from audience.models import PageViewCount
from thai.models import ThaiLanguageSettings

from . import factories
from .view_count_helpers import (
    READER,
    ROBOT,
    count_address,
    path_of,
    report_view,
    shown_count,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    return {
        "article": factories.ArticlePageFactory(parent=site_tree["articles"]),
        "event": factories.EventSummaryPageFactory(parent=site_tree["events"]),
        "ebook": factories.EbookPageFactory(parent=site_tree["ebooks"]),
    }


def views(page):
    return PageViewCount.views_of(page.pk)


@pytest.mark.parametrize("kind", ["article", "event", "ebook"])
def test_each_reader_view_adds_one_and_the_page_shows_it(client, pages, kind):
    page = pages[kind]
    response = client.get(path_of(page), headers={"User-Agent": READER})
    # No views yet: the page shows no number, and has the place for it.
    assert shown_count(response) == ""
    report_view(client, page)
    report_view(client, page)
    answer = report_view(client, page)
    assert answer.status_code == 200
    assert views(page) == 3
    # The answer says the count as the page shows it, this view included.
    assert answer.json()["views"] == 3
    assert re.search(r"\b3\b", answer.json()["text"])
    assert "no-store" in answer["Cache-Control"]
    assert re.search(r"\b3\b", shown_count(client.get(path_of(page))))


def test_english_pages_count_separately_and_say_views(client, site_tree, pages, english):
    article = pages["article"]
    factories.translate_page(site_tree["home"], english)
    factories.translate_page(site_tree["articles"], english)
    translation = factories.translate_page(article, english)
    assert path_of(translation).startswith("/en/")
    report_view(client, article)
    answer = report_view(client, translation)
    assert views(translation) == 1
    assert views(article) == 1
    assert answer.json()["text"] == "1 view"
    report_view(client, translation)
    assert report_view(client, translation).json()["text"] == "3 views"


def test_thai_digits_follow_the_site_setting(client, pages):
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()
    PageViewCount.objects.create(page=pages["article"], views=1369)
    assert "๑,๓๗๐" in report_view(client, pages["article"]).json()["text"]


@pytest.mark.parametrize(
    "user_agent",
    [
        ROBOT,
        "",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
    ],
)
def test_robots_and_tools_are_not_counted(client, pages, user_agent):
    answer = report_view(client, pages["article"], user_agent)
    assert answer.status_code == 200
    assert views(pages["article"]) == 0
    assert answer.json()["views"] == 0


def test_serving_the_page_counts_nothing_by_itself(client, pages):
    for _ in range(3):
        client.get(path_of(pages["article"]), headers={"User-Agent": READER})
    assert client.head(path_of(pages["article"]), headers={"User-Agent": READER}).status_code == 200
    assert views(pages["article"]) == 0


def test_editors_are_not_counted(client, pages, admin_user):
    client.force_login(admin_user)
    report_view(client, pages["article"])
    assert views(pages["article"]) == 0


def test_a_report_from_another_site_is_refused(client, pages):
    answer = report_view(
        client, pages["article"], Origin="https://evil.example", **{"Sec-Fetch-Site": "cross-site"}
    )
    assert answer.status_code == 403
    assert "error" in answer.json()
    assert views(pages["article"]) == 0


def test_drafts_private_missing_pages_and_other_types_are_not_counted(client, site_tree, pages):
    address = count_address(client.get(path_of(pages["article"])))
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], live=False)
    private = factories.ArticlePageFactory(parent=site_tree["articles"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page_id in (draft.pk, private.pk, 999999, site_tree["home"].pk, site_tree["partners"].pk):
        answer = client.post(
            address.replace(f"/{pages['article'].pk}/", f"/{page_id}/"),
            headers={"User-Agent": READER},
        )
        assert answer.status_code == 404
        assert answer.json()["error"]
    assert not PageViewCount.objects.exists()


def test_other_methods_and_bad_addresses_are_refused(client, pages):
    address = count_address(client.get(path_of(pages["article"])))
    assert client.get(address).status_code == 405
    assert client.post(address.replace(f"{pages['article'].pk}/", "abc/")).status_code == 404
    assert (
        client.post(address + "?x=" + "ก" * 2000, headers={"User-Agent": READER}).json()["views"]
        == 1
    )


def test_a_report_costs_one_write_and_one_read_of_the_counter(client, pages):
    article = pages["article"]
    address = count_address(client.get(path_of(article)))
    client.post(address, headers={"User-Agent": READER})  # the first view creates the row
    with CaptureQueriesContext(connection) as reader_queries:
        client.post(address, headers={"User-Agent": READER})
    with CaptureQueriesContext(connection) as robot_queries:
        client.post(address, headers={"User-Agent": ROBOT})

    def counter_queries(queries):
        return [q["sql"] for q in queries if "audience_pageviewcount" in q["sql"]]

    reads_and_writes = counter_queries(reader_queries)
    assert len(reads_and_writes) == 2
    assert reads_and_writes[0].startswith("UPDATE")
    assert reads_and_writes[1].startswith("SELECT")
    assert [sql[:6] for sql in counter_queries(robot_queries)] == ["SELECT"]


def test_nothing_about_the_reader_is_stored_anywhere(client, pages):
    user_agent = READER + " ReaderMarker/8d41c"
    address = "203.0.113.77"
    page_address = count_address(client.get(path_of(pages["article"])))
    client.post(page_address, headers={"User-Agent": user_agent}, REMOTE_ADDR=address)
    assert views(pages["article"]) == 1

    assert {field.name for field in PageViewCount._meta.get_fields()} == {"page", "views"}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            quoted = connection.ops.quote_name(table)
            for column in columns:
                name = connection.ops.quote_name(column.name)
                for marker in ("ReaderMarker/8d41c", address):
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted} WHERE CAST({name} AS TEXT) LIKE %s",  # noqa: S608 - names from the schema
                        [f"%{marker}%"],
                    )
                    assert cursor.fetchone()[0] == 0, (table, column.name, marker)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_views_over_http_are_all_counted(live_server, site_tree, client):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    url = live_server.url + count_address(client.get(path_of(article)))
    threads_count, views_each = 8, 4
    start = threading.Barrier(threads_count)
    failures = []

    def reader():
        start.wait()
        for _ in range(views_each):
            request = urllib.request.Request(
                url, method="POST", data=b"", headers={"User-Agent": READER}
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    if response.status != 200:
                        failures.append(response.status)
            except Exception as error:  # every failure is reported below
                failures.append(repr(error))

    threads = [threading.Thread(target=reader) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert views(article) == threads_count * views_each
