from contextvars import ContextVar

from django.utils.cache import patch_vary_headers

from .consent import READ_ATTRIBUTE

# Rich text is expanded without a template context (Wagtail's embed handlers get
# only the tag's attributes), yet an embed in it must follow the reader's consent.
_request_being_served = ContextVar("request_being_served", default=None)


def request_being_served():
    """The request whose response is being made, or None outside one."""
    return _request_being_served.get()


class ConsentVaryMiddleware:
    """Responses shaped by the consent cookie (banner shown or not, embeds as
    iframes or placeholders) say so with Vary: Cookie, so that no cache hands
    one reader's page to another."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_being_served.set(request)
        try:
            # Template responses are rendered before they come back up the middleware.
            response = self.get_response(request)
        finally:
            _request_being_served.reset(token)
        if getattr(request, READ_ATTRIBUTE, False):
            patch_vary_headers(response, ("Cookie",))
        return response
