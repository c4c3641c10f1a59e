"""RSS 2.0 and Atom 1.0 feeds of the newest articles, event summaries and e-books.

One feed for the whole site and one per section, in the language of the URL
(/feeds/… in Thai, /en/feeds/… in English). Only live pages without view
restrictions, below the site's home page in that language, are listed.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed, FeedDoesNotExist
from django.db.models import F, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, gettext_lazy
from wagtail.models import Locale, Page, Site

from core.addresses import absolute_uri
from core.navigation import site_name
from core.visibility import readable_pages

from .ebooks import PDF
from .models import (
    ArticleIndexPage,
    ArticlePage,
    EbookIndexPage,
    EbookPage,
    EventIndexPage,
    EventPartner,
    EventSummaryPage,
)

FEED_LENGTH = 20


@dataclass(frozen=True)
class Section:
    slug: str
    index_model: type
    page_model: type

    @property
    def name(self):
        return capfirst(self.page_model._meta.verbose_name_plural)


SECTIONS = {
    section.slug: section
    for section in (
        Section("articles", ArticleIndexPage, ArticlePage),
        Section("events", EventIndexPage, EventSummaryPage),
        Section("ebooks", EbookIndexPage, EbookPage),
    )
}
SITE_WIDE_NAME = gettext_lazy("Latest publications")


def section_of(page):
    """The section a page is the index of or belongs to, else None (no query)."""
    page_class = page.specific_class
    for section in SECTIONS.values():
        if page_class is not None and issubclass(
            page_class, (section.index_model, section.page_model)
        ):
            return section
    return None


def feed_url(kind, section=None):
    """The path of a feed in the active language; kind is "rss" or "atom"."""
    if section is None:
        return reverse(f"feeds:{kind}")
    return reverse(f"feeds:section_{kind}", kwargs={"section": section.slug})


FEED_TYPES = (
    ("rss", "application/rss+xml"),
    ("atom", "application/atom+xml"),
)


@dataclass(frozen=True)
class FeedLink:
    title: str
    mime_type: str
    href: str


def feed_links(request, section):
    """A <link rel="alternate"> for each feed of `section` (None: the whole site)."""
    name = section.name if section else SITE_WIDE_NAME
    titles = {
        "rss": gettext("%(name)s (RSS feed)") % {"name": name},
        "atom": gettext("%(name)s (Atom feed)") % {"name": name},
    }
    links = []
    for kind, mime_type in FEED_TYPES:
        href = feed_url(kind, section)
        if request is not None:
            href = request.build_absolute_uri(href)
        links.append(FeedLink(titles[kind], mime_type, href))
    return links


@dataclass
class FeedScope:
    """What one request's feed covers: the site, its home page in the
    request's language, and the section (None for the whole site)."""

    request: object
    site: Site
    home: Page
    section: Section | None
    index: Page | None
    site_name: str

    def absolute(self, url):
        return absolute_uri(self.request, url)


@dataclass
class FeedEntry:
    page: Page
    link: str
    guid: str
    description: str
    pubdate: datetime.datetime | None
    updateddate: datetime.datetime | None
    author: str | None
    categories: list = field(default_factory=list)
    enclosure: feedgenerator.Enclosure | None = None


def _first_published(page):
    return page.first_published_at or page.last_published_at


def entry_guid(site, page):
    """A tag: URI (RFC 4151) that names the page for as long as it exists.

    Built from the site's configured host name (not the host a reader typed),
    the UTC date the page was first published and its id. Titles and slugs are
    left out, so renaming or moving a page does not make feed readers show it
    again as new; the date keeps an id reused after a database rebuild from
    passing as an old entry. A page put live without publishing (an import)
    has no first-published date yet and falls back to its own content date.
    """
    published = page.first_published_at
    day = published.astimezone(datetime.UTC).date() if published else page.display_date
    return f"tag:{site.hostname.lower()},{day:%Y-%m-%d}:page/{page.pk}"


def _author(page):
    if isinstance(page, ArticlePage):
        return page.author_name
    if isinstance(page, EbookPage):
        return page.authors
    if isinstance(page, EventSummaryPage):
        return ", ".join(
            link.partner.name
            for link in page.partner_link_list
            if link.role == EventPartner.ORGANISER
        )
    return ""


