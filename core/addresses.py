"""Absolute addresses for what leaves the page: feeds, sitemaps, catalogues, share cards.

Kept apart from the navigation tags, which import the models, so that code the
models import (the e-book catalogue) can use it too.
"""


def absolute_uri(request, url):
    """An absolute address on the host the reader asked for (checked by ALLOWED_HOSTS)."""
    if not url or request is None or "://" in url:
        return url or ""
    return request.build_absolute_uri(url)
