"""Old links keep working: Wagtail's automatic redirects when a page's slug changes or
it moves, and the redirects staff import in the admin (Settings → Redirects → Import)."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish changes as the editor's Publish button does. Wagtail makes the
    redirect once the change is committed, so the commit's callbacks run."""

    def publish(page, **fields):
        for name, value in fields.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


@pytest.fixture
def english_articles(site_tree, english):
    english_home = site_tree["home"].copy_for_translation(english)
    english_home.save_revision().publish()
    return factories.ArticleIndexPageFactory(
        parent=english_home, title="Articles", slug="articles", locale=english
    )


def assert_moved_permanently(client, old, page):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == page.url
    assert client.get(response["Location"]).status_code == 200


def test_changing_a_thai_pages_slug_keeps_its_old_address(site_tree, client, publish):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], slug="partner-support")
    old = page.url

    publish(page, slug="working-with-partners")

    assert page.url != old
    assert_moved_permanently(client, old, page)
    assert Redirect.objects.get().automatically_created


def test_changing_an_english_pages_slug_keeps_its_old_address(english_articles, client, publish):
    page = factories.ArticlePageFactory(
        parent=english_articles, slug="partner-support", locale=english_articles.locale
    )
    old = page.url
    assert old.startswith("/en/articles/")

    publish(page, slug="working-with-partners")

    assert_moved_permanently(client, old, page)


def test_moving_a_thai_page_keeps_its_old_address(site_tree, client):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], slug="annual-report")
    news = factories.ArticleIndexPageFactory(parent=site_tree["home"], title="ข่าว", slug="news")
    old = page.url

    page.move(news, pos="last-child")
    page.refresh_from_db()

    assert page.url.startswith("/news/")
    assert_moved_permanently(client, old, page)


def test_moving_an_english_page_keeps_its_old_address(english_articles, client):
    english = english_articles.locale
    page = factories.ArticlePageFactory(
        parent=english_articles, slug="annual-report", locale=english
    )
    news = factories.ArticleIndexPageFactory(
        parent=english_articles.get_parent(), title="News", slug="news", locale=english
    )
    old = page.url

    page.move(news, pos="last-child")
    page.refresh_from_db()

    assert page.url.startswith("/en/news/")
    assert_moved_permanently(client, old, page)


def test_renaming_twice_keeps_both_old_addresses_pointing_at_the_current_one(
    site_tree, client, publish
):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], slug="first")
    first = page.url
    publish(page, slug="second")
    second = page.url
    publish(page, slug="third")

    assert_moved_permanently(client, first, page)
    assert_moved_permanently(client, second, page)


NEW_SITE = "https://www.example-foundation.org"


def import_in_admin(editor_client, csv_text, name="old-addresses.csv"):
    """Settings → Redirects → Import, as staff do it: upload, then choose the columns."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, csv_text.encode("utf-8"), content_type="text/csv")
    chosen = editor_client.post(reverse("wagtailredirects:start_import"), {"import_file": upload})
    assert chosen.status_code == 200
    form = chosen.context["form"]
    assert [label for _value, label in form.fields["from_index"].choices][1:] == [
        "old_url",
        "new_url",
    ]
    return editor_client.post(
        reverse("wagtailredirects:process_import"),
        {
            "import_file_name": form.initial["import_file_name"],
            "input_format": form.initial["input_format"],
            "from_index": "0",
            "to_index": "1",
            "site": "",
            "permanent": "on",
        },
    )


def test_staff_import_a_csv_of_old_addresses_in_the_admin(site_tree, editor_client, client):
    page = factories.ArticlePageFactory(parent=site_tree["articles"], slug="annual-report")
    thai_slug = "รายงานประจำปี"
    done = import_in_admin(
        editor_client,
        "old_url,new_url\n"
        # The new address as staff copy it from the browser: the admin asks for a full URL.
        f"/post/{thai_slug},{NEW_SITE}{page.url}\n"
        "/2019/06/annual-report.html,https://www.example-foundation.org/en/\n",
    )

    # With no row refused, the admin goes back to the list of redirects.
    assert done.status_code == 302
    assert done["Location"] == reverse("wagtailredirects:index")
    listing = editor_client.get(done["Location"])
    assert f"/post/{thai_slug}".encode() in listing.content
    assert Redirect.objects.filter(is_permanent=True).count() == 2
    editor_client.logout()
    for old in (f"/post/{quote(thai_slug)}", f"/post/{quote(thai_slug)}/?fbclid=IwAR0"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == f"{NEW_SITE}{page.url}"
    assert client.get(page.url).status_code == 200
    assert client.get("/2019/06/annual-report.html").status_code == 301


def test_readers_cannot_reach_the_redirect_import(site_tree, client):
    response = client.get(reverse("wagtailredirects:start_import"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
