"""Link previews and structured data in each page's <head>.

{% load sharing_tags %}
{% share_card as social %}   the page's Open Graph and Twitter card (home.sharing)
{% structured_data %}        its JSON-LD scripts (home/articles/network.structured_data)
"""

from django import template
from django.utils.html import format_html_join

from articles import structured_data as articles_data
from articles.models import ArticlePage, EbookPage, EventSummaryPage
from home import sharing
from home import structured_data as home_data
from home.models import HomePage
from network import structured_data as network_data

from . import navigation_tags as nav

register = template.Library()

PAGE_BUILDERS = (
    (ArticlePage, articles_data.article),
    (EventSummaryPage, articles_data.event),
    (EbookPage, articles_data.book),
    (HomePage, home_data.home_documents),
)


@register.simple_tag(takes_context=True)
def share_card(context):
    return sharing.share_card(context)


def _documents(context):
    reader = home_data.Reader(context)
    page = nav._shown_page(context)
    partner = sharing.shown_partner(context)
    documents = []
    if partner is not None:
        documents.append(network_data.organization(partner, reader))
    elif page is not None:
        for page_class, build in PAGE_BUILDERS:
            if isinstance(page, page_class):
                built = build(page, reader)
                documents += built if isinstance(built, list) else [built]
                break
    if page is not None:
        breadcrumbs = home_data.breadcrumb_list(reader)
        if breadcrumbs is not None:
            documents.append(breadcrumbs)
    return documents


@register.simple_tag(takes_context=True)
def structured_data(context):
    return format_html_join(
        "\n    ", "{}", ((home_data.json_ld(document),) for document in _documents(context))
    )
