"""Parts of every page's frame that all readers see alike (the menu, the partner
directory, the notices' links, the site's settings), kept until the content changes.

Without them a page made a query for each on every request the page cache missed.
Each is stored under a key of core.freshness, so a publish, a move or a settings edit
retires it at once. Nothing here may depend on the reader; previews, which show a
draft under a live page's id, always read the database.
"""

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from core.freshness import versioned_key

# A content change retires an entry at once; this only bounds its storage.
SHARED_SECONDS = 3600
_MISSING = object()


def shared(request, name, build, *parts):
    """`build()`, read from the cache when another request of this content made it."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    key = versioned_key(request, "shared", name, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, SHARED_SECONDS)
    return value


def site_pk(request):
    """The id of the request's Wagtail site, which most shared parts are kept by."""
    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def is_unexpired(page):
    # Expiry is no content change until the scheduler unpublishes the page, so a kept
    # page past its expiry is dropped on reading, as the database query would.
    return page is None or page.expire_at is None or page.expire_at > timezone.now()
