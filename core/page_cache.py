"""The page cache: a public page rendered once is served to every reader who follows.

Wagtail 8 has no maintained page cache (wagtail-cache supports Wagtail below 8),
so this is Django's cache API used with the rules a page cache needs here:

- Only a reader's GET or HEAD, without a session or a pending message (staff,
  a reader who passed a page's password), with nothing in the query string but
  a listing's page number and filters. Tracking parameters (fbclid, utm_*) are
  dropped before the page sees them, so a link shared in LINE is one entry.
- Only what Wagtail served as a live page (core.wagtail_hooks marks it), answered
  200 in full, that no cookie, session or CSRF token shaped (no Vary: Cookie, no
  Set-Cookie), with no per-response nonce and not marked private.
- Under the content version (core.freshness): a change to anything a page shows
  retires every entry at once. The version and the entry are read in one round trip.

Entries live PAGE_CACHE_SECONDS (0 turns the cache off). Browsers and shared caches
are told to ask again each time (max-age=0) and get 304 when nothing changed
(ConditionalGetMiddleware, before this one); with a CDN or proxy to purge
(WAGTAILFRONTENDCACHE), it may keep the page for PAGE_CACHE_SECONDS. nginx in
front (deploy/nginx) keeps it PROXY_CACHE_SECONDS, told by X-Accel-Expires.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag

from .addresses import is_tracking_parameter
from .freshness import content_version, remember_version, version_key

# A listing's page number and its filters (articles.filters, network.filters); any
# other parameter is rendered for that request and not kept.
LISTING_PARAMETERS = frozenset(
    {"page", "topic", "partner", "programme", "year", "kind", "province"}
)
MAX_PARAMETER_LENGTH = 40
MAX_QUERY_LENGTH = 200
SERVED_AS_PAGE = "_served_as_live_page"
# Headers that belong to one response, not to the page.
NOT_STORED = frozenset({"set-cookie", "date", "x-cache"})


def is_enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _personal_cookies():
    return {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}


def readers_query(request):
    """The query without tracking parameters, or None when it is not a listing's."""
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if not is_tracking_parameter(name)
    ]
    names = [name for name, _value in kept]
    if len(names) != len(set(names)) or not set(names) <= LISTING_PARAMETERS:
        return None
    if any(len(value) > MAX_PARAMETER_LENGTH for _name, value in kept):
        return None
    query = urlencode(kept)
    return query if len(query) <= MAX_QUERY_LENGTH else None


def may_use_cache(request):
    if request.method not in ("GET", "HEAD"):
        return False
    return not (_personal_cookies() & request.COOKIES.keys())


def entry_key(request, query):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def mark_served_as_page(response):
    setattr(response, SERVED_AS_PAGE, True)


def may_store(request, response):
    if request.method != "GET" or not getattr(response, SERVED_AS_PAGE, False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "Cookie" in vary_headers(response) or response.has_header("Content-Disposition"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    # A nonce kept in a cache would be the same for every reader: no longer a nonce.
    return "nonce-" not in response.get("Content-Security-Policy", "")


def vary_headers(response):
    return [value.strip() for value in cc_delim_re.split(response.get("Vary", "")) if value]


def public_cache_control(response):
    # The language comes from the address (Thai without a prefix, English under
    # /en/), so a page never differs by Accept-Language; saying so splits caches.
    vary = [header for header in vary_headers(response) if header.lower() != "accept-language"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.WAGTAILFRONTENDCACHE:
        # The CDN or proxy is told when a page changes (core.frontend_purge).
        patch_cache_control(response, s_maxage=settings.PAGE_CACHE_SECONDS)
    if settings.PROXY_CACHE_SECONDS > 0:
        # Read by nginx only (deploy/nginx), which never passes it on to the reader.
        response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)


def _entry(version, response):
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
    return (version, response.status_code, headers, response.content)


def _response_from(entry):
    _version, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.serve(request)
        if "Cookie" in vary_headers(response) and not response.has_header("Cache-Control"):
            # Shaped by this reader's cookies: no shared cache may keep it.
            patch_cache_control(response, private=True)
        return response

    def serve(self, request):
        if not is_enabled() or not may_use_cache(request):
            return self.get_response(request)
        query = readers_query(request)
        if query is None:
            return self.get_response(request)
        # The page is rendered for the address without tracking parameters.
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
        key = entry_key(request, query)
        version_entry = version_key()
        found = cache.get_many([version_entry, key])
        version = found.get(version_entry) or content_version()
        remember_version(request, version)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            return _response_from(entry)
        response = self.get_response(request)
        if may_store(request, response):
            public_cache_control(response)
            # Kept with the page, so a hit needs no hashing for its 304.
            set_response_etag(response)
            cache.set(key, _entry(version, response), settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response
