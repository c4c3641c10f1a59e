"""schema.org data (JSON-LD) for search engines: what each page gets, and the
site-wide documents (the foundation, the site, breadcrumbs).

Each builder returns a plain dict (core.jsonld turns one into a <script>). The
page types' own data is built in articles/structured_data.py and
network/structured_data.py; page_documents() picks what a page gets.
"""

from django.templatetags.static import static
from django.utils.translation import pgettext

from articles import structured_data as articles_data
from articles.models import ArticlePage, EbookPage, EventSummaryPage
from core import navigation as nav
from network import structured_data as network_data

from .jsonld import without_blanks
from .share_images import (
    SITE_LOGO,
    SITE_LOGO_SIZE,
    STRUCTURED_DATA_SHAPES,
    can_render,
    cropped_spec,
    renditions,
)
from .sharing import absolute_maker, share_card, shown_partner

PAGE_BUILDERS = (
    (ArticlePage, articles_data.article),
    (EventSummaryPage, articles_data.event),
    (EbookPage, articles_data.book),
)


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


def home_documents(home, reader):
    """The home page: the site (for its name in search results) and the foundation."""
    alternate_name = nav.other_site_name(reader.context)
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


def page_documents(context):
    """The JSON-LD documents of what the context shows, in the order they are printed."""
    reader = Reader(context)
    page = nav.shown_page(context)
    partner = shown_partner(context)
    documents = []
    if partner is not None:
        documents.append(network_data.organization(partner, reader))
    elif nav.is_site_home(context, page):
        documents += home_documents(page, reader)
    elif page is not None:
        for page_class, build in PAGE_BUILDERS:
            if isinstance(page, page_class):
                documents.append(build(page, reader))
                break
    if page is not None:
        breadcrumbs = breadcrumb_list(reader)
        if breadcrumbs is not None:
            documents.append(breadcrumbs)
    return documents
