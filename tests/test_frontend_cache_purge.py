"""A CDN or caching proxy in front of the site is told which pages changed.

A small HTTP server on loopback plays the proxy (WAGTAILFRONTENDCACHE with
Wagtail's HTTP backend): it records every PURGE request it is sent.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Site

from articles.models import EventPartner
from thai.models import ThaiLanguageSettings

from . import factories
from .page_cache_helpers import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxy(settings):
    purged = []

    class Proxy(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


def paths(purged):
    return {path for host, path in purged if host == "testserver"}


def test_publishing_purges_the_page_its_listing_and_the_home_page(proxy, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], live=False)
    proxy.clear()
    article.save_revision().publish()
    assert {path_of(article), path_of(site_tree["articles"]), "/"} <= paths(proxy)


def test_unpublishing_and_deleting_purge_the_page_and_its_listing(proxy, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    address = path_of(article)
    proxy.clear()
    article.unpublish()
    assert {address, path_of(site_tree["articles"])} <= paths(proxy)

    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    address = path_of(event)
    proxy.clear()
    event.delete()
    assert {address, path_of(site_tree["events"]), "/"} <= paths(proxy)


def test_moving_purges_the_old_and_the_new_address(proxy, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], slug="moving-page")
    old = path_of(article)
    archive = factories.ArticleIndexPageFactory(parent=site_tree["events"], slug="archive")
    proxy.clear()
    article.move(archive, pos="last-child")
    article.refresh_from_db()
    assert {old, path_of(article), path_of(archive)} <= paths(proxy)


def test_renaming_a_partner_purges_every_page_that_names_it(proxy, site_tree):
    partner = factories.PartnerFactory()
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    factories.ArticlePartnerFactory(page=article, partner=partner)
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.ORGANISER)
    unrelated = factories.ArticlePageFactory(parent=site_tree["articles"])
    proxy.clear()

    partner.name = "มูลนิธิชื่อใหม่"
    partner.save()

    purged = paths(proxy)
    assert {
        path_of(article),
        path_of(event),
        path_of(site_tree["partners"]),
        site_tree["partners"].partner_url(partner),
    } <= purged
    assert path_of(unrelated) not in purged


def test_a_changed_setting_purges_every_public_page(proxy, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], live=False)
    proxy.clear()
    setting = ThaiLanguageSettings.for_site(Site.objects.get(is_default_site=True))
    setting.use_thai_digits = True
    setting.save()
    purged = paths(proxy)
    assert {"/", path_of(site_tree["articles"]), path_of(article)} <= purged
    assert path_of(draft) not in purged
