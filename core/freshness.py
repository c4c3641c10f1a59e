"""One version for everything readers see, so that no cache serves what has changed.

Every cached page and fragment is stored under the content version current when
its request began. Publishing, unpublishing, moving or deleting a page, and
saving a partner, programme, topic, setting, image or document (core/apps.py
connects those signals) make a new version once their transaction commits: the
next request of any page misses and is rendered from the database.

A request reads the version once. An entry made while a change was still being
committed carries the version read before it, so it is never served after the
change: nothing stale can be stored under the new version.
"""

import time

from django.core.cache import cache
from django.db import connection, transaction

_REQUEST_ATTRIBUTE = "_content_version"


def version_key():
    # Each database keeps its own version: a cache two databases share (a developer's
    # file cache, one Redis for staging and production) never serves one the other's.
    return f"content-version:{connection.settings_dict['NAME']}"


def _new_version():
    # Unique across processes and restarts without a counter that could be culled.
    return format(time.time_ns(), "x")


def content_version(request=None):
    """The current version: read once per request, made anew if the cache lost it."""
    if request is not None:
        version = getattr(request, _REQUEST_ATTRIBUTE, None)
        if version is not None:
            return version
    key = version_key()
    version = cache.get(key)
    if version is None:
        version = _new_version()
        if not cache.add(key, version, timeout=None):
            version = cache.get(key) or version
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, version)
    return version


def remember_version(request, version):
    """Use a version the page cache already read with its entry (one round trip)."""
    setattr(request, _REQUEST_ATTRIBUTE, version)


def _publish_new_version():
    cache.set(version_key(), _new_version(), timeout=None)


def content_changed():
    """A new version now, and again once the current transaction commits: a page
    rendered in between from the data before the commit is not kept either."""
    _publish_new_version()
    transaction.on_commit(_publish_new_version)


def versioned_key(request, *parts):
    """A cache key that a content change retires, e.g. for a fragment of a page."""
    return ":".join(["fresh", content_version(request), *(str(part) for part in parts)])
