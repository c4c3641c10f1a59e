"""RSS and Atom feeds of the whole site and of each section, in Thai and English."""

import datetime
import html

import feedparser
import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from articles.models import EventPartner

from . import factories

pytestmark = pytest.mark.django_db

FEED_PATHS = [
    "feeds/rss.xml",
    "feeds/atom.xml",
    "feeds/articles/rss.xml",
    "feeds/articles/atom.xml",
    "feeds/events/rss.xml",
    "feeds/events/atom.xml",
    "feeds/ebooks/rss.xml",
    "feeds/ebooks/atom.xml",
]
PREFIXES = {"th": "/", "en": "/en/"}


def when(day, hour=9):
    return datetime.datetime(2024, 6, day, hour, tzinfo=datetime.UTC)


def set_published(page, first, last=None):
    Page.objects.filter(pk=page.pk).update(
        first_published_at=first, last_published_at=last or first
    )


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


@pytest.fixture
def two_languages(site_tree, english):
    """Pages of each section in Thai, some translated into English."""
    thai = {
        "article": factories.ArticlePageFactory(
            parent=site_tree["articles"],
            title="สนับสนุนงานภาคีเครือข่าย",
            author_name="มูลนิธิหญิงชายก้าวไกล",
            first_published_at=when(1),
            last_published_at=when(20),
        ),
        "event": factories.EventSummaryPageFactory(
            parent=site_tree["events"],
            title="เวทีเครือข่ายอาสาสมัครชายแดนใต้",
            first_published_at=when(2),
        ),
        "ebook": factories.EbookPageFactory(
            parent=site_tree["ebooks"],
            title="ผีเสื้อขยับปีก เล่ม 9",
            authors="มูลนิธิชุมชนสงขลา",
            intro="บันทึกงานพลเมืองสงขลา",
            pdf__file__data=b"%PDF-1.4\n% butterfly wings, volume 9\n%%EOF\n",
            pdf__file__filename="butterfly-wings-9.pdf",
            first_published_at=when(3),
        ),
    }
    factories.ArticleTopicFactory(page=thai["article"], topic__name="ความเสมอภาคระหว่างเพศ")
    factories.EventPartnerFactory(
        page=thai["event"],
        partner__name="ศูนย์อาสาสร้างสุข",
        role=EventPartner.ORGANISER,
    )
    for name in ("home", "articles", "events", "ebooks"):
        factories.translate_page(site_tree[name], english, title=name.capitalize())
    english_pages = {
        "article": factories.translate_page(
            thai["article"], english, title="Supporting partner networks"
        ),
        "event": factories.translate_page(
            thai["event"], english, title="Southern volunteers' meeting"
        ),
        "ebook": factories.translate_page(
            thai["ebook"], english, title="The Butterfly Flaps Its Wings, Volume 9"
        ),
    }
    for day, page in enumerate(english_pages.values(), start=5):
        set_published(page, when(day))
    return {"th": thai, "en": english_pages}


def test_every_feed_parses_with_absolute_unique_links_and_dates_in_order(client, two_languages):
    for language, prefix in PREFIXES.items():
        for path in FEED_PATHS:
            url = prefix + path
            response, parsed = parse(client, url)
            assert response["Content-Type"].startswith(
                "application/atom+xml" if "atom" in path else "application/rss+xml"
            )
            assert parsed.feed.language == language, url
            assert parsed.feed.title.endswith(" · มูลนิธิภาคีสร้างสุข"), url
            assert parsed.feed.link.startswith("http://testserver/"), url
            self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
            assert self_links == [f"http://testserver{url}"]
            entries = parsed.entries
            assert entries, url
            links = [entry.link for entry in entries]
            guids = [entry.id for entry in entries]
            assert all(link.startswith(f"http://testserver{prefix}") for link in links), url
            assert all(guid.startswith("tag:testserver,2024-06-") for guid in guids), url
            assert len(set(links)) == len(links) and len(set(guids)) == len(guids), url
            published = [entry.published_parsed for entry in entries]
            assert all(published), url
            assert published == sorted(published, reverse=True), url
            if "atom" in path:
                assert all(entry.updated_parsed for entry in entries), url


