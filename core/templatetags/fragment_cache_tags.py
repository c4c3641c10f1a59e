"""{% load fragment_cache_tags %}: parts of a page kept until the content changes.

    {% fragment_cache "related" page.pk %}...{% endfragment_cache %}

A part that resolves to None renders the fragment without keeping it.

The key holds the content version (core.freshness), the language and the given parts,
so every content change retires it. Only for parts every reader sees alike: nothing
with a CSRF token, a user or a consent. A part rendered while some image renditions
were still missing (core.images defers them) is not kept: it shows fewer formats.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.freshness import versioned_key
from core.images import deferred_renditions_count

register = template.Library()

# A content change retires a fragment at once; this only bounds its storage.
FRAGMENT_SECONDS = 3600


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        # A preview shows a draft under the live page's id: never kept, never served.
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [part.resolve(context) for part in self.parts]
        # A part that is None says this one is not worth keeping (core/listing_parts.py).
        if any(value is None for value in values):
            return self.nodelist.render(context)
        # The host too: a part may hold absolute addresses.
        parts = "|".join([request.get_host(), *(str(value) for value in values)])
        # Hashed: a part may be a long address, and keys must stay short for any backend.
        digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
        key = versioned_key(request, "fragment", get_language(), digest)
        html = cache.get(key)
        if html is not None:
            return mark_safe(html)  # our own rendered output, stored as rendered
        deferred_before = deferred_renditions_count()
        html = self.nodelist.render(context)
        if deferred_renditions_count() == deferred_before:
            cache.set(key, str(html), FRAGMENT_SECONDS)
        return html


@register.tag
def fragment_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    return FragmentCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
