"""Link previews: what LINE, Facebook and X show when a reader shares any page.

Every public page, in Thai and English, tells them its title, description,
canonical address, language and a 1200×630 picture, with absolute URLs; and
article, event summary and e-book pages offer share links of their own.
"""

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from PIL import Image

from core.share_images import PHOTO_SPEC

from . import factories
from .sharing_helpers import (
    BASE,
    PAGE_KINDS,
    build_site,
    head_of,
    local_file,
    meta_values,
)

pytestmark = pytest.mark.django_db

OPEN_GRAPH = [
    "og:title",
    "og:description",
    "og:url",
    "og:type",
    "og:site_name",
    "og:locale",
    "og:locale:alternate",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:type",
    "og:image:alt",
]
TWITTER = [
    "twitter:card",
    "twitter:title",
    "twitter:description",
    "twitter:image",
    "twitter:image:alt",
]
EXPECTED_TYPE = {"article": "article", "event": "article", "ebook": "book"}
LOCALES = {"th": ("th_TH", "en_US"), "en": ("en_US", "th_TH")}
BRAND = (0x0B, 0x5D, 0x55)


@pytest.fixture
def site(site_tree, english):
    return build_site(site_tree, english)


def card_of(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response, meta_values(head_of(response))


def single(meta, key, url):
    values = meta.get(key, [])
    assert len(values) == 1, f"{url}: {key} appears {len(values)} times"
    assert values[0].strip(), f"{url}: {key} is empty"
    return values[0]


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_page_has_a_complete_card_with_absolute_urls(client, site, language):
    own_locale, other_locale = LOCALES[language]
    for kind in PAGE_KINDS:
        url = site["urls"][language][kind]
        response, meta = card_of(client, url)
        assert response.status_code == (404 if kind == "not found" else 200), url
        values = {key: single(meta, key, url) for key in OPEN_GRAPH + TWITTER}

        assert values["og:type"] == EXPECTED_TYPE.get(kind, "website"), url
        assert values["og:locale"] == own_locale, url
        assert values["og:locale:alternate"] == other_locale, url
        assert values["og:url"] == BASE + url, url
        for key in ("og:url", "og:image", "twitter:image"):
            assert values[key].startswith(BASE + "/"), (url, key, values[key])
        assert (values["og:image:width"], values["og:image:height"]) == ("1200", "630"), url
        assert values["twitter:card"] == "summary_large_image"
        assert values["twitter:title"] == values["og:title"], url
        assert values["twitter:description"] == values["og:description"], url
        assert values["twitter:image"] == values["og:image"], url
        assert values["twitter:image:alt"] == values["og:image:alt"], url


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_share_image_really_is_1200_by_630(client, site, language):
    images = set()
    for kind in PAGE_KINDS:
        _response, meta = card_of(client, site["urls"][language][kind])
        images.add((meta["og:image"][0], meta["og:image:type"][0]))
    # The photos, the cover, the logo and the default image.
    assert len(images) >= 4
    for url, media_type in images:
        with Image.open(local_file(url)) as picture:
            assert picture.size == (1200, 630), url
            assert Image.MIME[picture.format] == media_type, url


def test_an_event_summary_shared_to_line_shows_its_title_intro_and_photo(client, site):
    """LINE reads og:title, og:description and og:image: exactly what the reader sees."""
    for language in ("th", "en"):
        event = site["pages"][language]["event"]
        _response, meta = card_of(client, event.url)
        photo = event.hero_image.get_rendition(PHOTO_SPEC)
        assert meta["og:title"] == [event.title]
        assert meta["og:description"] == [event.intro]
        assert meta["og:image"] == [BASE + photo.url]
        assert meta["og:url"] == [BASE + event.url]
        assert meta["og:image:alt"] == [event.hero_image.description]
        assert meta["og:image:type"] == ["image/jpeg"]


def test_home_page_card_uses_the_tagline_and_site_name(client, site):
    _response, meta = card_of(client, site["urls"]["th"]["home"])
    assert meta["og:title"] == [meta["og:site_name"][0]]
    assert meta["og:description"] == [site["pages"]["th"]["home"].tagline]
    assert meta["og:image"] == [BASE + "/static/img/share-default.png"]


def test_pages_without_a_description_borrow_the_home_pages(client, site):
    for language in ("th", "en"):
        home = site["pages"][language]["home"]
        for kind in ("search", "not found"):
            _response, meta = card_of(client, site["urls"][language][kind])
            assert meta["og:description"] == [home.tagline], (language, kind)
            assert meta["twitter:description"] == [home.tagline], (language, kind)
            # Only the page's own description goes in <meta name="description">.
            assert "description" not in meta, (language, kind)


def test_search_and_missing_pages_are_named_in_the_readers_language(client, site):
    for language in ("th", "en"):
        with translation.override(language):
            search, missing = translation.gettext("Search"), translation.gettext("Page not found")
        _response, meta = card_of(client, site["urls"][language]["search"] + "?q=อาสา&page=abc")
        assert meta["og:title"] == meta["twitter:title"] == [search]
        assert meta["og:url"] == [BASE + site["urls"][language]["search"]]
        _response, meta = card_of(client, site["urls"][language]["not found"])
        assert meta["og:title"] == meta["twitter:title"] == [missing]


def test_partner_page_shares_the_partners_logo_whole_on_white(client, site):
    partner = site["partners"]["th"]
    _response, meta = card_of(client, site["urls"]["th"]["partner"])
    assert meta["og:title"] == [partner.name]
    assert meta["og:description"] == [partner.mission]
    assert meta["og:image:alt"] == [partner.name]
    with Image.open(local_file(meta["og:image"][0])) as picture:
        card = picture.convert("RGB")
        # The square logo is scaled into the middle, not cropped to a strip.
        assert card.getpixel((10, 10)) == (255, 255, 255)
        assert card.getpixel((600, 90)) == (0x1E, 0x5A, 0xA0)
        assert card.getpixel((600, 540)) == (0x1E, 0x5A, 0xA0)


def test_ebook_cover_is_shown_whole_on_the_brand_colour(client, site):
    _response, meta = card_of(client, site["urls"]["th"]["ebook"])
    with Image.open(local_file(meta["og:image"][0])) as picture:
        card = picture.convert("RGB")
        corner = card.getpixel((10, 10))
        top, bottom = card.getpixel((600, 30)), card.getpixel((600, 600))
    assert all(abs(a - b) <= 4 for a, b in zip(corner, BRAND, strict=True))
    # The portrait cover keeps its top and bottom: the cover's colour shows there.
    for pixel in (top, bottom):
        assert all(abs(a - b) <= 8 for a, b in zip(pixel, (0xF2, 0xC1, 0x4E), strict=True))


def test_a_small_photo_still_gives_a_full_size_card(client, site_tree):
    small = factories.ArticlePageFactory(parent=site_tree["articles"])  # 100×100 image
    _response, meta = card_of(client, small.url)
    with Image.open(local_file(meta["og:image"][0])) as picture:
        assert picture.size == (1200, 630)


def test_a_photo_whose_file_is_lost_falls_back_to_the_default_image(client, site_tree):
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], hero_image=factories.PhotoFactory()
    )
    article.hero_image.file.storage.delete(article.hero_image.file.name)
    response, meta = card_of(client, article.url)
    assert response.status_code == 200
    assert meta["og:image"] == [BASE + "/static/img/share-default.png"]


