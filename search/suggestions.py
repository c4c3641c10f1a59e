"""What to offer a reader whose search found nothing: the same search with a
word spelled as the site spells it ("เครือขาย" → "เครือข่าย")."""

import difflib

from django.core.cache import cache
from wagtail.models import Page

from core.visibility import readable_pages
from network.models import PartnerOrganisation, Province, Topic
from thai.text import normalise

from .segment import query_words

VOCABULARY_CACHE_SECONDS = 600
RECENT_TITLES = 2000
CLOSENESS = 0.75


def _words(text):
    words = {" ".join(text.split())}
    for parts in query_words(text):
        words.update(parts)
        words.add("".join(parts))
    return words


def vocabulary(locale):
    """Words readers are likely to look for: names of topics, partners and
    provinces, and the titles of recent pages. Cached, as building it reads
    a few thousand rows."""
    key = f"search-vocabulary-{locale.pk}"
    words = cache.get(key)
    if words is None:
        names = [
            *Topic.objects.filter(locale=locale).values_list("name", flat=True),
            *PartnerOrganisation.objects.filter(locale=locale).values_list("name", flat=True),
            *Province.objects.values_list("name_th", flat=True),
            *Province.objects.values_list("name_en", flat=True),
            *Page.objects.filter(readable_pages(), locale=locale, depth__gt=1)
            .order_by("-first_published_at")
            .values_list("title", flat=True)[:RECENT_TITLES],
        ]
        words = set()
        for name in names:
            words.update(word for word in _words(name) if len(word) > 1)
        words = sorted(words)
        cache.set(key, words, VOCABULARY_CACHE_SECONDS)
    return words


def respelled(query, locale, limit=3):
    """The query with each unknown word replaced by the closest known one; up to
    `limit` different spellings, best first, none that equal the query."""
    known = vocabulary(locale)
    known_set = set(known)
    words = []
    for piece in normalise(query).split():
        if piece in known_set or piece.casefold() in known_set:
            words.append([piece])
        else:
            close = difflib.get_close_matches(piece, known, n=limit, cutoff=CLOSENESS)
            words.append(close or [piece])
    suggestions = []
    for choice in range(limit):
        suggestion = " ".join(options[min(choice, len(options) - 1)] for options in words)
        if suggestion != " ".join(normalise(query).split()) and suggestion not in suggestions:
            suggestions.append(suggestion)
    return suggestions
