"""`{% feed_links %}`: the <link rel="alternate"> tags that let browsers and feed
readers find the site's feeds, and the section's own feeds on its pages.

Nothing here queries the database, so every page keeps its query budget.
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext
from wagtail.models import Page

from articles.feeds import SITE_WIDE_NAME, section_of
from articles.feeds import feed_url as feed_path

register = template.Library()

FEED_TYPES = (
    ("rss", "application/rss+xml"),
    ("atom", "application/atom+xml"),
)


@dataclass(frozen=True)
class FeedLink:
    title: str
    mime_type: str
    href: str


def _links(request, section):
    name = section.name if section else SITE_WIDE_NAME
    titles = {
        "rss": gettext("%(name)s (RSS feed)") % {"name": name},
        "atom": gettext("%(name)s (Atom feed)") % {"name": name},
    }
    links = []
    for kind, mime_type in FEED_TYPES:
        href = feed_path(kind, section)
        if request is not None:
            href = request.build_absolute_uri(href)
        links.append(FeedLink(titles[kind], mime_type, href))
    return links


@register.inclusion_tag("articles/includes/feed_links.html", takes_context=True)
def feed_links(context):
    request = context.get("request")
    page = context.get("page")
    section = section_of(page) if isinstance(page, Page) else None
    # A section's own feeds come first: a reader subscribing from its pages wants them.
    links = _links(request, section) if section else []
    return {"feed_links": links + _links(request, None)}
