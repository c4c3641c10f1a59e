"""What readers search for is counted per term, language and day, and nothing more."""

import codecs
import csv
import datetime
import io
import threading
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, close_old_connections, connection, transaction
from django.db.models.query import QuerySet
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from search.models import SearchTermDailyCount
from search.stats import normalise_term, popular_searches, record_search

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)
REPORT_URL = "search_stats:report"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """A fixed "today", so tests never straddle midnight in Bangkok."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def count(term, language="th", date=TODAY, searches=1, without_results=0, clients=None):
    """A day's count; each search by a different client unless `clients` says."""
    return SearchTermDailyCount.objects.create(
        term=term,
        language=language,
        date=date,
        searches=searches,
        searches_without_results=without_results,
        clients=searches if clients is None else clients,
    )


def counts():
    return {
        (row.term, row.language, row.date): (row.searches, row.searches_without_results)
        for row in SearchTermDailyCount.objects.all()
    }


# --- Counting ---------------------------------------------------------------------------


def test_each_search_adds_one_to_its_term_language_and_day(monkeypatch):
    record_search("วัคซีน", "th", 4)
    record_search("วัคซีน", "th", 4)
    record_search("วัคซีน", "en", 1)
    record_search("volunteer", "en", 2)
    tomorrow = TODAY + datetime.timedelta(days=1)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: tomorrow)
    record_search("วัคซีน", "th", 4)
    assert counts() == {
        ("วัคซีน", "th", TODAY): (2, 0),
        ("วัคซีน", "en", TODAY): (1, 0),
        ("volunteer", "en", TODAY): (1, 0),
        ("วัคซีน", "th", tomorrow): (1, 0),
    }


def test_thai_digits_case_and_spacing_are_one_term():
    for query in ["COVID  ๒๕๖๔", "covid 2564", "  Covid\t2564 ", "covid\u200b 2564"]:
        record_search(query, "th", 1)
    assert counts() == {("covid 2564", "th", TODAY): (4, 0)}


def test_normalised_terms_are_cut_to_the_column_length():
    assert normalise_term("ก" * 250) == "ก" * 200
    assert normalise_term("a" * 199 + " b") == "a" * 199
    assert normalise_term("ภาคี\x00เครือข่าย") == "ภาคี เครือข่าย"


@pytest.mark.parametrize("query", ["", "   ", "\x00", "\u200b", None])
def test_empty_searches_are_not_counted(query):
    record_search(query, "th", 0)
    assert counts() == {}


@pytest.mark.parametrize(
    "query",
    [
        "somchai@example.co.th",
        "ใบเสร็จ somchai.j@gmail.com",
        "0812345678",
        "โทร 081-234-5678",
        "+66 81 234 5678",
        "02 123 4567",
        "1234567890123",
        "1-2345-67890-12-3",
    ],
)
def test_searches_that_look_like_personal_data_are_not_stored(query):
    record_search(query, "th", 0)
    assert counts() == {}


@pytest.mark.parametrize("query", ["2564", "รายงานประจำปี 2565-2566", "iso 14001", "@มูลนิธิ"])
def test_years_and_short_numbers_are_counted(query):
    record_search(query, "th", 1)
    assert list(counts()) == [(normalise_term(query), "th", TODAY)]


def test_searches_that_found_nothing_are_counted_separately():
    record_search("ยาสมุนไพร", "th", 0)
    record_search("ยาสมุนไพร", "th", 0)
    record_search("ยาสมุนไพร", "th", 3)
    assert counts() == {("ยาสมุนไพร", "th", TODAY): (3, 2)}


def test_only_the_sites_languages_are_counted():
    record_search("vaccine", "en-us", 1)
    record_search("impfung", "de", 1)
    record_search("vaccine", "", 1)
    assert counts() == {("vaccine", "en", TODAY): (1, 0)}


