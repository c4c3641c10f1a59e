from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.clients import client_address
from core.visibility import readable_pages
from network.models import PartnerOrganisation

from .facets import Filters, build_facets
from .highlight import excerpt, page_text
from .query import search_terms
from .segment import query_terms
from .stats import popular_searches, record_search
from .suggestions import respelled

MAX_QUERY_LENGTH = 200
MATCHING_PARTNERS = 6
# Search servers give no queryset to count facets over; their first
# matches stand in for all of them.
MAX_FACET_MATCHES_FROM_SERVER = 1000


def _matching_page_ids(results):
    # A backend that found every match already need not search again.
    matching_pks = getattr(results, "matching_pks", None)
    pks = matching_pks() if matching_pks is not None else None
    if pks is not None:
        return Page.objects.filter(pk__in=pks).values("pk")
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().values("pk")
    return Page.objects.filter(pk__in=[page.pk for page in results[:MAX_FACET_MATCHES_FROM_SERVER]])


def _promotions(query, locale):
    """Pages and links staff chose for this search, in the reader's language."""
    promoted_query = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if promoted_query is None:
        return []
    promotions = []
    for promotion in promoted_query.editors_picks.select_related("page").order_by("sort_order"):
        if promotion.page_id and promotion.page.locale_id != locale.pk:
            translated = promotion.page.get_translation_or_none(locale)
            if translated is None or not translated.live:
                continue
            promotion.page = translated
        elif promotion.page_id and not promotion.page.live:
            continue
        promotions.append(promotion)
    return promotions


def _matching_partners(terms, locale):
    partners = PartnerOrganisation.objects.filter(locale=locale)
    return list(get_search_backend().search(terms, partners)[:MATCHING_PARTNERS])


def search(request):
    """Site search in the reader's language. Long queries are cut, never refused."""
    # NUL characters cannot be stored or searched in PostgreSQL.
    raw_query = request.GET.get("q", "").replace("\x00", "").strip()
    query = raw_query[:MAX_QUERY_LENGTH].strip()
    locale = Locale.get_active()
    filters = Filters.from_request(request.GET, locale)
    terms = search_terms(query)
    context = {
        "query": query,
        "query_was_cut": len(raw_query) > MAX_QUERY_LENGTH,
        "filters": filters,
        "facets": [],
        "partners": [],
        "promotions": [],
        "suggestions": [],
        "popular_searches": [],
    }
    results = Page.objects.none()
    if terms:
        # Search backends filter only on indexed fields, so the condition goes in as ids.
        readable = Page.objects.filter(readable_pages()).values("pk")
        pages = filters.apply(Page.objects.live().filter(locale=locale, id__in=readable))
        results = pages.specific().search(terms)
    paginator = Paginator(results, settings.LISTING_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    items = list(page_obj.object_list)
    highlighted = query_terms(terms)
    # A backend that stops counting at some number says so (postgres_matches).
    if getattr(results, "count_is_lower_bound", False):
        context["more_results_than"] = paginator.count - 1
    context.update(
        page_obj=page_obj,
        results=[(item, excerpt(page_text(item), highlighted)) for item in items],
    )
    if terms:
        first_page = page_obj.number == 1
        if paginator.count:
            context["facets"] = build_facets(_matching_page_ids(results), filters, request.GET)
            context["chosen_facets"] = [
                (facet, option)
                for facet in context["facets"]
                for option in facet.options
                if option.selected
            ]
        if first_page:
            context["partners"] = _matching_partners(terms, locale)
            context["promotions"] = _promotions(query, locale)
        if not paginator.count and not filters:
            context["suggestions"] = respelled(terms, locale)
        # A reader turning pages or narrowing by facets is still on one search.
        if not filters and "page" not in request.GET:
            record_search(query, get_language(), paginator.count, client_address(request))
    if query and not paginator.count:
        context["popular_searches"] = popular_searches(get_language())
    return render(request, "search/search.html", context)
