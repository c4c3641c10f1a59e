"""schema.org data (JSON-LD) for search engines: the foundation, the site, breadcrumbs.

Each builder returns a plain dict; json_ld() turns one into a <script> that a
title containing "</script>" or "<!--" cannot break out of. The page types'
own data is built in articles/structured_data.py and network/structured_data.py,
and home/templatetags/sharing_tags.py picks what a page gets.
"""

import json
import unicodedata

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from home.models import SiteIdentity
from home.templatetags import navigation_tags as nav

from .share_images import (
    SITE_LOGO,
    SITE_LOGO_SIZE,
    STRUCTURED_DATA_SHAPES,
    can_render,
    cropped_spec,
    renditions,
)
from .sharing import absolute_maker, share_card

SCHEMA_ORG = "https://schema.org"

# "<", ">" and "&" written as JSON escapes cannot close the script or open a
# comment, and parse back to the same text.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps({"@context": SCHEMA_ORG, **data}, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # escaped just above
    )


def without_blanks(data):
    """The dict without its empty values, so no property is sent empty."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def thai_address(provinces):
    """A PostalAddress in Thailand, in the given provinces (names)."""
    return without_blanks(
        {
            "@type": "PostalAddress",
            "addressRegion": ", ".join(provinces),
            "addressCountry": "TH",
        }
    )


def headline(text, length):
    """At most `length` code points (as search engines count), never splitting a
    Thai letter from its vowel or tone marks."""
    if len(text) <= length:
        return text
    cut = length - 1
    while cut > 0 and unicodedata.category(text[cut]) in ("Mn", "Mc"):
        cut -= 1
    return text[:cut].rstrip() + "…"


class Reader:
    """What the builders need from the request: addresses, language, the foundation."""

    def __init__(self, context):
        self.context = context
        self.request = context.get("request")
        self.absolute = absolute_maker(context)
        self.card = share_card(context)
        self.language = nav.current_language()
        self.site_name = nav.site_name(context)
        home = nav.site_home(context)
        home_url = home.get_url(self.request) if home is not None else "/"
        self.home_url = self.absolute(home_url)

    @property
    def canonical(self):
        return self.card.url

    def page_url(self, page):
        return self.absolute(page.get_url(self.request) or "")

    def partner_url(self, partner):
        return self.absolute(nav.partner_url(self.context, partner))

    def photo_urls(self, image):
        """A photo cropped to each shape search engines ask for, 1200 pixels wide."""
        specs = [cropped_spec(width, height) for width, height in STRUCTURED_DATA_SHAPES]
        made = renditions(image, *specs) if can_render(image) else None
        if made is None:
            return [self.card.image.url]
        return [self.absolute(rendition.url) for rendition in made.values()]

    def foundation(self):
        """The foundation that runs the site, as author or publisher."""
        return {
            "@type": "Organization",
            "@id": f"{self.home_url}#organization",
            "name": self.site_name,
            "url": self.home_url,
            "logo": {
                "@type": "ImageObject",
                "url": self.absolute(static(SITE_LOGO)),
                "width": SITE_LOGO_SIZE,
                "height": SITE_LOGO_SIZE,
            },
        }


def other_site_name(reader):
    """The site's name in the other language (Thai on English pages and back)."""
    site = nav._site(reader.request)
    if site is None:
        return ""
    thai_name = site.site_name
    english_name = SiteIdentity.for_request(reader.request).english_name
    other = thai_name if reader.site_name == english_name else english_name
    return other if other and other != reader.site_name else ""


def home_documents(home, reader):
    """The home page: the site (for its name in search results) and the foundation."""
    alternate_name = other_site_name(reader)
    website = without_blanks(
        {
            "@type": "WebSite",
            "@id": f"{reader.home_url}#website",
            "name": reader.site_name,
            "alternateName": alternate_name,
            "url": reader.page_url(home),
            "inLanguage": reader.language,
            "publisher": {"@id": f"{reader.home_url}#organization"},
        }
    )
    foundation = without_blanks({**reader.foundation(), "alternateName": alternate_name})
    return [website, foundation]


def breadcrumb_list(reader):
    """The breadcrumbs that includes/breadcrumbs.html shows, or None where it shows none."""
    context = reader.context
    crumbs = nav.breadcrumb_pages(context)
    if not crumbs:
        return None
    items = []
    for number, crumb in enumerate(crumbs):
        name = pgettext("link to the home page", "Home") if number == 0 else crumb.title
        items.append((name, reader.page_url(crumb)))
    page = context["page"]
    items.append((page.title, reader.page_url(page)))
    partner = context.get("partner")
    if partner:
        items.append((partner.short_name or partner.name, reader.absolute(reader.request.path)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
