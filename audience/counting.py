"""Which page views are counted: a reader's own GET of a live article, event
summary or e-book page that was served in full."""

from .bots import is_counted_request
from .models import PageViewCount

# The pages that show their count to readers; nothing else is counted, since a
# number nobody reads is not worth keeping.
COUNTED_PAGE_TYPES = {"articles.ArticlePage", "articles.EventSummaryPage", "articles.EbookPage"}


def is_reader_view(page, request, response):
    if page._meta.label not in COUNTED_PAGE_TYPES or not page.live:
        return False
    if response.status_code != 200 or getattr(request, "is_preview", False):
        return False
    # An e-book's file routes (read/, download/…) count as downloads, not views.
    route = getattr(request, "routable_resolver_match", None)
    if route is not None and route.url_name != "index_route":
        return False
    if not is_counted_request(request):
        return False
    # The public site has no reader accounts: whoever is logged in is staff.
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def count_view(page, request, response):
    if is_reader_view(page, request, response):
        PageViewCount.add_view(page.pk)
