"""`{% feed_links %}`: the <link rel="alternate"> tags that let browsers and feed
readers find the site's feeds, and the section's own feeds on its pages.

Nothing here queries the database, so every page keeps its query budget.
"""

from django import template
from wagtail.models import Page

from articles import feeds

register = template.Library()


@register.inclusion_tag("articles/includes/feed_links.html", takes_context=True)
def feed_links(context):
    request = context.get("request")
    page = context.get("page")
    section = feeds.section_of(page) if isinstance(page, Page) else None
    # A section's own feeds come first: a reader subscribing from its pages wants them.
    links = feeds.feed_links(request, section) if section else []
    return {"feed_links": links + feeds.feed_links(request, None)}
