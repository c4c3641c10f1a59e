"""A site with one public page of every kind, in Thai and English, and readers of
what a page's <head> tells LINE, Facebook, X and search engines."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from articles.models import EventPartner
from core.models import InformationPage
from network.models import Province

from . import factories

BASE = "http://testserver"
PAGE_KINDS = [
    "home",
    "articles",
    "events",
    "ebooks",
    "article",
    "event",
    "ebook",
    "partners",
    "partner",
    "search",
    "story form",
    "information",
    "not found",
]


def build_site(site_tree, english):
    """Every kind of public page in Thai and English; returns their URLs and the pages."""
    home = site_tree["home"]
    home.tagline = "ร่วมสร้างสุขภาวะกับภาคีเครือข่ายทั่วประเทศ"
    home.save_revision().publish()
    yala = Province.objects.get(name_th="ยะลา")
    pattani = Province.objects.get(name_th="ปัตตานี")

    partner = factories.PartnerFactory(
        name="มูลนิธิกระจกเงา",
        short_name="กระจกเงา",
        logo=factories.LogoFactory(),
        website="https://www.mirror.or.th/",
        facebook_url="https://www.facebook.com/mirror.foundation",
    )
    partner.provinces.set([yala])
    partner.save()
    english_partner = factories.translate_snippet(
        partner, english, name="Mirror Foundation", short_name="Mirror", mission="Volunteers"
    )

    article = factories.ArticlePageFactory(
        parent=site_tree["articles"],
        title="เมื่อภาคีเครือข่ายลุกขึ้นมาเล่าเรื่องของตัวเอง",
        intro="บทเรียนจากการสนับสนุนภาคีในสามจังหวัดชายแดนใต้",
        author_name="สมศรี ใจดี",
        published_date=datetime.date(2024, 6, 13),
        updated_date=datetime.date(2024, 7, 2),
        hero_image=factories.PhotoFactory(),
    )
    event = factories.EventSummaryPageFactory(
        parent=site_tree["events"],
        title="เวทีแลกเปลี่ยนเครือข่ายอาสาสมัครชายแดนใต้",
        intro="ภาคีอาสาสมัครชายแดนใต้ร่วมวางแผนการทำงานปีหน้า",
        venue="โรงแรมซีเอส ปัตตานี",
        start_date=datetime.date(2019, 6, 14),
        end_date=datetime.date(2019, 6, 19),
        hero_image=factories.PhotoFactory(),
    )
    event.provinces.set([pattani, yala])
    event.save_revision().publish()
    factories.EventPartnerFactory(page=event, partner=partner, role=EventPartner.ORGANISER)
    ebook = factories.EbookPageFactory(
        parent=site_tree["ebooks"],
        title="ผีเสื้อขยับปีก เล่ม 9",
        intro="เรื่องเล่าของอาสาสมัครรุ่นใหม่",
        authors="สมชาย ใจกว้าง, สมหญิง รักถิ่น",
        publisher=partner,
        cover_image=factories.CoverFactory(),
        isbn="978-616-0-00000-5",
        page_count=48,
        publication_date=datetime.date(2021, 12, 1),
    )
    story_form = factories.StoryFormPageFactory(parent=home)
    information = home.add_child(
        instance=InformationPage(
            title="นโยบายความเป็นส่วนตัว",
            intro="มูลนิธิเก็บและใช้ข้อมูลส่วนบุคคลของผู้อ่านอย่างไร",
        )
    )

    english_pages = {
        "home": factories.translate_page(
            home, english, title="Home", tagline="Wellbeing with partners"
        ),
        "articles": factories.translate_page(site_tree["articles"], english, title="Articles"),
        "events": factories.translate_page(site_tree["events"], english, title="Event summaries"),
        "ebooks": factories.translate_page(site_tree["ebooks"], english, title="Library"),
        "partners": factories.translate_page(site_tree["partners"], english, title="Partners"),
        "article": factories.translate_page(
            article,
            english,
            title="When partner networks tell their own story",
            intro="Lessons from supporting partners in the Deep South",
        ),
        "event": factories.translate_page(
            event,
            english,
            title="Deep South volunteer network exchange",
            intro="Volunteers from the Deep South planned next year's work together",
            venue="CS Pattani Hotel",
        ),
        "ebook": factories.translate_page(
            ebook, english, title="Butterfly Wings, volume 9", intro="Stories"
        ),
        "story form": factories.translate_page(story_form, english, title="Send us your story"),
        "information": factories.translate_page(
            information, english, title="Privacy notice", intro="How we use personal data"
        ),
    }
    for link in english_pages["event"].partner_links.all():
        link.partner = english_partner
        link.save()
    english_ebook = english_pages["ebook"]
    english_ebook.publisher = english_partner
    english_ebook.save_revision().publish()

    thai_pages = {
        "home": home,
        "articles": site_tree["articles"],
        "events": site_tree["events"],
        "ebooks": site_tree["ebooks"],
        "partners": site_tree["partners"],
        "article": article,
        "event": event,
        "ebook": ebook,
        "story form": story_form,
        "information": information,
    }
    urls = {}
    for language, pages, partner_here, prefix in (
        ("th", thai_pages, partner, ""),
        ("en", english_pages, english_partner, "/en"),
    ):
        urls[language] = {name: page.url for name, page in pages.items()}
        urls[language]["partner"] = pages["partners"].partner_url(partner_here)
        urls[language]["search"] = f"{prefix}/search/"
        urls[language]["not found"] = f"{prefix}/no-such-page/"
    return {
        "urls": urls,
        "pages": {"th": thai_pages, "en": english_pages},
        "partners": {"th": partner, "en": english_partner},
    }


def head_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser").head


def meta_values(head):
    """{property or name: [content, ...]} of every <meta> in the head."""
    values = {}
    for tag in head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            values.setdefault(key, []).append(tag.get("content", ""))
    return values


def json_ld(response):
    """The parsed JSON-LD documents of a page, in order."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def one_of_type(documents, schema_type):
    found = [document for document in documents if document.get("@type") == schema_type]
    assert len(found) == 1, f"expected one {schema_type}, found {len(found)} in {documents}"
    return found[0]


def local_file(url):
    """The file on disk behind an absolute media or static URL of the test site."""
    assert url.startswith(BASE + "/"), url
    path = urlsplit(url).path
    if path.startswith(settings.MEDIA_URL):
        return Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"no static file behind {url}"
        return Path(found)
    raise AssertionError(f"{url} is neither a media nor a static file")
