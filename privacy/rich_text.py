"""Embeds that older rich text still holds, shown through the consent gate.

Rich text no longer offers embeds (articles.blocks.RICH_TEXT_FEATURES), but text
saved before may hold <embed embedtype="media" url="…">. Wagtail would expand it
into the provider's iframe, which loads before the reader has chosen; here it
becomes the same placeholder as an embed block.
"""

from types import SimpleNamespace

from django.template.loader import render_to_string
from wagtail.embeds.rich_text import MediaEmbedHandler

from .embeds import gated_embed_context
from .middleware import request_being_served


class ConsentMediaEmbedHandler(MediaEmbedHandler):
    @staticmethod
    def expand_db_attributes(attrs):
        url = attrs.get("url", "")
        if not url:
            return ""
        value = SimpleNamespace(url=url, max_width=None, max_height=None)
        context = gated_embed_context(request_being_served(), value)
        return render_to_string("privacy/embed.html", context)
