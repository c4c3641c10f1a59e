from django.utils.cache import patch_vary_headers

from .consent import READ_ATTRIBUTE


class ConsentVaryMiddleware:
    """Responses shaped by the consent cookie (banner shown or not, embeds as
    iframes or placeholders) say so with Vary: Cookie, so that no cache hands
    one reader's page to another."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Template responses are rendered before they come back up the middleware.
        response = self.get_response(request)
        if getattr(request, READ_ATTRIBUTE, False):
            patch_vary_headers(response, ("Cookie",))
        return response
