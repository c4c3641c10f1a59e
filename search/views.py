from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

from network.links import prefetch_for_cards

MAX_QUERY_LENGTH = 200


def search(request):
    """Site search in the reader's language. Long queries are cut, never refused."""
    raw_query = request.GET.get("q", "").strip()
    query = raw_query[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    paginator = Paginator(results, settings.LISTING_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    items = prefetch_for_cards(list(page_obj.object_list))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "query_was_cut": len(raw_query) > MAX_QUERY_LENGTH,
            "page_obj": page_obj,
            "items": items,
        },
    )
