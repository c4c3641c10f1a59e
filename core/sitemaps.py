"""/sitemap.xml: every live, public page of the site in every language, and every
partner's page, each with hreflang alternates for the translations that exist.

The whole site is one Wagtail tree per language (the Thai home page is the
site's root, the English home page its translation), so the pages are those
below any translation of the site's root page. The cost is a fixed handful of
queries however many pages and partners there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.addresses import absolute_uri
from core.visibility import readable_pages
from network.links import partner_links
from network.models import PartnerIndexPage, PartnerOrganisation, StoryFormPage

# Their templates ask search engines not to index them (<meta name="robots"
# content="noindex">); listing them would contradict that. The search page is a
# view, not a page, and robots.txt keeps crawlers out of it.
NOINDEX_PAGE_TYPES = (StoryFormPage,)


@dataclass
class SitemapEntry:
    location: str
    lastmod: datetime.datetime | None
    language: str
    # Entries with the same key are translations of each other.
    translation_key: tuple
    alternates: list = field(default_factory=list)


def _latest(*dates):
    dates = [date for date in dates if date is not None]
    return max(dates) if dates else None


class SiteSitemap(Sitemap):
    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = self._build_entries()
        return self._entries

    def _pages(self):
        site = self.get_wagtail_site()
        root_paths = Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).values_list("path", flat=True)
        in_site = reduce(or_, (Q(path__startswith=path) for path in root_paths), Q(pk__in=[]))
        return (
            Page.objects.filter(readable_pages())
            .filter(in_site)
            .not_type(*NOINDEX_PAGE_TYPES)
            .select_related("locale")
            .order_by("path")
        )

    def _build_entries(self):
        entries = []
        partner_indexes = {}
        partner_index_type = ContentType.objects.get_for_model(PartnerIndexPage)
        for page in self._pages():
            url = page.get_url(self.request)
            if not url:
                continue
            entry = SitemapEntry(
                location=absolute_uri(self.request, url),
                lastmod=page.last_published_at or page.latest_revision_created_at,
                language=page.locale.language_code,
                translation_key=("page", page.translation_key),
            )
            entries.append(entry)
            if page.content_type_id == partner_index_type.pk:
                partner_indexes[page.pk] = entry
        if partner_indexes:
            entries += self._partner_entries(partner_indexes)
        self._add_alternates(entries)
        return entries

    def _partner_entries(self, index_entries):
        """A partner's page is a route of the partner directory in its language."""
        indexes = {
            index.locale_id: index
            for index in PartnerIndexPage.objects.filter(pk__in=index_entries)
        }
        latest_linked = partner_links.latest_publication(list(indexes))
        entries = []
        partners = (
            PartnerOrganisation.objects.filter(locale_id__in=indexes)
            .exclude(slug="")
            .only("pk", "slug", "locale_id", "translation_key")
            .order_by("locale_id", "slug")
        )
        for partner in partners:
            index = indexes[partner.locale_id]
            index_entry = index_entries[index.pk]
            route = index.reverse_subpage("partner", kwargs={"partner_slug": partner.slug})
            entries.append(
                SitemapEntry(
                    location=index_entry.location + route,
                    # A partner's page changes when a page linked to it is published.
                    lastmod=_latest(index_entry.lastmod, latest_linked.get(partner.pk)),
                    language=index_entry.language,
                    translation_key=("partner", partner.translation_key),
                )
            )
        return entries

    def _add_alternates(self, entries):
        """hreflang links to every translation listed, and x-default to the Thai one."""
        groups = defaultdict(dict)
        for entry in entries:
            groups[entry.translation_key][entry.language] = entry.location
        for entry in entries:
            translations = groups[entry.translation_key]
            entry.alternates = [
                {"lang_code": code, "location": translations[code]}
                for code, _name in settings.LANGUAGES
                if code in translations
            ]
            if settings.LANGUAGE_CODE in translations:
                entry.alternates.append(
                    {"lang_code": "x-default", "location": translations[settings.LANGUAGE_CODE]}
                )

    def _urls(self, page, protocol, domain):
        entries = self.paginator.page(page).object_list
        self.latest_lastmod = _latest(*(entry.lastmod for entry in entries))
        return [
            {
                "item": entry,
                "location": entry.location,
                "lastmod": entry.lastmod,
                "changefreq": None,
                "priority": "",
                "alternates": entry.alternates,
            }
            for entry in entries
        ]
