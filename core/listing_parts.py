"""A listing's page of items, worked out only if its kept part must be rendered.

A listing's filters, count and cards are most of what it costs to serve. They are
kept as one fragment (core/templatetags/fragment_cache_tags.py) under the content
version, so a listing served again before the content changes only renders its
frame. The context hands the template lazy objects: on a kept fragment nothing of
the page of items is read, and the paginator counts only when the address asks for a
page number (the canonical link names it).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject, cached_property

# Pagination links repeat the whole query string, so the kept part is keyed by it;
# made-up addresses longer than this are rendered every time instead of filling the cache.
KEPT_QUERY_LENGTH = 200


def kept_part_key(request):
    """The query string a listing's kept part is keyed by, or None not to keep it."""
    query = request.GET.urlencode()
    return query if len(query) <= KEPT_QUERY_LENGTH else None


class LazyListingPage:
    """One page of `queryset()`, with `prepare(items)` run once on its items."""

    def __init__(self, request, queryset, prepare=None):
        self.request = request
        self.queryset = queryset
        self.prepare = prepare

    @cached_property
    def page_obj(self):
        paginator = Paginator(self.queryset(), settings.LISTING_PAGE_SIZE)
        return paginator.get_page(self.request.GET.get("page"))

    @cached_property
    def items(self):
        items = list(self.page_obj.object_list)
        if self.prepare is not None:
            self.prepare(items)
        return items

    def context(self, items_name="items"):
        return {
            "page_obj": SimpleLazyObject(lambda: self.page_obj),
            items_name: SimpleLazyObject(lambda: self.items),
            "kept_part_key": kept_part_key(self.request),
        }
