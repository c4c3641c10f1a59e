"""The reader's cookie choice: a small form that works without JavaScript.

The banner's buttons post here and come back to the page they were on. With
JavaScript the same form is sent in the background (Accept: application/json)
and the page updates itself.
"""

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.navigation import current_language
from core.same_site import is_same_site

from .consent import MEDIA, consent_for, store
from .notices import site_privacy

MAX_NEXT_LENGTH = 2000


def home_url():
    language = current_language()
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def safe_next(request, value):
    """Where to send the reader back: a path on this site, else the home page."""
    value = (value or "").strip()
    if (
        value
        and len(value) <= MAX_NEXT_LENGTH
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return home_url()


def choices_from(request, categories):
    """{category: allowed} for the button pressed, or None for an unknown button."""
    choice = request.POST.get("choice")
    if choice == "all":
        return dict.fromkeys(categories, True)
    if choice == "necessary":
        return dict.fromkeys(categories, False)
    if choice == "custom":
        return {category: request.POST.get(category) == "yes" for category in categories}
    if choice == MEDIA:
        return {MEDIA: True}
    return None


def render_page(request, next_url, status=200, error=""):
    return TemplateResponse(
        request,
        "privacy/consent_page.html",
        {"next_url": next_url, "consent_error": error, "consent_page": True},
        status=status,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def consent_view(request):
    if request.method != "POST":
        return render_page(request, safe_next(request, request.GET.get("next")))
    next_url = safe_next(request, request.POST.get("next"))
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not is_same_site(request):
        message = _("Your choice was not saved: it did not come from this site's own pages.")
        if wants_json:
            return JsonResponse({"error": message}, status=403)
        return render_page(request, next_url, status=403, error=message)
    if request.POST.get("choice") == "settings" and not wants_json:
        # "Settings" is a GET button; a browser that posts it anyway gets the page.
        return render_page(request, next_url)
    categories = site_privacy(request).categories
    choices = choices_from(request, categories)
    if choices is None:
        message = _("Your choice was not saved. Please choose one of the buttons below.")
        if wants_json:
            return JsonResponse({"error": message}, status=400)
        return render_page(request, next_url, status=400, error=message)

    consent = consent_for(request).with_choices(choices)
    if wants_json:
        response = JsonResponse(
            {
                "granted": sorted(consent.granted),
                "decided": consent.has_decided(categories),
            }
        )
    else:
        response = HttpResponseRedirect(next_url)
    store(response, request, consent)
    return response