def test_a_database_failure_is_logged_and_never_reaches_the_reader(monkeypatch, caplog):
    def locked(self, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(QuerySet, "update", locked)
    with transaction.atomic():
        assert record_search("วัคซีน", "th", 1) is None
        # The caller's own transaction is still usable.
        assert SearchTermDailyCount.objects.count() == 0
    assert "could not be counted" in caplog.text


def test_a_row_created_by_another_request_meanwhile_is_updated_not_duplicated(monkeypatch):
    """The race update_or_create loses: our UPDATE finds nothing, another
    request inserts the row, and our INSERT then hits the unique constraint."""
    count("วัคซีน", searches=5, without_results=1)
    real_update = QuerySet.update
    calls = []

    def update_missing_the_row_once(self, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            return 0
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_missing_the_row_once)
    record_search("วัคซีน", "th", 0)
    assert len(calls) == 2
    assert counts() == {("วัคซีน", "th", TODAY): (6, 2)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_searches_are_all_counted():
    errors = []

    def search(worker):
        try:
            for n in range(10):
                record_search("ภาคีเครือข่าย", "th", n % 2)
        except Exception as error:
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=search, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert counts() == {("ภาคีเครือข่าย", "th", TODAY): (40, 20)}


def test_nothing_stored_can_identify_a_reader():
    """A guard, not a formality: adding an IP address, session, user, user agent
    or a time finer than a day must fail here and be argued for in review."""
    fields = {field.name for field in SearchTermDailyCount._meta.get_fields()}
    assert fields == {
        "id",
        "term",
        "language",
        "date",
        "searches",
        "searches_without_results",
        "clients",
    }
    date_field = SearchTermDailyCount._meta.get_field("date")
    assert date_field.get_internal_type() == "DateField"


# --- Popular searches -------------------------------------------------------------------


def test_popular_searches_are_the_most_searched_terms_that_found_something():
    count("วัคซีน", searches=3)
    count("วัคซีน", date=days_ago(29), searches=5)  # the oldest of the last 30 days
    count("ภาคี", searches=6)
    count("งานวิจัย", searches=6)  # a tie: alphabetical order
    count("ยาสมุนไพร", searches=9, without_results=9)  # never found anything
    count("ข่าว", searches=3, without_results=1)  # found something once
    count("ชุมชน", searches=2)  # too few searches to show other readers
    count("volunteer", language="en", searches=50)
    count("ทุนการศึกษา", date=days_ago(30), searches=100)  # a day too old
    assert popular_searches("th") == ["วัคซีน", "งานวิจัย", "ภาคี", "ข่าว"]
    assert popular_searches("th", limit=2) == ["วัคซีน", "งานวิจัย"]
    assert popular_searches("th", days=1) == ["งานวิจัย", "ภาคี", "ข่าว", "วัคซีน"]
    assert popular_searches("th", days=31)[0] == "ทุนการศึกษา"
    assert popular_searches("en") == ["volunteer"]
    assert popular_searches("th", limit=0) == []


def test_popular_searches_round_trip_with_recorded_searches():
    for address in ("203.0.113.1", "203.0.113.2", "2001:db8::3"):
        record_search("Volunteer", "en", 2, address)
    record_search("Zebra", "en", 0)
    assert popular_searches("en") == ["volunteer"]


# --- The admin report -------------------------------------------------------------------


@pytest.fixture
def report_data():
    count("วัคซีน", searches=12, without_results=2)
    count("วัคซีน", date=days_ago(3), searches=3)
    count("ยาสมุนไพร", searches=5, without_results=5)
    count("volunteer", language="en", searches=7)
    count("ทุนการศึกษา", date=days_ago(60), searches=40, without_results=40)


def report_rows(response):
    assert response.status_code == 200
    return [
        (row["term"], row["language"], row["total_searches"], row["total_without_results"])
        for row in response.context["object_list"]
    ]


def test_report_lists_terms_with_their_counts_most_searched_first(admin_client, report_data):
    response = admin_client.get(reverse(REPORT_URL))
    assert report_rows(response) == [
        ("วัคซีน", "th", 15, 2),
        ("volunteer", "en", 7, 0),
        ("ยาสมุนไพร", "th", 5, 5),
    ]
    html = response.content.decode()
    assert "วัคซีน" in html
    assert ">15<" in html.replace(" ", "").replace("\n", "")
    assert "ทุนการศึกษา" not in html  # older than the default 30 days


def test_report_filters_by_found_nothing_period_and_language(admin_client, report_data):
    url = reverse(REPORT_URL)
    assert report_rows(admin_client.get(url, {"results": "nothing"})) == [
        ("วัคซีน", "th", 15, 2),
        ("ยาสมุนไพร", "th", 5, 5),
    ]
    assert report_rows(admin_client.get(url, {"results": "nothing", "period": "7"})) == [
        ("วัคซีน", "th", 15, 2),
        ("ยาสมุนไพร", "th", 5, 5),
    ]
    assert report_rows(admin_client.get(url, {"results": "nothing", "period": "all"}))[0] == (
        "ทุนการศึกษา",
        "th",
        40,
        40,
    )
    assert report_rows(admin_client.get(url, {"language": "en"})) == [("volunteer", "en", 7, 0)]
    assert report_rows(admin_client.get(url, {"q": "VOLUNTEER"})) == [("volunteer", "en", 7, 0)]
    results_only = admin_client.get(reverse("search_stats:report_results"), {"results": "nothing"})
    assert "ยาสมุนไพร" in results_only.content.decode()
    assert "volunteer" not in results_only.content.decode()


def export_links(response):
    """The report's download links, by format, as an editor's browser follows them."""
    assert response.status_code == 200
    links = {}
    page = lxml_html.fromstring(response.content)
    for href in page.xpath("//a[contains(@href, 'export=')]/@href"):
        (export_format,) = parse_qs(urlsplit(href).query)["export"]
        links[export_format] = href
    return links


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return response, data


def read_csv_as_excel_does(data):
    # Excel and LibreOffice take a file for UTF-8 only when it starts with the
    # byte order mark; otherwise Thai Windows reads it in its code page, TIS-620.
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    else:
        text = data.decode("cp874", errors="replace")
    return list(csv.reader(io.StringIO(text, newline="")))


def thai_headings():
    english = ["Search term", "Language", "Searches", "Searches that found nothing"]
    with translation.override("th"):
        thai = [translation.gettext(heading) for heading in english]
    assert not set(thai) & set(english), thai  # the headings the catalogue translates
    return thai


def test_report_downloads_as_spreadsheets_that_excel_reads_safely(admin_client, report_data):
    count("=hyperlink(1)", searches=1, without_results=1)
    report = admin_client.get(reverse(REPORT_URL), {"results": "nothing"})
    links = export_links(report)
    assert set(links) == {"csv", "xlsx"}
    # The terms the editor was looking at: those that found nothing in the last 30 days.
    expected = [
        ("วัคซีน", "th", 15, 2),
        ("ยาสมุนไพร", "th", 5, 5),
        ("=hyperlink(1)", "th", 1, 1),
    ]

    response, data = download(admin_client, links["csv"])
    assert response["Content-Disposition"] == 'attachment; filename="search-terms.csv"'
    rows = read_csv_as_excel_does(data)
    assert rows[0] == thai_headings()
    # A term that starts like a formula is shown, not run.
    assert rows[1:] == [
        [f"'{term}" if term.startswith("=") else term, language, str(total), str(nothing)]
        for term, language, total, nothing in expected
    ]

    response, data = download(admin_client, links["xlsx"])
    assert response["Content-Disposition"] == 'attachment; filename="search-terms.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [list(row) for row in sheet.iter_rows(max_row=1, values_only=True)] == [thai_headings()]
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == expected
    # Terms are text cells, counts are numbers a spreadsheet can add up.
    assert [cell.data_type for cell in sheet["A"][1:]] == ["s"] * len(expected)
    assert {cell.data_type for column in "CD" for cell in sheet[column][1:]} == {"n"}


def test_report_is_closed_to_readers_and_to_staff_without_the_permission(client, django_user_model):
    url = reverse(REPORT_URL)
    login_url = reverse("wagtailadmin_login")
    assert client.get(url).url.startswith(login_url)

    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(reader)
    assert client.get(url).url.startswith(login_url)

    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_searchtermdailycount"))
    editor = django_user_model.objects.get(pk=editor.pk)  # drops the permission cache
    client.force_login(editor)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Purging ----------------------------------------------------------------------------


def purge(*args):
    from io import StringIO

    out = StringIO()
    call_command("purge_search_stats", *args, stdout=out)
    return out.getvalue()


def test_purge_keeps_the_retention_period_and_reports_what_went(settings):
    count("วัคซีน")
    count("วัคซีน", date=days_ago(364))  # the oldest day of 365
    count("วัคซีน", date=days_ago(365))
    count("ภาคี", date=days_ago(1000))
    assert "Removed 2 search count rows" in purge()
    assert SearchTermDailyCount.objects.count() == 2

    assert "Removed 1 search count row " in purge("--days", "30")
    assert SearchTermDailyCount.objects.count() == 1

    settings.SEARCH_STATS_RETENTION_DAYS = 1
    count("ภาคี", date=days_ago(1))
    assert "Removed 1 search count row " in purge()
    assert "Removed 0 search count rows" in purge()
    assert list(counts()) == [("วัคซีน", "th", TODAY)]


@pytest.mark.parametrize("days", ["0", "-3", "abc", "1.5", ""])
def test_purge_refuses_a_bad_number_of_days(days):
    count("วัคซีน", date=days_ago(400))
    with pytest.raises(CommandError, match="--days must be a whole number of days"):
        purge("--days", days)
    assert SearchTermDailyCount.objects.count() == 1


def test_purge_refuses_a_bad_retention_setting(settings):
    settings.SEARCH_STATS_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="SEARCH_STATS_RETENTION_DAYS must be"):
        purge()
