"""The page for an address in one query, where Wagtail's routing made one per level.

Wagtail's serve view finds the site, the locale, the home page in the reader's
language and then each page down the address. This middleware keeps, under a key of
core.freshness (every publish, move, delete or site edit retires it), which page an
address led to and what was left of the address for the page itself (a partner's page
below the directory). A later request loads that one page and lets it route the rest,
so its live check and a routable page's own routes run as before; the serve view, its
view-restriction checks, previews and redirects are Wagtail's own.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.views import serve

from core.freshness import versioned_key

ROUTE_SECONDS = 3600
READING_METHODS = ("GET", "HEAD")


def _key(request, path):
    # The host picks the site and the language its home page: both decide the page.
    host = request._get_raw_host()  # noqa: SLF001 - as Wagtail finds the site, unchecked
    where = "|".join([host, str(request.get_port()), get_language(), path])
    return versioned_key(request, "route", hashlib.sha256(where.encode()).hexdigest()[:32])


def _cached_route(request, entry):
    site, page_id, content_type_id, remaining = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id).first() if model is not None else None
    if page is None:
        return None
    try:
        return site, page.route(request, remaining)
    except Http404:
        return None


def _entry(request, path, route):
    site = request._wagtail_site  # noqa: SLF001 - where Wagtail keeps the site it found
    page = route[0]
    components = [component for component in path.split("/") if component]
    used = page.depth - site.root_page.depth
    if used < 0 or used > len(components):
        return None
    return site, page.pk, page.content_type_id, components[used:]


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve or request.method not in READING_METHODS:
            return
        if hasattr(request, "_wagtail_route_for_request"):
            return
        # Wagtail's address pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = _key(request, path)
        entry = cache.get(key)
        found = _cached_route(request, entry) if entry is not None else None
        if found is not None:
            # The attributes Wagtail itself caches its site and route under.
            request._wagtail_site, request._wagtail_route_for_request = found  # noqa: SLF001
            return
        route = Page.route_for_request(request, path)
        if route is not None and getattr(request, "_wagtail_site", None) is not None:
            new_entry = _entry(request, path, route)
            if new_entry is not None:
                cache.set(key, new_entry, ROUTE_SECONDS)
