"""Telling a CDN or reverse proxy (WAGTAILFRONTENDCACHE) which pages changed.

Wagtail's frontend_cache purges a page itself when it is published or unpublished.
A page also appears in its section's listing and on the home page, and a partner,
topic, image or setting appears on the pages that use it: those are purged here.
The worker sends the requests (core.tasks.purge_urls), and works out the address
of every page for a changed setting (core.tasks.purge_every_page), so an editor
never waits for the CDN.
"""

from django.conf import settings
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, ReferenceIndex, Site


def is_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _queue(urls):
    from operations.tasks import enqueue

    from .tasks import purge_urls

    urls = sorted({url for url in urls if url})
    if urls:
        enqueue(purge_urls, urls)


def every_page_address():
    return page_addresses(Page.objects.live().public())


def _public(pages):
    return Page.objects.live().public().filter(pk__in=[page.pk for page in pages])


def page_addresses(pages):
    """Every public address of these pages (one per site they are under)."""
    urls = []
    for page in pages:
        parts = page.get_url_parts()
        if parts is not None:
            _site_id, root_url, path = parts
            urls.append(root_url + path)
    return urls


def old_addresses(url_path):
    """The addresses a page had at url_path, before a move."""
    return [
        root.root_url + url_path[len(root.root_path) - 1 :]
        for root in Site.get_site_root_paths()
        if url_path.startswith(root.root_path)
    ]


def page_and_listings(page, old_url_path=None):
    if not is_configured():
        return
    ancestors = _public(page.get_ancestors().filter(depth__gt=1))
    urls = page_addresses([page, *ancestors])
    if old_url_path:
        urls.extend(old_addresses(old_url_path))
    _queue(urls)


def pages_showing(instance):
    if not is_configured():
        return
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting | Site):
        # The footer, the name, the notices: every page shows them.
        from operations.tasks import enqueue

        from .tasks import purge_every_page

        enqueue(purge_every_page)
        return
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    )
    # The index keeps object ids as text, for every kind of object.
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    pages = list(Page.objects.live().public().filter(pk__in=page_ids))
    parents = _public([page.get_parent() for page in pages])
    urls = page_addresses([*pages, *parents])
    urls.extend(partner_addresses(instance))
    _queue(urls)


def partner_addresses(instance):
    """A partner's own page and the directory, in the partner's language."""
    from network.models import PartnerIndexPage, PartnerOrganisation

    if not isinstance(instance, PartnerOrganisation):
        return []
    urls = []
    for index in PartnerIndexPage.objects.live().public().filter(locale_id=instance.locale_id):
        base = index.get_full_url()
        if base:
            urls.append(base)
            urls.append(
                base + index.reverse_subpage("partner", kwargs={"partner_slug": instance.slug})
            )
    return urls