def _pdf_enclosure(scope, page):
    document = page.pdf if isinstance(page, EbookPage) else None
    # The page's own download address, so that readers' downloads are counted
    # and a private page's file is never handed out.
    url = page.download_url("pdf", scope.request) if document is not None else ""
    if not url:
        return None
    # Not document.get_file_size(), which writes the size it finds: a feed is read
    # far more often than written, and must not grow a query per entry.
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            # Length 0 is how RSS says "unknown" (RSS Advisory Board profile).
            size = 0
    return feedgenerator.Enclosure(scope.absolute(url), str(size), PDF.content_type)


def _prefetch(pages):
    """Load what the entries show in one query per page type and relation."""
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for page_class, group in by_class.items():
        lookups = ["topic_links__topic"]
        if page_class is EventSummaryPage:
            lookups.append("partner_links__partner")
        if page_class is EbookPage:
            lookups.append("pdf")
        prefetch_related_objects(group, *lookups)


def feed_pages(scope):
    """The newest live, public pages of the scope, newest first, as specific pages."""
    if scope.section is not None:
        queryset = scope.section.page_model.objects.child_of(scope.index)
    else:
        queryset = Page.objects.descendant_of(scope.home).type(
            *(section.page_model for section in SECTIONS.values())
        )
    queryset = queryset.filter(readable_pages(), locale_id=scope.home.locale_id).order_by(
        Coalesce("first_published_at", "last_published_at").desc(nulls_last=True),
        F("pk").desc(),
    )
    if scope.section is None:
        queryset = queryset.specific()
    pages = list(queryset[:FEED_LENGTH])
    _prefetch(pages)
    return pages


def feed_entries(scope):
    entries = []
    for page in feed_pages(scope):
        url = page.get_url(scope.request)
        if not url:
            continue  # not routable on this site
        entries.append(
            FeedEntry(
                page=page,
                link=scope.absolute(url),
                guid=entry_guid(scope.site, page),
                description=page.search_description or page.intro,
                pubdate=_first_published(page),
                updateddate=page.last_published_at or _first_published(page),
                author=_author(page) or None,
                categories=[link.topic.name for link in page.topic_link_list],
                enclosure=_pdf_enclosure(scope, page),
            )
        )
    return entries


class PagesFeed(Feed):
    """The feed of the whole site, or of one section when the URL names it."""

    kind = None

    def get_object(self, request, section=None):
        if section is not None and section not in SECTIONS:
            raise FeedDoesNotExist
        site = Site.find_for_request(request)
        if site is None:
            raise FeedDoesNotExist
        # Not Locale.get_active(), which falls back to Thai: an English address
        # without English content is a 404, never Thai pages marked "en".
        locale = Locale.objects.get_for_language(get_language())
        home = (
            Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale)
            .live()
            .public()
            .first()
        )
        if home is None:
            raise FeedDoesNotExist
        index = None
        if section is not None:
            index = SECTIONS[section].index_model.objects.child_of(home).live().public().first()
            if index is None:
                raise FeedDoesNotExist
        return FeedScope(
            request=request,
            site=site,
            home=home,
            section=SECTIONS.get(section),
            index=index,
            site_name=site_name({"request": request}),
        )

    def title(self, scope):
        name = scope.section.name if scope.section else SITE_WIDE_NAME
        return f"{name} · {scope.site_name}"

    def description(self, scope):
        page = scope.index or scope.home
        written = page.search_description or getattr(page, "intro", "")
        if written:
            return written
        if scope.section is None:
            return gettext("Articles, event summaries and e-books from %(site)s, newest first") % {
                "site": scope.site_name
            }
        return gettext("%(section)s from %(site)s, newest first") % {
            "section": scope.section.name,
            "site": scope.site_name,
        }

    def link(self, scope):
        return scope.absolute((scope.index or scope.home).get_url(scope.request) or "/")

    def feed_url(self, scope):
        return scope.absolute(feed_url(self.kind, scope.section))

    def items(self, scope):
        return feed_entries(scope)

    def item_title(self, entry):
        return entry.page.title

    def item_description(self, entry):
        # Descriptions are HTML in both formats; the intro is plain text.
        return escape(entry.description)

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.guid

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.pubdate

    def item_updateddate(self, entry):
        return entry.updateddate

    def item_author_name(self, entry):
        return entry.author

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        return [entry.enclosure] if entry.enclosure else []


class PagesRssFeed(PagesFeed):
    kind = "rss"
    feed_type = feedgenerator.Rss201rev2Feed

    def item_title(self, entry):
        # Feed readers take an RSS title as HTML, so "<" and "&" are escaped
        # once more to reach them as text (Django's default, ticket #6533).
        return escape(entry.page.title)


class PagesAtomFeed(PagesFeed):
    kind = "atom"
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, scope):
        return self.description(scope)
