"""Which pages a reader may open, as one condition to put in any page query.

`.live()` leaves in pages behind a password, a login or a group, and pages past
their expiry that the scheduler has not unpublished yet; `.public()` fixes the
first but costs a query of its own each time. This condition is a subquery, so
a listing keeps its query count and a restriction added a moment ago counts.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction


def readable_pages(page_field=None):
    """A condition on a page (or, with `page_field`, on the page a row links to):
    live, not expired, and neither restricted itself nor below a restricted page."""
    prefix = f"{page_field}__" if page_field else ""
    # Tree paths nest: a restriction covers every page whose path starts with its page's.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(f"{prefix}path"), 1, Length("page__path"))
    )
    not_expired = Q(**{f"{prefix}expire_at__isnull": True}) | Q(
        **{f"{prefix}expire_at__gt": timezone.now()}
    )
    return Q(**{f"{prefix}live": True}) & not_expired & ~Exists(restricted)
