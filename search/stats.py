"""Counts of what readers search for, kept without anything that identifies a reader.

A search adds one to a counter for its term, language and day, nothing else:
no IP address, session, user, user agent or time of day is read or stored.
Editors see the counts in the admin (Reports → What readers search for) and
the public search page suggests the popular terms.
"""

import datetime
import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import get_supported_language_variant

from thai.text import normalise

from .models import TERM_MAX_LENGTH, SearchTermDailyCount

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 365

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


def record_search(query: str, language: str, result_count: int) -> None:
    """Count one search for `query` in `language` today.

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
    try:
        _increment(term, language, timezone.localdate(), found_nothing)
    except DatabaseError:
        logger.warning("A search could not be counted", exc_info=True)


def _increment(term, language, day, found_nothing):
    rows = SearchTermDailyCount.objects.filter(term=term, language=language, date=day)
    changes = {
        "searches": F("searches") + 1,
        "searches_without_results": F("searches_without_results") + found_nothing,
    }
    # A savepoint of its own, so a failure here never breaks a transaction the
    # caller may be in. The UPDATE adds in the database, so two requests at
    # once both count; update_or_create would read, add in Python and lose one.
    with transaction.atomic():
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
                )
        except IntegrityError:
            # Another request created today's row between our UPDATE and
            # INSERT (PostgreSQL; SQLite's IMMEDIATE transactions queue
            # writers instead). The row exists now, so the UPDATE finds it.
            rows.update(**changes)


# A term is shown to other readers only once several searches were made for
# it, so that one reader's query never appears on the page.
MIN_SEARCHES_TO_SUGGEST = 3


def popular_searches(language: str, limit: int = 5, days: int = 30) -> list[str]:
    """The terms searched most in `language` over the last `days` days that
    found something, most searched first, ties in alphabetical order.

    Only suggestions: an empty list rather than an error if the database
    cannot answer, so the search page still works.
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
        )
        .filter(
            total_searches__gt=F("total_without_results"),
            total_searches__gte=MIN_SEARCHES_TO_SUGGEST,
        )
        .order_by("-total_searches", "term")
        .values_list("term", flat=True)[:limit]
    )
    try:
        with transaction.atomic():
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
    return deleted, cutoff
