from urllib.parse import urlsplit

from django.conf import settings


def is_same_site(request):
    """A form sent from this site's own pages, as far as the browser says.

    The cookie choice and the view counter cannot use Django's CSRF token: its
    cookie would be set on every page, before the reader has chosen anything, and
    a page with a token could not be cached. Browsers say where a POST comes from
    instead; a page elsewhere must not be able to choose or count for the reader.
    """
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return (
            urlsplit(origin).netloc == request.get_host() or origin in settings.CSRF_TRUSTED_ORIGINS
        )
    return True
