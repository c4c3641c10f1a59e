"""Which page views are counted: a reader's own view of a live, public article,
event summary or e-book page, reported by the page's script once it is shown.

The page itself may come from the cache, the same for every reader, so it is not
counted where it is served: the script posts to `audience:view` instead.
"""

import logging

from django.db import DatabaseError
from wagtail.models import Page

from core.lock_waits import brief_lock_wait

from .bots import is_probable_bot
from .models import PageViewCount

logger = logging.getLogger(__name__)

# The pages that show their count to readers; nothing else is counted, since a
# number nobody reads is not worth keeping.
COUNTED_PAGE_TYPES = {"articles.ArticlePage", "articles.EventSummaryPage", "articles.EbookPage"}


def is_counted_page_type(page):
    return page._meta.label in COUNTED_PAGE_TYPES


def counted_page(page_id):
    """The live, public page of a counted type with this id, or None."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    return page if page is not None and is_counted_page_type(page) else None


def is_reader(request):
    """Not a robot that says so, and not staff. The page's script reports a view
    only once the page is shown, never for a prefetched or prerendered page."""
    if is_probable_bot(request.headers.get("User-Agent")):
        return False
    # The public site has no reader accounts: whoever is logged in is staff.
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def count_view(page):
    """Count a reader's view. A counter that cannot write soon (a locked database,
    a long migration) logs it, and the view goes uncounted."""
    try:
        with brief_lock_wait():
            PageViewCount.add_view(page.pk)
    except DatabaseError:
        logger.warning("The view of page %s could not be counted", page.pk, exc_info=True)
