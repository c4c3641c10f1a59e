from django import template

from audience.models import PageViewCount

register = template.Library()


@register.simple_tag
def page_views(page):
    """How many times readers have opened `page` (one query)."""
    if page is None or not page.pk:
        return 0
    return PageViewCount.views_of(page.pk)
