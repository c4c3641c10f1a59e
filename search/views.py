from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

from network.links import prefetch_for_cards

from .query import search_terms

MAX_QUERY_LENGTH = 200


def search(request):
    """Site search in the reader's language. Long queries are cut, never refused."""
    # NUL characters cannot be stored or searched in PostgreSQL.
    raw_query = request.GET.get("q", "").replace("\x00", "").strip()
    query = raw_query[:MAX_QUERY_LENGTH].strip()
    results = Page.objects.none()
    terms = search_terms(query)
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(terms)
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