def test_site_feed_has_every_section_and_section_feeds_only_their_own(client, two_languages):
    thai = two_languages["th"]
    _response, site_feed = parse(client, "/feeds/rss.xml")
    assert [entry.title for entry in site_feed.entries] == [
        thai["ebook"].title,
        thai["event"].title,
        thai["article"].title,
    ]
    _response, events = parse(client, "/feeds/events/atom.xml")
    assert [entry.title for entry in events.entries] == [thai["event"].title]
    assert events.feed.title == "สรุปกิจกรรม · มูลนิธิภาคีสร้างสุข"


def test_english_feeds_carry_english_titles_and_links(client, two_languages):
    english = two_languages["en"]
    _response, parsed = parse(client, "/en/feeds/atom.xml")
    assert [entry.title for entry in parsed.entries] == [
        "The Butterfly Flaps Its Wings, Volume 9",
        "Southern volunteers' meeting",
        "Supporting partner networks",
    ]
    assert [entry.link for entry in parsed.entries] == [
        f"http://testserver{page.url}"
        for page in (english["ebook"], english["event"], english["article"])
    ]
    assert parsed.feed.title == "Latest publications · มูลนิธิภาคีสร้างสุข"


def test_items_carry_author_topics_dates_and_the_pdf(client, two_languages):
    thai = two_languages["th"]
    _response, parsed = parse(client, "/feeds/rss.xml")
    entries = {entry.title: entry for entry in parsed.entries}

    article = entries[thai["article"].title]
    assert article.author == "มูลนิธิหญิงชายก้าวไกล"
    assert [tag.term for tag in article.tags] == ["ความเสมอภาคระหว่างเพศ"]
    assert article.summary == thai["article"].intro
    assert entries[thai["event"].title].author == "ศูนย์อาสาสร้างสุข"

    ebook = entries[thai["ebook"].title]
    assert ebook.author == "มูลนิธิชุมชนสงขลา"
    assert ebook.summary == "บันทึกงานพลเมืองสงขลา"
    [enclosure] = ebook.enclosures
    assert enclosure.href == f"http://testserver{thai['ebook'].download_url('pdf')}"
    assert enclosure.type == "application/pdf"
    assert int(enclosure.length) == len(b"%PDF-1.4\n% butterfly wings, volume 9\n%%EOF\n")
    download = client.get(enclosure.href)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"

    _response, atom = parse(client, "/feeds/articles/atom.xml")
    [entry] = atom.entries
    assert entry.published_parsed[:3] == (2024, 6, 1)
    assert entry.updated_parsed[:3] == (2024, 6, 20)


def test_drafts_private_pages_and_other_languages_are_left_out(client, two_languages, site_tree):
    draft = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ฉบับร่างยังไม่เผยแพร่", live=False
    )
    private = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บันทึกภายในสำหรับกรรมการ", first_published_at=when(28)
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="กรรมการ"
    )
    english_titles = {page.title for page in two_languages["en"].values()}
    thai_titles = {page.title for page in two_languages["th"].values()}

    for path in FEED_PATHS:
        thai_feed = parse(client, "/" + path)[1]
        english_feed = parse(client, "/en/" + path)[1]
        thai_listed = {entry.title for entry in thai_feed.entries}
        english_listed = {entry.title for entry in english_feed.entries}
        for listed in (thai_listed, english_listed):
            assert draft.title not in listed
            assert private.title not in listed
        assert not thai_listed & english_titles
        assert not english_listed & thai_titles


def test_guid_survives_a_new_slug_and_title(client, two_languages):
    article = two_languages["th"]["article"]
    before = parse(client, "/feeds/articles/rss.xml")[1].entries[0]

    article.title = "สนับสนุนภาคีเครือข่ายให้เข้มแข็ง"
    article.slug = "stronger-partner-networks"
    article.save_revision().publish()

    article.refresh_from_db()
    after = parse(client, "/feeds/articles/rss.xml")[1].entries[0]
    assert after.title == "สนับสนุนภาคีเครือข่ายให้เข้มแข็ง"
    assert after.link == f"http://testserver{article.url}"
    assert after.link.endswith("/stronger-partner-networks/")
    assert after.link != before.link
    assert after.id == before.id == f"tag:testserver,2024-06-01:page/{article.pk}"
    assert after.guidislink is False


