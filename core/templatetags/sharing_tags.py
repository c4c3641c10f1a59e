"""Link previews and structured data in each page's <head>.

{% load sharing_tags %}
{% share_card as social %}   the page's Open Graph and Twitter card (core.sharing)
{% structured_data %}        its JSON-LD scripts (core.structured_data)
"""

from django import template
from django.utils.html import format_html_join

from core import sharing
from core.jsonld import json_ld
from core.structured_data import page_documents

register = template.Library()


@register.simple_tag(takes_context=True)
def share_card(context):
    return sharing.share_card(context)


@register.simple_tag(takes_context=True)
def structured_data(context):
    return format_html_join(
        "\n    ", "{}", ((json_ld(document),) for document in page_documents(context))
    )
