from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    """Crawlers may read every page but the admin and the search results, whose
    combinations of words and filters are endless and say nothing new."""
    disallowed = [reverse("wagtailadmin_home")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_path = reverse("search:search")
        if search_path not in disallowed:
            disallowed.append(search_path)
    return render(
        request,
        "core/robots.txt",
        {"disallowed": disallowed, "sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def server_error(request, template_name="500.html"):
    """The 500 page in the reader's language: Thai at /..., English at /en/....

    The failure may be the database itself, so the language comes from the address
    alone and the page is rendered without the request (no context processors, no
    Wagtail site or settings): nothing here touches the database.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            # The nonce lets the page's own <style> through the policy.
            body = loader.render_to_string(
                template_name, {"csp_nonce": getattr(request, "csp_nonce", "")}
            )
    except Exception:  # an error page that fails in turn would leave the reader nothing
        body = SERVER_ERROR_FALLBACK
    return HttpResponseServerError(body)


SERVER_ERROR_FALLBACK = (
    '<!DOCTYPE html><html lang="en"><title>Server error (500)</title>'
    "<h1>Server error (500)</h1></html>"
)
