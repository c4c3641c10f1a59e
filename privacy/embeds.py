"""Embedded videos and posts, shown only once the reader allows external media.

An embed from YouTube, Facebook or Vimeo loads the provider's page in an iframe,
and the provider sets its cookies there. The page always shows a placeholder
naming the provider, with a link to the original, and keeps the embed's markup
in an inert <template>; the page's script brings it in once the reader allows
external media (so the page is the same for every reader, and can be cached).
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from core.navigation import request_cache

PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "facebook.com": "Facebook",
    "fb.watch": "Facebook",
    "vimeo.com": "Vimeo",
}

# Attributes that providers still send but HTML has made obsolete (the page must
# validate); their look is the site's CSS's business.
_OBSOLETE_ATTRIBUTE = re.compile(
    r"""\s(?:frameborder|scrolling|marginwidth|marginheight|allowtransparency)"""
    r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""",
    re.IGNORECASE,
)
_ALLOWFULLSCREEN_VALUE = re.compile(
    r"""\sallowfullscreen\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE
)
_IFRAME_TAG = re.compile(r"<iframe\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class EmbedForReader:
    url: str
    provider: str
    html: str  # the iframe markup, or "" when the provider could not be reached


def provider_name(url, embed=None):
    host = (urlsplit(url).hostname or "").lower()
    for domain, name in PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    if embed is not None and embed.provider_name:
        return embed.provider_name
    return host.removeprefix("www.") or url


def tidy_iframes(html, title):
    """Drop obsolete iframe attributes and give every iframe a title (its accessible name)."""

    def tidy(match):
        tag = _OBSOLETE_ATTRIBUTE.sub("", match.group(0))
        tag = _ALLOWFULLSCREEN_VALUE.sub(" allowfullscreen", tag)
        if not re.search(r"\stitle\s*=", tag, re.IGNORECASE):
            tag = tag[: len("<iframe")] + f' title="{escape(title)}"' + tag[len("<iframe") :]
        if not re.search(r"\sloading\s*=", tag, re.IGNORECASE):
            tag = tag[: len("<iframe")] + ' loading="lazy"' + tag[len("<iframe") :]
        return tag

    return _IFRAME_TAG.sub(tidy, html)


def embed_for_reader(value):
    """The embed of an EmbedBlock value, fetched once (Wagtail keeps it in the database)."""
    try:
        embed = embeds.get_embed(value.url, value.max_width, value.max_height)
    except EmbedException:
        return EmbedForReader(value.url, provider_name(value.url), "")
    provider = provider_name(value.url, embed)
    if not embed.html:
        return EmbedForReader(value.url, provider, "")
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    html = tidy_iframes(html, embed.title or provider)
    # The provider's markup, as Wagtail shows it.
    return EmbedForReader(value.url, provider, mark_safe(html))


def next_embed_number(request):
    """1, 2, 3… for the embeds of one page: their ids, and where "allow" comes back to."""
    numbers = request_cache(request)
    numbers["embeds"] = numbers.get("embeds", 0) + 1
    return numbers["embeds"]


def gated_embed_context(request, value):
    """What privacy/embed.html needs: the placeholder, the same for every reader,
    which the page's script replaces with the embed if the reader allows it."""
    return {
        "request": request,
        "embed": embed_for_reader(value),
        "anchor": f"embed-{next_embed_number(request)}",
        "next_url": request.get_full_path() if request is not None else "/",
    }
