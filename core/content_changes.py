"""What counts as a change readers would see, and what it refreshes.

Every such change gives the page cache a new content version (core.freshness), so
each page shows it on its next request, and asks a CDN or proxy, when one is
configured (WAGTAILFRONTENDCACHE), to drop the pages that show it (core.frontend_purge).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frontend_purge
from .freshness import content_changed

# Apps whose every model is content a page shows, but for these.
CONTENT_APPS = {"core", "home", "articles", "network", "privacy", "thai"}
NOT_SHOWN = {
    "articles.EbookDownloadCount",  # counted, and shown as of the last render
    "network.StorySubmission",  # a partner's story is private until staff publish a page
    "network.StorySubmissionFile",
}
WAGTAIL_CONTENT = {
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Collection",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "taggit.Tag",
}
# What saving a draft, locking or taking a page writes: nothing readers see.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
}


# What Wagtail fills in on an image or document the first time a page asks for it.
FILE_FACTS = {"file_size", "file_hash"}


def is_content(model):
    label = model._meta.label
    if label in NOT_SHOWN:
        return False
    return label in WAGTAIL_CONTENT or model._meta.app_label in CONTENT_APPS


def _page_saved(instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    content_changed()


def _page_event(instance, **kwargs):
    content_changed()
    frontend_purge.page_and_listings(instance)


def _page_moved(instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: the same address
    content_changed()
    frontend_purge.page_and_listings(instance, old_url_path=url_path_before)


def _content_saved(sender, instance, update_fields=None):
    if sender._meta.auto_created or not is_content(sender):
        return
    if update_fields and set(update_fields) <= FILE_FACTS:
        return
    content_changed()
    frontend_purge.pages_showing(instance)


def connect():
    post_save.connect(_anything_saved, dispatch_uid="content-saved")
    post_delete.connect(_anything_deleted, dispatch_uid="content-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="content-relation-changed")
    page_published.connect(_page_event, dispatch_uid="content-page-published")
    page_unpublished.connect(_page_event, dispatch_uid="content-page-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="content-page-moved")


def _anything_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        _page_saved(instance, update_fields)
    else:
        _content_saved(sender, instance, update_fields)


def _anything_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # Wagtail unpublishes nothing on delete: the page and its listings go now.
        _page_event(instance)
    else:
        _content_saved(sender, instance)


def _relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_content(type(instance)):
        content_changed()
