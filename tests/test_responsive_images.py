"""Every image on the public site is a <picture> of responsive renditions.

Cards, heroes, e-book covers, image and gallery blocks, the event gallery and
partner logos come in AVIF (when this Pillow can write it) and WebP, with a JPEG
or PNG fallback; each format over a few widths, with `sizes`, and with width and
height set. Images load lazily, except the one a detail page opens with. The files
behind the addresses are opened with Pillow to check they are what they claim.
"""

import re
from pathlib import Path

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image, features

from home.models import HomeFeaturedPartner

from . import factories

pytestmark = pytest.mark.django_db

MODERN_TYPES = ["image/avif", "image/webp"] if features.check("avif") else ["image/webp"]
PILLOW_FORMATS = {
    "image/avif": "AVIF",
    "image/webp": "WEBP",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail caches renditions by image id, and ids come round again between tests.
    cache.clear()
    return settings


def photo(width=1600, height=900, **kwargs):
    return wagtail_factories.ImageFactory(
        title="ภาคีนั่งล้อมวงคุยกัน", file__width=width, file__height=height, **kwargs
    )


def logo():
    return wagtail_factories.ImageFactory(
        title="ตรามูลนิธิ",
        file__width=480,
        file__height=480,
        file__format="PNG",
        file__filename="logo.png",
        file__color="green",
    )


def in_thai(text):
    with translation.override("th"):
        return translation.gettext(text)


def settled(client, url):
    """The page once its renditions are all made: each view makes a limited number
    of new AVIF and WebP files, so a page with many images takes a few views."""
    previous = None
    for _ in range(10):
        response = client.get(url)
        assert response.status_code == 200, url
        # Each response carries a fresh Content-Security-Policy nonce.
        markup = re.sub(rb'nonce="[^"]*"', b"", response.content)
        if markup == previous:
            return response
        previous = markup
    raise AssertionError(f"{url} still changes after 10 views")


def page_html(client, url):
    return BeautifulSoup(settled(client, url).content, "html.parser")


def widths_of(srcset):
    candidates = [candidate.strip().rsplit(" ", 1) for candidate in srcset.split(",")]
    assert all(re.fullmatch(r"\d+w", descriptor) for _url, descriptor in candidates), srcset
    return [int(descriptor[:-1]) for _url, descriptor in candidates]


def urls_of(srcset):
    return [candidate.strip().rsplit(" ", 1)[0] for candidate in srcset.split(",")]


def open_rendition(settings, url):
    assert url.startswith(settings.MEDIA_URL), url
    return Image.open(Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL))


def assert_files_are_what_they_say(settings, picture, fallback_type):
    """Each address in each srcset is a file in that format, of that width."""
    sets = [(source["type"], source["srcset"]) for source in picture.find_all("source")]
    sets.append((fallback_type, picture.img["srcset"]))
    for mime_type, srcset in sets:
        for url, width in zip(urls_of(srcset), widths_of(srcset), strict=True):
            with open_rendition(settings, url) as file:
                assert file.format == PILLOW_FORMATS[mime_type], url
                assert file.width == width, url


def assert_responsive(picture, widths, fallback_type="image/jpeg", priority=False):
    """A <picture> with modern sources, a fallback <img>, every srcset over `widths`."""
    assert picture is not None and picture.name == "picture"
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == MODERN_TYPES
    img = picture.img
    assert img["sizes"]
    for srcset_owner in [*sources, img]:
        assert widths_of(srcset_owner["srcset"]) == widths
        assert srcset_owner["sizes"] == img["sizes"]
    assert int(img["width"]) == widths[0] and int(img["height"]) > 0
    assert img["src"] == urls_of(img["srcset"])[0]
    suffix = {"image/jpeg": ".jpg", "image/png": ".png"}[fallback_type]
    assert img["src"].endswith(suffix)
    if priority:
        assert img["loading"] == "eager" and img["fetchpriority"] == "high"
        assert not img.has_attr("decoding")
    else:
        assert img["loading"] == "lazy" and img["decoding"] == "async"
        assert not img.has_attr("fetchpriority")
    return img


