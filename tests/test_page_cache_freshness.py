"""The page cache is never stale where it matters.

Every page is served once from the database and then from the cache; then an
editor changes something, the way the admin does it, and every page that shows
the change shows it on its next request. Runs on SQLite and on PostgreSQL.
"""

import pytest
from wagtail.models import Site

from articles.models import EventPartner
from thai.models import ThaiLanguageSettings

from . import factories
from .page_cache_helpers import path_of, served, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def linked(site_tree):
    """A partner, a topic and a programme, each shown on several pages."""
    partner = factories.PartnerFactory(name="มูลนิธิเพื่อการพัฒนาเด็ก")
    topic = factories.TopicFactory(name="สุขภาวะชุมชน")
    programme = factories.ProgrammeFactory(name="โครงการผู้นำรุ่นใหม่")
    article = factories.ArticlePageFactory(parent=site_tree["articles"], title="บทความภาคี")
    factories.ArticlePartnerFactory(page=article, partner=partner)
    factories.ArticleTopicFactory(page=article, topic=topic)
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"], title="สรุปเวทีภาคี", programme=programme
    )
    factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.ORGANISER)
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"], title="คู่มือภาคี", publisher=partner
    )
    return {
        **site_tree,
        "partner": partner,
        "topic": topic,
        "programme": programme,
        "article": article,
        "event": event,
        "ebook": ebook,
    }


def every_url(tree):
    pages = ("home", "articles", "events", "ebooks", "partners", "article", "event", "ebook")
    return [path_of(tree[name]) for name in pages] + [tree["partners"].partner_url(tree["partner"])]


def warm_all(client, urls):
    for url in urls:
        warm(client, url)


def showing(client, urls, text):
    return {url for url in urls if text in served(client, url)[2]}


def publish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_a_renamed_partner_is_renamed_on_every_page_that_names_it(client, linked):
    urls = every_url(linked)
    warm_all(client, urls)
    naming = showing(client, urls, "มูลนิธิเพื่อการพัฒนาเด็ก")
    # The article, the event, the e-book, the directory and the partner's own page at least.
    assert len(naming) >= 5

    partner = linked["partner"]
    partner.name = "มูลนิธิเพื่อเด็กและเยาวชน"
    partner.save()

    assert showing(client, urls, "มูลนิธิเพื่อเด็กและเยาวชน") >= naming
    assert not showing(client, urls, "มูลนิธิเพื่อการพัฒนาเด็ก")


def test_a_renamed_topic_and_programme_show_their_new_names(client, linked):
    urls = every_url(linked)
    warm_all(client, urls)
    assert path_of(linked["article"]) in showing(client, urls, "สุขภาวะชุมชน")
    assert path_of(linked["event"]) in showing(client, urls, "โครงการผู้นำรุ่นใหม่")

    linked["topic"].name = "สุขภาพชุมชนเข้มแข็ง"
    linked["topic"].save()
    linked["programme"].name = "โครงการผู้นำคนรุ่นใหม่"
    linked["programme"].save()

    assert path_of(linked["article"]) in showing(client, urls, "สุขภาพชุมชนเข้มแข็ง")
    assert path_of(linked["event"]) in showing(client, urls, "โครงการผู้นำคนรุ่นใหม่")
    assert not showing(client, urls, "สุขภาวะชุมชน")


def test_a_published_page_appears_in_its_listing_and_on_the_home_page(client, linked):
    warm_all(client, every_url(linked))
    new = factories.ArticlePageFactory(parent=linked["articles"], title="บทความใหม่ล่าสุด", live=False)
    publish(new)
    assert "บทความใหม่ล่าสุด" in served(client, path_of(linked["articles"]))[2]
    assert "บทความใหม่ล่าสุด" in served(client, path_of(linked["home"]))[2]
    assert served(client, path_of(new))[0] == 200


def test_a_changed_and_republished_page_shows_its_change_everywhere(client, linked):
    urls = every_url(linked)
    warm_all(client, urls)
    before = showing(client, urls, "บทความภาคี")
    publish(linked["article"], title="บทความภาคีฉบับแก้ไข")
    assert showing(client, urls, "บทความภาคีฉบับแก้ไข") >= before


def test_an_unpublished_page_is_gone_from_its_address_and_its_listing(client, linked):
    warm_all(client, every_url(linked))
    linked["article"].unpublish()
    assert served(client, path_of(linked["article"]))[0] == 404
    assert "บทความภาคี" not in served(client, path_of(linked["articles"]))[2]


def test_a_moved_page_leaves_its_old_listing_and_old_address(client, linked, site_tree):
    warm_all(client, every_url(linked))
    old_url = path_of(linked["article"])
    other = factories.ArticleIndexPageFactory(parent=site_tree["events"], title="คลังบทความเก่า")
    warm(client, path_of(other))
    linked["article"].move(other, pos="last-child")
    linked["article"].refresh_from_db()

    assert "บทความภาคี" not in served(client, path_of(linked["articles"]))[2]
    assert "บทความภาคี" in served(client, path_of(other))[2]
    status, state, _text = served(client, old_url)
    assert state != "hit"
    assert status in (301, 302, 404)
    assert served(client, path_of(linked["article"]))[0] == 200


def test_a_deleted_page_is_gone_everywhere(client, linked):
    warm_all(client, every_url(linked))
    url = path_of(linked["event"])
    linked["event"].delete()
    assert served(client, url)[0] == 404
    assert "สรุปเวทีภาคี" not in served(client, path_of(linked["events"]))[2]
    assert "สรุปเวทีภาคี" not in served(client, path_of(linked["home"]))[2]


def test_a_site_setting_changes_every_page(client, linked):
    urls = every_url(linked)
    warm_all(client, urls)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "มูลนิธิภาคีสร้างสรรค์"
    site.save()
    assert showing(client, urls, "มูลนิธิภาคีสร้างสรรค์") == set(urls)

    setting = ThaiLanguageSettings.for_site(site)
    setting.use_thai_digits = True
    setting.save()
    assert served(client, path_of(linked["home"]))[1] == "miss"


def test_a_draft_saved_in_the_admin_keeps_the_cached_pages(client, linked):
    warm_all(client, every_url(linked))
    linked["article"].title = "ร่างใหม่"
    linked["article"].save_revision()
    assert served(client, path_of(linked["articles"]))[1] == "hit"
    assert "ร่างใหม่" not in served(client, path_of(linked["article"]))[2]
