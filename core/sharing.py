"""What a page shows when it is shared: the Open Graph and Twitter card of every page.

One ShareCard per request, worked out from the template context, so the
<head> tags, the share links and the structured data agree on the title,
description, address and picture. Child templates may still override the
og_title, og_type and meta_description blocks of base.html; the rules here
give the same values for the pages that do (home, search, the 404 page).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from articles.models import ArticlePage, EbookPage, EventSummaryPage
from core import navigation as nav
from core.addresses import absolute_uri
from network.models import PartnerOrganisation

from .share_images import (
    COVER_SPEC,
    LOGO_SPEC,
    PHOTO_SPEC,
    ShareImage,
    can_render,
    default_share_image,
    share_image,
)

DESCRIPTION_LENGTH = 200
OPEN_GRAPH_LOCALES = {"th": "th_TH", "en": "en_US"}


@dataclass
class ShareCard:
    title: str
    description: str
    # The page's own description, for <meta name="description">; "" when the
    # card borrows the site's.
    page_description: str
    url: str
    type: str
    locale: str
    alternate_locales: list[str]
    image: ShareImage
    # (property, content) pairs such as article:published_time.
    extra: list[tuple[str, str]] = field(default_factory=list)


def open_graph_locale(code):
    return OPEN_GRAPH_LOCALES.get(code, code)


def shown_partner(context):
    """The partner whose own page is shown (network/partner_page.html), or None."""
    partner = context.get("partner")
    return partner if isinstance(partner, PartnerOrganisation) else None


def absolute_maker(context):
    request = context.get("request")
    return lambda url: absolute_uri(request, url)


def share_card(context):
    """The ShareCard of what the context shows, made once per request."""
    cache = nav.request_cache(context.get("request"))
    if "share_card" not in cache:
        cache["share_card"] = _build(context)
    return cache["share_card"]


def _build(context):
    page = nav.shown_page(context)
    partner = shown_partner(context)
    site_name = nav.site_name(context)
    language = nav.current_language()
    own_description = _own_description(page, partner)
    description = own_description
    if not description and not nav.is_site_home(context, page):
        description = _site_description(context)
    description = description or site_name
    return ShareCard(
        title=_title(context, page, partner, site_name),
        description=Truncator(description).chars(DESCRIPTION_LENGTH),
        page_description=own_description,
        url=nav.canonical_url(context),
        type=_type(page, partner),
        locale=open_graph_locale(language),
        alternate_locales=[
            open_graph_locale(code) for code in _other_languages(context) if code != language
        ],
        image=_image(context, page, partner, site_name),
        extra=_extra(page, partner),
    )


def _other_languages(context):
    """The languages the page is really translated into; an error page is in all of them."""
    if "request_path" in context:
        return [code for code, _name in settings.LANGUAGES]
    return [link.code for link in nav.alternate_links(context)]


def _title(context, page, partner, site_name):
    if partner is not None:
        return partner.name
    if nav.is_site_home(context, page):
        return page.seo_title or site_name
    if page is not None:
        return page.seo_title or page.title
    if "request_path" in context:
        return gettext("Page not found")
    match = getattr(context.get("request"), "resolver_match", None)
    if match is not None and match.namespace == "search":
        return gettext("Search")
    return site_name


def _description_of(page):
    return next(
        (
            value
            for value in (
                getattr(page, "search_description", ""),
                getattr(page, "tagline", ""),
                getattr(page, "intro", ""),
            )
            if value
        ),
        "",
    )


def _own_description(page, partner):
    if partner is not None:
        return partner.mission
    return _description_of(page) if page is not None else ""


def _site_description(context):
    """The home page's description: what a page with none of its own says."""
    home = nav.site_home(context)
    return _description_of(home.specific) if home is not None else ""


def _type(page, partner):
    if partner is None and isinstance(page, ArticlePage | EventSummaryPage):
        return "article"
    if partner is None and isinstance(page, EbookPage):
        return "book"
    return "website"


def _image(context, page, partner, site_name):
    absolute = absolute_maker(context)
    card_image = None
    if partner is not None:
        if can_render(partner.logo):
            card_image = share_image(partner.logo, LOGO_SPEC, partner.name, absolute)
    else:
        picture = getattr(page, "card_image", None)
        if can_render(picture):
            spec = COVER_SPEC if isinstance(page, EbookPage) else PHOTO_SPEC
            card_image = share_image(picture, spec, picture.default_alt_text, absolute)
    return card_image or default_share_image(site_name, absolute)


def iso_datetime(moment):
    """ISO 8601 in the site's time zone, to the second (2019-06-20T09:30:00+07:00)."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat() if moment else ""


def _extra(page, partner):
    if partner is not None:
        return []
    if isinstance(page, ArticlePage):
        published = page.published_date
        modified = max(page.updated_date or published, published)
        return [
            ("article:published_time", published.isoformat()),
            ("article:modified_time", modified.isoformat()),
        ]
    if isinstance(page, EventSummaryPage):
        times = [
            ("article:published_time", iso_datetime(page.first_published_at)),
            ("article:modified_time", iso_datetime(page.last_published_at)),
        ]
        return [(name, value) for name, value in times if value]
    if isinstance(page, EbookPage):
        tags = [("book:release_date", page.publication_date.isoformat())]
        if page.isbn:
            tags.append(("book:isbn", page.isbn))
        return tags
    return []
