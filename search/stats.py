"""Counts of what readers search for, kept without anything that identifies a reader.

A search adds one to a counter for its term, language and day, nothing else:
no IP address, session, user, user agent or time of day is stored. To count
how many different clients searched a term, a keyed hash of the client's
address and the day is kept for a day or two (SearchTermClient), and nothing
else about them. Editors see the counts in the admin (Reports → What readers
search for) and the public search page suggests the terms that several
different clients searched.
"""

import datetime
import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_supported_language_variant

from thai.text import normalise

from .models import TERM_MAX_LENGTH, SearchTermClient, SearchTermDailyCount

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 365
DEFAULT_MIN_CLIENTS_TO_SUGGEST = 3
# Yesterday's hashes are kept so that a search just after midnight is not
# mistaken for a new client; older ones have no use.
CLIENT_HASH_DAYS = 2

# Readers paste their own details into a search box (an email address to find
# a donation receipt, a phone number or national ID to find a registration).
# Kept, such a term would turn anonymous counts into a record of personal data
# under the PDPA, and the report would show it to every editor who can open it,
# so these terms are never stored. Nine or more digits, allowing one space,
# dash, dot or bracket between them, covers Thai phone numbers (9 or 10 digits,
# 11 with +66), the 13-digit national ID however it is grouped, and bank account
# and card numbers too; a few searches for long runs of numbers go uncounted.
EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
LONG_NUMBER = re.compile(r"\d(?:[\s\-.()]?\d){8,}")


def normalise_term(query):
    """The form a query is counted under, so "COVID  ๒๕๖๔" and "covid 2564"
    are one term. Empty when nothing searchable is left."""
    if not query:
        return ""
    text = normalise(str(query)).casefold()
    # Control characters (NUL above all) cannot be stored in PostgreSQL and
    # are never part of what a reader meant to search for.
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    text = " ".join(text.split())
    return text[:TERM_MAX_LENGTH].strip()


def looks_like_personal_data(term):
    return bool(EMAIL.search(term) or LONG_NUMBER.search(term))


def window_start(days, today=None):
    """The first day of "the last `days` days", today being the last of them."""
    today = today or timezone.localdate()
    # A retention of "forever" written as 10**9 days reaches back before year 1.
    days = min(days, (today - datetime.date.min).days + 1)
    return today - datetime.timedelta(days=days - 1)


def _counted_language(language):
    # One of LANGUAGES, so "en-us" counts as "en" and nothing else gets in.
    try:
        return get_supported_language_variant(str(language or ""))
    except LookupError:
        return ""


def client_key(address, day):
    """A keyed hash of the client's address that is different every day, so
    that no two days' hashes can be linked, and nothing without SECRET_KEY
    can test an address against it."""
    return salted_hmac("search.stats.client", f"{address} {day.isoformat()}").hexdigest()[:32]


def record_search(query: str, language: str, result_count: int, client: str | None = None) -> None:
    """Count one search for `query` in `language` today, by the client at the
    address `client` (core.clients; None when it is not known, and then the
    search counts but not as a different client).

    Never raises because of the database: a reader's search must not fail
    because its counter did, so a failure is logged and the search goes
    uncounted.
    """
    term = normalise_term(query)
    if not term or looks_like_personal_data(term):
        return
    language = _counted_language(language)
    if not language:
        return
    found_nothing = 0 if result_count and result_count > 0 else 1
    day = timezone.localdate()
    try:
        _increment(term, language, day, found_nothing, client and client_key(client, day))
    except DatabaseError:
        logger.warning("A search could not be counted", exc_info=True)


def _first_search_by(key, term, language, day):
    """Note that the client searched the term today; False if they had already.

    One statement that inserts or does nothing (SQLite and PostgreSQL alike),
    rather than a savepoint, an INSERT and a rollback for every repeat search.
    """
    table = connection.ops.quote_name(SearchTermClient._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (term, language, date, client) "  # noqa: S608 - the model's own table
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            [term, language, day, key],
        )
        inserted = cursor.rowcount == 1
    if inserted:
        stale = day - datetime.timedelta(days=CLIENT_HASH_DAYS)
        SearchTermClient.objects.filter(date__lte=stale).delete()
    return inserted


def _increment(term, language, day, found_nothing, key):
    rows = SearchTermDailyCount.objects.filter(term=term, language=language, date=day)
    # A savepoint of its own, so a failure here never breaks a transaction the
    # caller may be in. The UPDATE adds in the database, so two requests at
    # once both count; update_or_create would read, add in Python and lose one.
    with transaction.atomic():
        new_client = 1 if key and _first_search_by(key, term, language, day) else 0
        changes = {
            "searches": F("searches") + 1,
            "searches_without_results": F("searches_without_results") + found_nothing,
            "clients": F("clients") + new_client,
        }
        if rows.update(**changes):
            return
        try:
            with transaction.atomic():
                SearchTermDailyCount.objects.create(
                    term=term,
                    language=language,
                    date=day,
                    searches=1,
                    searches_without_results=found_nothing,
                    clients=new_client,
                )
        except IntegrityError:
            # Another request created today's row between our UPDATE and
            # INSERT (PostgreSQL; SQLite's IMMEDIATE transactions queue
            # writers instead). The row exists now, so the UPDATE finds it.
            rows.update(**changes)


def min_clients_to_suggest():
    return getattr(settings, "SEARCH_POPULAR_MIN_CLIENTS", DEFAULT_MIN_CLIENTS_TO_SUGGEST)


def popular_searches(language: str, limit: int = 5, days: int = 30) -> list[str]:
    """The terms in `language` over the last `days` days that found something
    and that, on one day at least, SEARCH_POPULAR_MIN_CLIENTS different clients
    searched: so one reader's query never appears on the page, and one client
    repeating a term, or coming back to it day after day, cannot plant it.
    Most different searchers first, then most searches, then alphabetical.

    Only suggestions: an empty list rather than an error if the database
    cannot answer, so the search page still works. Only SELECTs: no
    transaction, which on SQLite (IMMEDIATE) would take the write lock.
    """
    language = _counted_language(language)
    if not language or limit <= 0 or days <= 0:
        return []
    terms = (
        SearchTermDailyCount.objects.filter(language=language, date__gte=window_start(days))
        .values("term")
        .annotate(
            total_searches=Sum("searches"),
            total_without_results=Sum("searches_without_results"),
            total_clients=Sum("clients"),
            most_clients_in_a_day=Max("clients"),
        )
        .filter(
            total_searches__gt=F("total_without_results"),
            most_clients_in_a_day__gte=min_clients_to_suggest(),
        )
        .order_by("-total_clients", "-total_searches", "term")
        .values_list("term", flat=True)[:limit]
    )
    try:
        return list(terms)
    except DatabaseError:
        logger.warning("Popular searches could not be read", exc_info=True)
        return []


def retention_days():
    return getattr(settings, "SEARCH_STATS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def purge_old_counts(days):
    """Delete the counts from before the last `days` days; how many rows went."""
    cutoff = window_start(days)
    deleted, _by_model = SearchTermDailyCount.objects.filter(date__lt=cutoff).delete()
    stale = timezone.localdate() - datetime.timedelta(days=CLIENT_HASH_DAYS)
    SearchTermClient.objects.filter(date__lte=stale).delete()
    return deleted, cutoff
