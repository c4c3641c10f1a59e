"""Popular searches are what several different readers looked for, not what one
client typed again and again, and reading them never waits for the write lock.

A term is suggested to readers only once SEARCH_POPULAR_MIN_CLIENTS different
clients searched it on one day. Clients are told apart by their address
(core.clients: REMOTE_ADDR, or what our own proxies add), hashed with the
site's key and the day; a header the sender writes changes nothing.
"""

import datetime

import pytest

from search.models import SearchTermClient, SearchTermDailyCount
from search.stats import popular_searches, record_search

from . import factories
from .database_locks import write_lock_held

pytestmark = pytest.mark.django_db

TERM = "อาสาสมัคร"
NOTHING_FOUND = "ดาราศาสตร์วิทยุ"


@pytest.fixture
def searchable(site_tree, settings):
    settings.SEARCH_POPULAR_MIN_CLIENTS = 3
    settings.TRUSTED_PROXIES = 0
    return factories.ArticlePageFactory(parent=site_tree["articles"], title=TERM, body=[])


def search(client, query, address, **headers):
    response = client.get("/search/", {"q": query}, REMOTE_ADDR=address, headers=headers)
    assert response.status_code == 200
    return response


def suggested(client):
    """The popular searches a reader is offered when their search finds nothing."""
    return search(client, NOTHING_FOUND, "192.0.2.250").context["popular_searches"]


def test_one_client_searching_ten_times_plants_nothing(client, searchable):
    for _ in range(10):
        search(client, TERM, "203.0.113.9")
    assert SearchTermDailyCount.objects.get(term=TERM).searches == 10
    assert suggested(client) == []


def test_three_different_clients_make_a_term_popular(client, searchable):
    for address in ("203.0.113.1", "203.0.113.2"):
        search(client, TERM, address)
        search(client, TERM, address)
    assert suggested(client) == []
    search(client, TERM, "2001:db8::7")
    assert suggested(client) == [TERM]


SPOOFED_FORWARDED_FOR = [
    lambda n: f"198.51.100.{n}",
    lambda n: f"198.51.100.{n}, 203.0.113.9",
    lambda n: "garbage" * n,
    lambda n: "unknown",
    lambda n: f"2001:db8::{n:x}",
    lambda n: ", ".join(f"10.0.{n}.{i}" for i in range(50)),
    lambda n: "",
]


@pytest.mark.parametrize(
    "forwarded_for",
    SPOOFED_FORWARDED_FOR,
    ids=["fresh address", "two entries", "garbage", "unknown", "ipv6", "fifty", "empty"],
)
@pytest.mark.parametrize("trusted_proxies", [0, 1])
def test_a_forwarded_for_header_of_the_senders_gives_no_extra_clients(
    client, searchable, settings, forwarded_for, trusted_proxies
):
    settings.TRUSTED_PROXIES = trusted_proxies
    for n in range(1, 6):
        # With one proxy, what it adds (the right-most entry) is the sender's
        # real address; everything before it is the sender's own writing.
        header = forwarded_for(n)
        if trusted_proxies:
            header = f"{header}, 203.0.113.9" if header else "203.0.113.9"
        search(client, TERM, "203.0.113.9", **{"X-Forwarded-For": header})
    settings.TRUSTED_PROXIES = 0
    assert SearchTermDailyCount.objects.get(term=TERM).clients <= 1
    assert suggested(client) == []


def test_nothing_stored_names_the_client_and_old_hashes_go(client, searchable, monkeypatch):
    long_ago = datetime.date(2025, 6, 1)
    SearchTermClient.objects.create(term=TERM, language="th", date=long_ago, client="f" * 32)
    search(client, TERM, "203.0.113.77")
    kept = SearchTermClient.objects.get()
    assert kept.date != long_ago
    assert "203.0.113.77" not in kept.client
    assert "113" not in kept.client and len(kept.client) == 32

    # The same client the next day is a different hash: days cannot be linked.
    tomorrow = kept.date + datetime.timedelta(days=1)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: tomorrow)
    search(client, TERM, "203.0.113.77")
    hashes = set(SearchTermClient.objects.values_list("client", flat=True))
    assert len(hashes) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_popular_searches_are_read_while_another_connection_holds_the_write_lock(settings):
    settings.SEARCH_POPULAR_MIN_CLIENTS = 3
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        record_search(TERM, "th", 2, address)
    with write_lock_held("search_searchtermdailycount"):
        assert popular_searches("th") == [TERM]