def test_article_card_lazy_and_hero_first_over_four_widths(client, site_tree, media):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], hero_image=photo())

    listing = page_html(client, site_tree["articles"].url)
    card_img = assert_responsive(listing.select_one(".card__media picture"), [480, 800])
    assert int(card_img["height"]) == 270
    assert_files_are_what_they_say(media, listing.select_one(".card__media picture"), "image/jpeg")

    detail = page_html(client, article.url)
    hero = detail.select_one(".hero-image picture")
    assert_responsive(hero, [480, 800, 1200, 1600], priority=True)
    assert_files_are_what_they_say(media, hero, "image/jpeg")
    # The card's renditions are the hero's two smaller ones, made once.
    card_urls = {
        url
        for tag in listing.select(".card__media source, .card__media img")
        for url in urls_of(tag["srcset"])
    }
    hero_urls = {url for tag in hero.select("source, img") for url in urls_of(tag["srcset"])}
    assert card_urls <= hero_urls


def test_event_hero_and_gallery_thumbnails_link_to_large_photos(client, site_tree, media):
    event = factories.EventSummaryPageFactory(parent=site_tree["events"], hero_image=photo())
    captions = ["ลงทะเบียนช่วงเช้า", "แบ่งกลุ่มย่อย", "สรุปบทเรียน"]
    for caption in captions:
        factories.EventGalleryImageFactory(
            page=event, image=photo(1800, 1350), caption=caption, alt_text=f"ภาพ {caption}"
        )

    html = page_html(client, event.url)
    assert_responsive(html.select_one(".hero-image picture"), [480, 800, 1200, 1600], priority=True)

    gallery = html.select_one("ul.gallery[data-lightbox]")
    assert gallery["data-lightbox-close"] and gallery["data-lightbox-label"]
    links = gallery.select("a.gallery__link")
    assert len(links) == 3
    for number, (link, caption) in enumerate(zip(links, captions, strict=True), start=1):
        thumbnail = assert_responsive(link.picture, [320, 640])
        assert thumbnail["alt"] == f"ภาพ {caption}"
        assert int(thumbnail["height"]) == 240
        assert_files_are_what_they_say(media, link.picture, "image/jpeg")
        # Without JavaScript the link is the large photo itself.
        with open_rendition(media, link["href"]) as large:
            assert (large.format, large.size) == ("JPEG", (1600, 1200))
        assert widths_of(link["data-lightbox-webp"]) == [1600]
        with open_rendition(media, urls_of(link["data-lightbox-webp"])[-1]) as large:
            assert large.format == "WEBP"
        assert (link["data-lightbox-width"], link["data-lightbox-height"]) == ("1600", "1200")
        expected = in_thai("Photo %(current)s of %(total)s") % {"current": number, "total": 3}
        assert link["data-lightbox-position"] == expected
        assert link.find_parent("figure").figcaption.get_text() == caption


def test_ebook_cover_first_on_its_page_and_lazy_on_cards(client, site_tree, media):
    ebook = factories.EbookPageFactory(parent=site_tree["ebooks"], cover_image=photo(1200, 1700))

    cover = page_html(client, ebook.url).select_one(".ebook__cover picture")
    img = assert_responsive(cover, [282, 564], priority=True)
    assert (img["width"], img["height"]) == ("282", "400")
    assert_files_are_what_they_say(media, cover, "image/jpeg")

    card = page_html(client, site_tree["ebooks"].url).select_one(".card--cover picture")
    assert_responsive(card, [282, 564])


def test_image_and_gallery_blocks_in_a_page_body(client, site_tree, media):
    pictures = [photo(1200, 800) for _ in range(3)]
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"],
        hero_image=None,
        body=[
            {
                "type": "image",
                "value": {"image": pictures[0].pk, "alt_text": "แผนที่ชุมชน", "caption": "แผนที่"},
            },
            {
                "type": "gallery",
                "value": {
                    "title": "บรรยากาศ",
                    "images": [
                        {"image": image.pk, "alt_text": "", "caption": f"ภาพที่ {n}"}
                        for n, image in enumerate(pictures[1:], start=1)
                    ],
                },
            },
        ],
    )

    html = page_html(client, article.url)
    figure = html.select_one(".prose figure.figure")
    img = assert_responsive(figure.picture, [480, 800, 1200])
    assert img["alt"] == "แผนที่ชุมชน"
    assert_files_are_what_they_say(media, figure.picture, "image/jpeg")

    links = html.select(".gallery-block ul.gallery[data-lightbox] a.gallery__link")
    assert len(links) == 2
    for number, link in enumerate(links, start=1):
        # No alternative text given: the caption stands in for it.
        assert assert_responsive(link.picture, [320, 640])["alt"] == f"ภาพที่ {number}"
        with open_rendition(media, link["href"]) as large:
            assert (large.format, large.width) == ("JPEG", 1200)


