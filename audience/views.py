from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.same_site import is_same_site

from .counting import count_view, counted_page, is_reader
from .models import PageViewCount


@csrf_exempt  # a cached page carries no token; is_same_site checks where it comes from
@require_POST
def page_viewed(request, page_id):
    """Count one view of a page a reader has opened, and answer its count as the
    page shows it, so that a page from the cache shows the number of now."""
    page = counted_page(page_id)
    if page is None:
        response = JsonResponse({"error": _("There is no such page.")}, status=404)
    elif not is_same_site(request):
        response = JsonResponse(
            {"error": _("The view was not counted: it did not come from this site's pages.")},
            status=403,
        )
    else:
        if is_reader(request):
            count_view(page)
        views = PageViewCount.views_of(page.pk)
        text = render_to_string(
            "audience/includes/view_count_text.html", {"views": views}, request=request
        )
        response = JsonResponse({"views": views, "text": text.strip()})
    add_never_cache_headers(response)
    return response
