"""Which page views are counted: a reader's own GET of a live article, event
summary or e-book page that was served in full."""

import logging

from django.db import DatabaseError

from core.lock_waits import brief_lock_wait

from .bots import is_counted_request
from .models import PageViewCount

logger = logging.getLogger(__name__)

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
    """Count a reader's view. Never changes the answer: a counter that cannot
    write soon (a locked database, a long migration) logs it and the page is
    served uncounted."""
    if not is_reader_view(page, request, response):
        return
    try:
        with brief_lock_wait():
            PageViewCount.add_view(page.pk)
    except DatabaseError:
        logger.warning("The view of page %s could not be counted", page.pk, exc_info=True)
