"""``import_pages --old-url / --old-urls``: links to the old site builder keep working."""

from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect

from articles.models import ArticlePage

from . import factories
from .failures import fail_on_second_call

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"
OLD_SITE = "https://www.example-foundation.org"
THAI_SLUG = "การทำงานร่วมกับภาคีเครือข่าย"


def sample(name):
    return str(SAMPLES / name)


def run(*args, **options):
    out = StringIO()
    call_command("import_pages", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue().splitlines()


def write_csv(tmp_path, text):
    path = tmp_path / "old-addresses.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_imported_page_answers_its_old_address_with_a_301(site_tree, client):
    # As shared in LINE: the Thai slug percent-encoded, Facebook's click id appended.
    shared_link = f"{OLD_SITE}/post/{quote(THAI_SLUG)}?fbclid=IwAR0abc"
    lines = run(sample("partner_support.txt"), type="article", publish=True, old_url=shared_link)

    page = ArticlePage.objects.get()
    assert page.live
    for old in (
        f"/post/{quote(THAI_SLUG)}",
        f"/post/{quote(THAI_SLUG)}/",
        f"/post/{quote(THAI_SLUG)}?fbclid=IwAR9other",
        f"/post/{quote(THAI_SLUG)}/?fbclid=IwAR0abc&utm_source=line",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url
    assert client.get(page.url).status_code == 200
    assert lines[-1] == f"Old address /post/{THAI_SLUG} redirects (301) to {page.url}"


def test_csv_gives_each_file_its_old_addresses(site_tree, client, tmp_path):
    csv_file = write_csv(
        tmp_path,
        "file,old_url\n"
        f"partner_support.txt,{OLD_SITE}/post/{THAI_SLUG}\n"
        "partner_support.txt,https://mooniti.wixsite.com/site/post/partners\n"
        "event_report.txt,https://mooniti.blogspot.com/2019/09/progress-report.html\n"
        "event_report.txt,/index.php?p=42\n",
    )
    run(
        sample("partner_support.txt"),
        sample("event_report.txt"),
        type="article",
        publish=True,
        old_urls=csv_file,
    )

    support = ArticlePage.objects.get(title="การทำงานร่วมกับภาคีเครือข่าย")
    report = ArticlePage.objects.exclude(pk=support.pk).get()
    assert client.get(f"/post/{quote(THAI_SLUG)}")["Location"] == support.url
    assert client.get("/site/post/partners/")["Location"] == support.url
    assert client.get("/2019/09/progress-report.html")["Location"] == report.url
    # A query that was the old site's own address stays part of it.
    assert client.get("/index.php?p=42")["Location"] == report.url
    assert client.get("/index.php?p=43").status_code == 404
    assert Redirect.objects.filter(is_permanent=True).count() == 4


def test_redirect_follows_the_page_to_its_current_address(site_tree, client):
    run(sample("article.html"), type="article", publish=True, old_url="/post/old-news")
    page = ArticlePage.objects.get()
    page.slug = "renamed-news"
    page.save_revision().publish()
    page.refresh_from_db()

    response = client.get("/post/old-news")
    assert response.status_code == 301
    assert response["Location"] == page.url
    assert page.url.endswith("/renamed-news/")


def test_draft_import_keeps_the_old_address_for_when_it_is_published(site_tree, client):
    lines = run(sample("article.html"), type="article", old_url="/post/draft-news")

    assert lines[-1].endswith("once the page is published")
    page = ArticlePage.objects.get()
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get("/post/draft-news")["Location"] == page.url


def test_redirects_reach_english_pages(site_tree, english, client):
    english_home = site_tree["home"].copy_for_translation(english)
    english_home.save_revision().publish()
    factories.ArticleIndexPageFactory(
        parent=english_home, title="Articles", slug="articles", locale=english
    )
    run(
        sample("article.html"),
        type="article",
        parent="/en/articles/",
        publish=True,
        old_url="https://site.wixsite.com/name/post/our-news",
    )

    page = ArticlePage.objects.get()
    response = client.get("/name/post/our-news")
    assert response.status_code == 301
    assert response["Location"] == page.url
    assert page.url.startswith("/en/articles/")


@pytest.mark.parametrize(
    ("old_url", "message"),
    [
        ("post/no-slash", 'neither a full address .* nor a path starting with "/"'),
        ("ftp://files.example.org/report", r"not a web address \(http:// or https://\)"),
        ("javascript:alert(1)", "not a web address"),
        ("https:///post/x", "has no host name"),
        ("https://example.org:port/post/x", "is not a valid address"),
        ("/post/with space", "has spaces in it"),
        (OLD_SITE + "/", "is the home page"),
    ],
)
def test_malformed_old_address_is_refused_before_anything_is_written(site_tree, old_url, message):
    with pytest.raises(CommandError, match=message):
        run(sample("article.html"), type="article", publish=True, old_url=old_url)

    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()


def test_old_address_of_an_existing_page_is_refused(site_tree):
    existing = factories.ArticlePageFactory(parent=site_tree["articles"], slug="kept")

    with pytest.raises(CommandError, match=f'is the address of the page "{existing.title}"'):
        run(sample("article.html"), type="article", old_url=f"{OLD_SITE}{existing.url}")

    assert ArticlePage.objects.get().pk == existing.pk
    assert not Redirect.objects.exists()


def test_old_address_that_already_redirects_is_refused(site_tree):
    Redirect.add_redirect("/post/taken", redirect_to="/somewhere/")

    with pytest.raises(CommandError, match="/post/taken already redirects somewhere"):
        run(sample("article.html"), type="article", old_url="/post/taken/?fbclid=x")

    assert not ArticlePage.objects.exists()
    assert Redirect.objects.count() == 1


def test_csv_problems_are_all_listed_and_nothing_is_written(site_tree, tmp_path):
    csv_file = write_csv(
        tmp_path,
        f"partner_support.txt,{OLD_SITE}/post/same\n"
        "event_report.txt,/post/same/?fbclid=abc\n"
        "missing.txt,/post/other\n"
        "event_report.txt,mailto:office@example.org\n",
    )

    with pytest.raises(CommandError) as error:
        run(
            sample("partner_support.txt"),
            sample("event_report.txt"),
            type="article",
            old_urls=csv_file,
        )

    message = str(error.value)
    assert "old-addresses.csv line 2: /post/same is already given at " in message
    assert "old-addresses.csv line 1" in message
    assert 'line 3: "missing.txt" is not one of the files being imported' in message
    assert "line 4: " in message and "not a web address" in message
    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()


def test_csv_row_without_two_columns_is_refused(site_tree, tmp_path):
    csv_file = write_csv(tmp_path, "article.html\n")

    with pytest.raises(CommandError, match="line 1: expected two columns, file and old_url"):
        run(sample("article.html"), type="article", old_urls=csv_file)
    assert not ArticlePage.objects.exists()


def test_old_url_option_needs_exactly_one_file(site_tree):
    with pytest.raises(CommandError, match="--old-url is for importing one file"):
        run(
            sample("article.html"),
            sample("partner_support.txt"),
            type="article",
            old_url="/post/x",
        )
    assert not ArticlePage.objects.exists()


def test_failure_while_writing_redirects_leaves_no_pages(site_tree, tmp_path, monkeypatch):
    csv_file = write_csv(tmp_path, "article.html,/post/a\npartner_support.txt,/post/b\n")
    fail_on_second_call(monkeypatch, Redirect, "save")
    with pytest.raises(RuntimeError):
        run(
            sample("article.html"), sample("partner_support.txt"), type="article", old_urls=csv_file
        )

    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()
