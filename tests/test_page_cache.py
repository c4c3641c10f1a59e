"""The page cache: a public page is rendered once and served to every reader after.

What must never come from it or go into it: anything for staff, previews, pages
with a form's CSRF token, POSTs, private and draft pages, and addresses with
query parameters no listing knows. What it must keep: the same page for a link
shared with tracking parameters, Cache-Control, and 304 for an unchanged page.
"""

import re

import pytest
from wagtail.models import PageViewRestriction

from . import factories
from .page_cache_helpers import path_of, served, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def article(site_tree):
    return factories.ArticlePageFactory(parent=site_tree["articles"], title="เวทีภาคีภาคอีสาน")


def test_the_second_reader_gets_the_same_page_from_the_cache_without_the_database(
    client, article, django_assert_num_queries
):
    client.get(path_of(article))  # makes the picture's renditions
    status, first_state, first = served(client, path_of(article))
    with django_assert_num_queries(0):
        status, state, again = served(client, path_of(article))
    assert (status, first_state, state) == (200, "miss", "hit")
    assert again == first
    assert "เวทีภาคีภาคอีสาน" in again


def test_cached_pages_tell_browsers_to_ask_again_and_get_304(client, article):
    warm(client, path_of(article))
    response = client.get(path_of(article))
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "must-revalidate"}
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")
    etag = response["ETag"]
    unchanged = client.get(path_of(article), headers={"If-None-Match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    # After a change the old copy is not "unchanged".
    article.title = "เวทีภาคีภาคอีสาน ครั้งที่ 2"
    article.save_revision().publish()
    changed = client.get(path_of(article), headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert "ครั้งที่ 2" in changed.content.decode()


def test_a_page_not_served_from_the_cache_still_answers_304(client, settings, site_tree):
    settings.PAGE_CACHE_SECONDS = 0
    url = path_of(site_tree["articles"])
    client.get(url)
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_staff_never_get_the_cached_page_and_never_put_theirs_in(client, admin_user, article):
    warm(client, path_of(article))
    client.force_login(admin_user)
    status, state, staff_page = served(client, path_of(article))
    assert (status, state) == (200, None)
    assert "wagtail-userbar" in staff_page
    client.logout()
    client.cookies.clear()
    status, state, reader_page = served(client, path_of(article))
    assert state == "hit"
    assert "wagtail-userbar" not in reader_page


def test_a_draft_seen_by_staff_never_reaches_readers(client, admin_user, article):
    warm(client, path_of(article))
    client.force_login(admin_user)
    article.title = "ร่างที่ยังไม่เผยแพร่"
    article.save_revision()
    draft = client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert "ร่างที่ยังไม่เผยแพร่" in draft.content.decode()
    client.logout()
    client.cookies.clear()
    _status, _state, text = served(client, path_of(article))
    assert "ร่างที่ยังไม่เผยแพร่" not in text
    assert "เวทีภาคีภาคอีสาน" in text


def test_a_form_with_its_csrf_token_is_never_cached(client, story_site):
    url = path_of(story_site["form"])
    tokens = set()
    for _ in range(2):
        response = client.get(url)
        client.cookies.clear()
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1])
    assert len(tokens) == 2


def test_a_post_is_never_answered_from_the_cache(client, story_site):
    url = path_of(story_site["form"])
    client.get(url)
    response = client.post(url, {})
    assert "X-Cache" not in response


def test_private_and_draft_pages_are_never_cached(client, site_tree):
    private = factories.ArticlePageFactory(parent=site_tree["articles"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = factories.ArticlePageFactory(parent=site_tree["articles"], live=False)
    for page in (private, draft):
        for _ in range(2):
            response = client.get(path_of(page))
            assert response.status_code in (200, 404)
            assert "X-Cache" not in response
    assert client.get(path_of(draft)).status_code == 404


def test_a_shared_link_with_tracking_parameters_is_the_same_cached_page(client, article):
    warm(client, path_of(article))
    for query in ("?fbclid=IwAR3xyz", "?utm_source=line&utm_medium=group", "?si=abc"):
        status, state, text = served(client, path_of(article) + query)
        assert (status, state) == (200, "hit")
        assert "fbclid" not in text and "utm_" not in text


def test_listing_pages_and_filters_are_cached_each_and_other_parameters_are_not(client, site_tree):
    url = path_of(site_tree["articles"])
    for query in ("", "?page=2", "?year=2567"):
        warm(client, url + query)
    for query in ("?nocache=1", "?page=1&page=2", "?page=" + "9" * 50, "?q=ภาคี"):
        client.get(url + query)
        assert served(client, url + query)[1] is None


def test_a_session_or_a_message_cookie_is_served_afresh(client, settings, article):
    warm(client, path_of(article))
    for name in (settings.SESSION_COOKIE_NAME, "messages"):
        client.cookies.clear()
        client.cookies[name] = "anything"
        assert served(client, path_of(article))[1] is None
    client.cookies.clear()
    # A reader's consent or CSRF cookie does not change the page.
    client.cookies["consent"] = "v1.media-yes"
    client.cookies["csrftoken"] = "x" * 32
    assert served(client, path_of(article))[1] == "hit"


def test_an_english_page_is_cached_apart_from_the_thai(client, site_tree, article, english):
    factories.translate_page(site_tree["home"], english)
    factories.translate_page(site_tree["articles"], english)
    translation = factories.translate_page(article, english, title="Northeast partners forum")
    warm(client, path_of(article))
    warm(client, path_of(translation))
    assert 'lang="en"' in served(client, path_of(translation))[2]
    assert 'lang="th"' in served(client, path_of(article))[2]


def test_the_page_cache_can_be_turned_off(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(path_of(article))
    assert served(client, path_of(article))[1] is None


def test_without_redis_every_process_of_the_machine_shares_one_cache_directory(tmp_path):
    from operations.configuration import cache_settings

    shared = cache_settings("", tmp_path)["default"]
    assert shared["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert shared["LOCATION"] == str(tmp_path)
    redis = cache_settings("redis://127.0.0.1:6379/0", tmp_path)["default"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


def test_with_redis_the_pages_are_kept_in_redis_and_retired_there(
    client, settings, redis_url, article
):
    from django.core.cache import caches

    from operations.configuration import cache_settings

    local = settings.CACHES
    settings.CACHES = cache_settings(redis_url, None)
    try:
        caches["default"].clear()
        warm(client, path_of(article))
        publish_title(article, "เวทีภาคีภาคอีสาน ปรับปรุงแล้ว")
        status, state, text = served(client, path_of(article))
        assert (status, state) == (200, "miss")
        assert "ปรับปรุงแล้ว" in text
        assert served(client, path_of(article))[1] == "hit"
        import redis

        assert redis.Redis.from_url(redis_url).keys("cms:*")
    finally:
        # The page cache fixture clears the cache after Redis has stopped.
        settings.CACHES = local


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_a_previewed_draft_never_reaches_readers_through_a_cached_part(
    client, settings, admin_user, site_tree
):
    settings.PAGE_CACHE_SECONDS = 0  # the parts of pages are kept even so
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บทความที่เผยแพร่", hero_image=None
    )
    client.get(path_of(article))
    client.force_login(admin_user)
    article.title = "ร่างที่ยังไม่เผยแพร่"
    article.intro = "บทนำฉบับร่าง"
    article.save_revision()
    assert "บทนำฉบับร่าง" in client.get(f"/admin/pages/{article.pk}/view_draft/").text
    client.logout()
    client.cookies.clear()
    text = served(client, path_of(article))[2]
    assert "บทนำฉบับร่าง" not in text
    assert "บทความที่เผยแพร่" in text