def test_article_and_event_cards_carry_their_dates(client, site):
    _response, meta = card_of(client, site["urls"]["th"]["article"])
    assert meta["article:published_time"] == ["2024-06-13"]
    assert meta["article:modified_time"] == ["2024-07-02"]
    event = site["pages"]["th"]["event"]
    event.refresh_from_db()
    _response, meta = card_of(client, event.url)
    published = meta["article:published_time"][0]
    first_published = timezone.localtime(event.first_published_at).replace(microsecond=0)
    assert published == first_published.isoformat()
    assert published.endswith("+07:00"), "Thai time, with its offset"
    last_published = timezone.localtime(event.last_published_at).replace(microsecond=0)
    assert meta["article:modified_time"] == [last_published.isoformat()]
    _response, meta = card_of(client, site["urls"]["th"]["ebook"])
    assert meta["book:release_date"] == ["2021-12-01"]
    assert meta["book:isbn"] == ["978-616-0-00000-5"]


def test_a_page_only_in_thai_names_no_other_locale(client, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    _response, meta = card_of(client, article.url)
    assert meta["og:locale"] == ["th_TH"]
    assert "og:locale:alternate" not in meta


def test_a_title_with_quotes_and_tags_stays_inside_its_attribute(client, site_tree):
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], title='"ภาคี" <b>สร้างสุข</b> & เพื่อน'
    )
    _response, meta = card_of(client, article.url)
    assert meta["og:title"] == ['"ภาคี" <b>สร้างสุข</b> & เพื่อน']
    assert meta["twitter:title"] == meta["og:title"]


# --- Share links ------------------------------------------------------------------


def share_box(client, url):
    response = client.get(url)
    assert response.status_code == 200
    box = BeautifulSoup(response.content.decode(), "html.parser").select_one(".share")
    assert box is not None, f"{url} has no share links"
    return box


@pytest.mark.parametrize("kind", ["article", "event", "ebook"])
def test_share_links_carry_the_encoded_canonical_url(client, site, kind):
    for language in ("th", "en"):
        page = site["pages"][language][kind]
        canonical = BASE + page.url
        box = share_box(client, page.url)
        links = {link.get_text(" ", strip=True).split(" ")[0]: link for link in box.find_all("a")}
        assert set(links) == {"LINE", "Facebook", "X"}

        encoded = quote(canonical, safe="")
        assert links["LINE"]["href"] == (
            f"https://social-plugins.line.me/lineit/share?url={encoded}"
        )
        assert (
            links["Facebook"]["href"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
        )
        x_link = urlsplit(links["X"]["href"])
        assert (x_link.scheme, x_link.netloc, x_link.path) == ("https", "x.com", "/intent/post")
        assert parse_qs(x_link.query) == {"url": [canonical], "text": [page.title]}
        assert f"url={encoded}&text=" in links["X"]["href"]

        with translation.override(language):
            new_tab = translation.gettext("(opens in a new tab)")
        for link in links.values():
            assert link["target"] == "_blank"
            assert "noopener" in link["rel"]
            assert link.select_one(".visually-hidden").get_text(strip=True) == new_tab
            assert "utm_" not in link["href"]

        button = box.select_one("button.share__copy-button")
        assert button["data-share-url"] == canonical
        # Without JavaScript there is no button to press, nor an empty field.
        assert button.find_parent("li").has_attr("hidden")
        field = box.select_one(".share__field")
        assert field.has_attr("hidden")
        assert box.select_one("#share-link")["value"] == canonical
        assert box.select_one("[role=status]")["aria-live"] == "polite"


def test_no_third_party_script_or_frame_comes_with_the_share_links(client, site):
    html = client.get(site["urls"]["th"]["event"]).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("iframe")
    for script in soup.find_all("script", src=True):
        assert urlsplit(script["src"]).netloc in ("", "testserver"), script["src"]
