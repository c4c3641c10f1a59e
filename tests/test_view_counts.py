"""View counts: a number per page and nothing else, counted for readers only.

A reader's GET of a live article, event summary or e-book adds one; robots, HEAD
requests, prefetches, previews and logged-in editors add nothing. The pages show
the number in their header, in Thai digits when the site asks for them.
"""

import re
import threading
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from audience.models import PageViewCount
from thai.models import ThaiLanguageSettings

from . import factories

pytestmark = pytest.mark.django_db

READER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
VIEW_COUNT = re.compile(r'<span class="byline__item view-count__number">([^<]*)</span>')


@pytest.fixture
def pages(site_tree):
    return {
        "article": factories.ArticlePageFactory(parent=site_tree["articles"]),
        "event": factories.EventSummaryPageFactory(parent=site_tree["events"]),
        "ebook": factories.EbookPageFactory(parent=site_tree["ebooks"]),
    }


def path_of(page):
    return urlsplit(page.url).path


def views(page):
    return PageViewCount.views_of(page.pk)


def read(client, page, user_agent=READER, **extra):
    response = client.get(path_of(page), headers={"User-Agent": user_agent, **extra})
    assert response.status_code == 200
    return response


def shown_count(response):
    match = VIEW_COUNT.search(response.content.decode())
    return match.group(1) if match else None


@pytest.mark.parametrize("kind", ["article", "event", "ebook"])
def test_each_reader_view_adds_one_and_the_page_shows_it(client, pages, kind):
    page = pages[kind]
    assert views(page) == 0
    read(client, page)
    read(client, page)
    response = read(client, page)
    assert views(page) == 3
    # The count includes the view that shows it.
    assert re.search(r"\b3\b", shown_count(response))


def test_english_pages_count_separately_and_say_views(client, site_tree, pages, english):
    article = pages["article"]
    factories.translate_page(site_tree["home"], english)
    factories.translate_page(site_tree["articles"], english)
    translation = factories.translate_page(article, english)
    assert path_of(translation).startswith("/en/")
    read(client, article)
    response = read(client, translation)
    assert views(translation) == 1
    assert views(article) == 1
    assert shown_count(response) == "1 view"
    read(client, translation)
    assert shown_count(read(client, translation)) == "3 views"


def test_thai_digits_follow_the_site_setting(client, pages):
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()
    PageViewCount.objects.create(page=pages["article"], views=1369)
    assert "๑,๓๗๐" in shown_count(read(client, pages["article"]))


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
    response = read(client, pages["article"], user_agent)
    assert views(pages["article"]) == 0
    assert shown_count(response) is None


def test_head_and_prefetch_requests_are_not_counted(client, pages):
    assert client.head(path_of(pages["article"]), headers={"User-Agent": READER}).status_code == 200
    read(client, pages["article"], **{"Sec-Purpose": "prefetch"})
    assert views(pages["article"]) == 0


def test_editors_and_previews_are_not_counted(client, pages, admin_user):
    client.force_login(admin_user)
    read(client, pages["article"])
    article = pages["article"]
    preview = client.get(f"/admin/pages/{article.pk}/edit/preview/", headers={"User-Agent": READER})
    assert preview.status_code == 200
    assert views(article) == 0


def test_drafts_missing_pages_and_other_page_types_are_not_counted(client, site_tree, pages):
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], live=False)
    assert client.get(path_of(draft), headers={"User-Agent": READER}).status_code == 404
    assert client.get("/no-such-page/", headers={"User-Agent": READER}).status_code == 404
    for page in (site_tree["home"], site_tree["articles"], site_tree["partners"]):
        client.get(path_of(page), headers={"User-Agent": READER})
    assert not PageViewCount.objects.exists()


def test_bad_query_strings_still_count_once_and_never_fail(client, pages):
    for query in ("?page=abc", "?page=99999999999999999999", "?x=" + "ก" * 2000):
        response = client.get(path_of(pages["article"]) + query, headers={"User-Agent": READER})
        assert response.status_code == 200
    assert views(pages["article"]) == 3


def test_a_view_costs_one_read_and_one_write(client, pages):
    article = pages["article"]
    read(client, article)  # the first view creates the row, and the image renditions
    with CaptureQueriesContext(connection) as reader_queries:
        read(client, article)
    with CaptureQueriesContext(connection) as robot_queries:
        read(client, article, ROBOT)

    def counter_queries(queries):
        return [q["sql"] for q in queries if "audience_pageviewcount" in q["sql"]]

    reads_and_writes = counter_queries(reader_queries)
    assert len(reads_and_writes) == 2
    assert reads_and_writes[0].startswith("UPDATE")
    assert reads_and_writes[1].startswith("SELECT")
    assert [sql[:6] for sql in counter_queries(robot_queries)] == ["SELECT"]

    # On PostgreSQL the counter's short lock wait is a savepoint of its own
    # inside the test's transaction (a transaction of its own on the site).
    def statements(queries):
        return [q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]

    assert len(statements(reader_queries)) == len(statements(robot_queries)) + 1


def test_nothing_about_the_reader_is_stored_anywhere(client, pages):
    user_agent = READER + " ReaderMarker/8d41c"
    address = "203.0.113.77"
    client.get(path_of(pages["article"]), headers={"User-Agent": user_agent}, REMOTE_ADDR=address)
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
def test_concurrent_first_views_over_http_are_all_counted(live_server, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    url = live_server.url + path_of(article)
    threads_count, views_each = 8, 4
    start = threading.Barrier(threads_count)
    failures = []

    def reader():
        start.wait()
        for _ in range(views_each):
            request = urllib.request.Request(url, headers={"User-Agent": READER})
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