def test_partner_logos_keep_their_transparency_in_png(client, site_tree, media):
    partner = factories.PartnerFactory(logo=logo())
    HomeFeaturedPartner.objects.create(page=site_tree["home"], partner=partner)

    places = {
        "home": (site_tree["home"].url, ".partner-strip__item picture"),
        "directory": (site_tree["partners"].url, ".partner-card__logo picture"),
        "partner": (site_tree["partners"].partner_url(partner), ".partner-header__logo picture"),
    }
    for name, (url, selector) in places.items():
        picture = page_html(client, url).select_one(selector)
        img = assert_responsive(
            picture, [120, 240], fallback_type="image/png", priority=name == "partner"
        )
        # The partner's name is written beside the logo.
        assert img["alt"] == "", name
        assert_files_are_what_they_say(media, picture, "image/png")


def test_small_originals_are_not_enlarged_nor_listed_twice(client, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], hero_image=photo(400, 225))

    hero = page_html(client, article.url).select_one(".hero-image picture")
    assert_responsive(hero, [400], priority=True)


def test_first_reader_gets_the_fallbacks_at_once_and_later_readers_every_format(client, site_tree):
    event = factories.EventSummaryPageFactory(parent=site_tree["events"], hero_image=photo())
    for _ in range(8):
        factories.EventGalleryImageFactory(page=event, image=photo(800, 600))

    # AVIF and WebP take long to make: the first reader does not wait for them.
    first = BeautifulSoup(client.get(event.url).content, "html.parser")
    pictures = first.select(".hero-image picture, .gallery picture")
    assert len(pictures) == 9
    for picture in pictures:
        assert not picture.find("source")
        assert picture.img["src"].endswith(".jpg") and picture.img["width"]
    link = first.select_one("a.gallery__link")
    assert link["href"].endswith(".jpg") and not link.has_attr("data-lightbox-webp")

    # They were made once that response had gone.
    second = BeautifulSoup(client.get(event.url).content, "html.parser")
    hero = second.select_one(".hero-image picture")
    assert_responsive(hero, [480, 800, 1200, 1600], priority=True)
    for picture in second.select(".gallery picture"):
        assert_responsive(picture, [320, 640])
    assert second.select_one("a.gallery__link").has_attr("data-lightbox-webp")


# --- SQL queries -----------------------------------------------------------------


def cold_queries(client, url):
    """Queries for a view of `url` by a server that has not cached any rendition."""
    settled(client, url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_items(site_tree, count, event, article):
    for _ in range(count):
        factories.ArticlePageFactory(parent=site_tree["articles"])
        factories.EventSummaryPageFactory(parent=site_tree["events"])
        factories.EbookPageFactory(parent=site_tree["ebooks"])
        partner = factories.PartnerFactory(logo=logo())
        HomeFeaturedPartner.objects.create(page=site_tree["home"], partner=partner)
        factories.EventGalleryImageFactory(page=event)
    # One gallery block that grows, and one image block more each time.
    *blocks, gallery = article.body.raw_data
    images = gallery["value"]["images"] + [
        {"image": photo(100, 100).pk, "alt_text": "", "caption": ""} for _ in range(count)
    ]
    image_block = {"type": "image", "value": {"image": photo(100, 100).pk}}
    article.body = [*blocks, image_block, {"type": "gallery", "value": {"images": images}}]
    article.save_revision().publish()


def test_image_listings_cost_the_same_for_few_and_many_images(
    client, site_tree, settings, django_assert_max_num_queries
):
    settings.LISTING_PAGE_SIZE = 500
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], body=[{"type": "gallery", "value": {"images": []}}]
    )
    urls = {
        "home": site_tree["home"].url,
        "articles": site_tree["articles"].url,
        "events": site_tree["events"].url,
        "ebooks": site_tree["ebooks"].url,
        "partner directory": site_tree["partners"].url,
        "event gallery": event.url,
        "gallery blocks": article.url,
    }
    add_items(site_tree, 2, event, article)
    few = {name: cold_queries(client, url) for name, url in urls.items()}

    add_items(site_tree, 10, event, article)
    for name, url in urls.items():
        settled(client, url)
        cache.clear()
        with django_assert_max_num_queries(few[name], info=name):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.count(b"<picture>") >= 12, name
