"""Absolute addresses for what leaves the page: feeds, sitemaps, catalogues, share cards.

Kept apart from the navigation tags, which import the models, so that code the
models import (the e-book catalogue) can use it too.
"""


def absolute_uri(request, url):
    """An absolute address on the host the reader asked for (checked by ALLOWED_HOSTS)."""
    if not url or request is None or "://" in url:
        return url or ""
    return request.build_absolute_uri(url)


# Facebook, Google, LINE and newsletters add these to shared links; no page depends
# on them, so neither a redirect nor a cached page does.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "si"})
TRACKING_PREFIXES = ("utm_",)


def is_tracking_parameter(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