def test_rss_titles_reach_readers_as_text(client, site_tree):
    factories.ArticlePageFactory(
        parent=site_tree["articles"], title="ถาม & ตอบ <เรื่องภาคี>", first_published_at=when(4)
    )
    # Feed readers take an RSS title as HTML and an Atom title as plain text.
    [rss_entry] = parse(client, "/feeds/rss.xml")[1].entries
    assert rss_entry.title_detail.type == "text/html"
    assert "<" not in rss_entry.title
    assert html.unescape(rss_entry.title) == "ถาม & ตอบ <เรื่องภาคี>"
    [atom_entry] = parse(client, "/feeds/atom.xml")[1].entries
    assert atom_entry.title_detail.type == "text/plain"
    assert atom_entry.title == "ถาม & ตอบ <เรื่องภาคี>"


def test_missing_feeds_are_404_and_query_strings_are_ignored(client, site_tree):
    assert client.get("/feeds/no-such-section/rss.xml").status_code == 404
    # Nothing has been translated into English, so there is no English home page.
    assert client.get("/en/feeds/rss.xml").status_code == 404
    response = client.get("/feeds/articles/rss.xml?page=abc&limit=99999999999")
    assert response.status_code == 200
    assert feedparser.parse(response.content).bozo == 0


def test_feed_queries_do_not_grow_with_items(client, site_tree, django_assert_max_num_queries):
    # A feed shows 20 items: one page more in each section fills every feed and cuts it.
    for _ in range(21):
        article = factories.ArticlePageFactory(parent=site_tree["articles"], author_name="ทีมสื่อสาร")
        factories.ArticleTopicFactory(page=article)
        event = factories.EventSummaryPageFactory(parent=site_tree["events"])
        factories.EventTopicFactory(page=event)
        factories.EventPartnerFactory(page=event, role=EventPartner.ORGANISER)
        ebook = factories.EbookPageFactory(parent=site_tree["ebooks"])
        factories.EbookTopicFactory(page=ebook)
    for path in FEED_PATHS:
        with django_assert_max_num_queries(20, info=path):
            response = client.get("/" + path)
        assert response.status_code == 200
        assert len(feedparser.parse(response.content).entries) == 20


def test_head_links_point_to_the_site_and_section_feeds(client, two_languages, site_tree):
    thai_article = two_languages["th"]["article"]
    english_article = two_languages["en"]["article"]

    with translation.override("th"):
        rss_title = gettext("%(name)s (RSS feed)") % {"name": "บทความ"}
        atom_title = gettext("%(name)s (Atom feed)") % {"name": "บทความ"}
    thai_html = client.get(thai_article.url).content.decode()
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="{rss_title}"'
        ' href="http://testserver/feeds/articles/rss.xml">'
    ) in thai_html
    assert f'type="application/atom+xml" title="{atom_title}"' in thai_html
    assert 'href="http://testserver/feeds/rss.xml"' in thai_html

    english_html = client.get(english_article.url).content.decode()
    assert (
        'type="application/rss+xml" title="Articles (RSS feed)"'
        ' href="http://testserver/en/feeds/articles/rss.xml"'
    ) in english_html
    assert (
        'type="application/atom+xml" title="Latest publications (Atom feed)"'
        ' href="http://testserver/en/feeds/atom.xml"'
    ) in english_html

    home_html = client.get(site_tree["home"].url).content.decode()
    assert "/feeds/rss.xml" in home_html
    assert "/feeds/articles/" not in home_html

    events_html = client.get(site_tree["events"].url).content.decode()
    assert 'href="http://testserver/feeds/events/atom.xml"' in events_html
    for href in ("/feeds/events/rss.xml", "/en/feeds/articles/atom.xml"):
        parse(client, href)
