"""``manage.py import_pages``: documents in, draft or published pages out, all or nothing."""

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage, EventSummaryPage

from . import factories
from .failures import fail_on_second_call

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"


def sample(name):
    return str(SAMPLES / name)


def run(*args, **options):
    out = StringIO()
    call_command("import_pages", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue().splitlines()


def numbered_lists(page):
    return [
        [(item["label"], item["text"], item["level"]) for item in block.value["items"]]
        for block in page.body
        if block.block_type == "numbered_list"
    ]


def test_article_is_created_as_a_draft_under_the_article_index(site_tree):
    lines = run(sample("partner_support.txt"), type="article")

    page = ArticlePage.objects.get()
    assert page.get_parent().pk == site_tree["articles"].pk
    assert page.title == "การทำงานร่วมกับภาคีเครือข่าย"
    assert page.kind == ArticlePage.Kind.NEWS
    assert not page.live
    assert page.has_unpublished_changes
    assert page.latest_revision is not None
    # Thai titles get a readable romanised address, not an empty or numeric slug.
    assert re.fullmatch(r"[a-z0-9-]+", page.slug) and len(page.slug) > 10
    assert lines == [f'Created article "{page.title}" at /admin/pages/{page.pk}/edit/ (draft)']


def test_numbered_lists_are_stored_with_labels_and_levels(site_tree):
    run(sample("partner_support.txt"), type="article")

    page = ArticlePage.objects.get()
    first = numbered_lists(page)[0]
    assert [(label, level) for label, _text, level in first] == [
        ("1.", "1"),
        ("1.1", "2"),
        ("1.2", "2"),
        ("1.3", "2"),
        ("2.", "1"),
        ("2.1", "2"),
        ("2.2", "2"),
        ("2.3", "2"),
    ]
    assert first[5][1] == "ข้อมูลกรณีศึกษาเพื่อใช้ในการรณรงค์"
    assert [block.block_type for block in page.body].count("heading") == 3
    # The stored body passes the same validation as the page editor.
    ArticlePage.body.field.stream_block.clean(page.body)


def test_intro_is_the_first_paragraph(site_tree):
    run(sample("event_report.txt"), type="article")

    page = ArticlePage.objects.get()
    assert page.intro == "รายงานความก้าวหน้าประจำเดือน (16 สิงหาคม-15 กันยายน 2562)"


def test_kind_option_sets_the_article_kind(site_tree):
    run(sample("partner_support.txt"), type="article", kind="partner_support")

    assert ArticlePage.objects.get().kind == ArticlePage.Kind.PARTNER_SUPPORT


def test_publish_makes_the_event_live_with_dates_from_the_text(site_tree):
    events_url = site_tree["events"].url
    lines = run(sample("event_report.txt"), type="event", parent=events_url, publish=True)

    page = EventSummaryPage.objects.get()
    assert page.get_parent().pk == site_tree["events"].pk
    assert page.live
    assert not page.has_unpublished_changes
    assert (page.start_date, page.end_date) == (
        datetime.date(2019, 8, 21),
        datetime.date(2019, 8, 23),
    )
    assert numbered_lists(page) == [
        [
            ("1.", "ผู้เข้าร่วมเข้าใจบทบาทของสื่อในการขับเคลื่อนสังคม", "1"),
            ("2.", "ผู้เข้าร่วมสามารถเล่าเรื่องงานของตนให้สาธารณะเข้าใจได้", "1"),
            ("3.", "ผู้เข้าร่วมวางแผนสื่อสารของกลุ่มตนเองได้", "1"),
        ]
    ]
    assert page.full_url == f"http://testserver{events_url}{page.slug}/"
    assert lines == [f'Created event "{page.title}" at {page.full_url}']


def test_event_date_option_is_used_for_a_document_without_a_date(site_tree):
    run(sample("article.html"), type="event", event_date="2024-03-01:2024-03-02")

    page = EventSummaryPage.objects.get()
    assert (page.start_date, page.end_date) == (
        datetime.date(2024, 3, 1),
        datetime.date(2024, 3, 2),
    )
    assert page.title == "แนวคิดการจัดตั้งกลุ่ม & เครือข่ายผู้บริโภค"


def test_event_without_a_date_is_refused_naming_the_file(site_tree):
    with pytest.raises(CommandError, match=r"article\.html: no event date found.*--event-date"):
        run(sample("article.html"), type="event")

    assert not EventSummaryPage.objects.exists()


@pytest.mark.parametrize("value", ["14/06/2019", "2019-06-19:2019-06-14", "2019-06-14:"])
def test_bad_event_date_option_is_refused(site_tree, value):
    with pytest.raises(CommandError, match="--event-date"):
        run(sample("article.html"), type="event", event_date=value)


def test_several_files_give_one_page_and_one_line_each(site_tree):
    lines = run(sample("partner_support.txt"), sample("article.html"), type="article")

    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert titles == {"การทำงานร่วมกับภาคีเครือข่าย", "แนวคิดการจัดตั้งกลุ่ม & เครือข่ายผู้บริโภค"}
    assert len(lines) == 2
    assert all(line.startswith('Created article "') for line in lines)


def test_documents_with_the_same_title_get_different_addresses(site_tree):
    run(sample("partner_support.txt"), sample("partner_support.txt"), type="article")

    slugs = list(ArticlePage.objects.values_list("slug", flat=True))
    assert len(slugs) == 2 and len(set(slugs)) == 2


def test_one_bad_file_means_no_pages_at_all(site_tree, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes("รายงาน".encode() + b"\n\xff\xfe caf\xe9")

    with pytest.raises(CommandError) as error:
        run(sample("partner_support.txt"), str(bad), sample("event_report.txt"), type="article")

    assert "Nothing was imported" in str(error.value)
    assert "broken.txt: is not UTF-8" in str(error.value)
    assert not ArticlePage.objects.exists()


def test_a_failure_while_creating_rolls_back_pages_already_created(site_tree, monkeypatch):
    fail_on_second_call(monkeypatch, ArticlePage, "save_revision")
    with pytest.raises(RuntimeError):
        run(sample("partner_support.txt"), sample("article.html"), type="article")

    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("café".encode("latin-1"), "is not UTF-8: byte 0xE9 at offset 3"),
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text document"),
        ("รายงาน".encode("utf-16"), "is not UTF-8 (it is saved as UTF-16)"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(site_tree, tmp_path, content, message):
    path = tmp_path / "upload.txt"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=f"upload.txt: {re.escape(message)}"):
        run(str(path), type="article")
    assert not ArticlePage.objects.exists()


def test_missing_file_is_refused(site_tree, tmp_path):
    with pytest.raises(CommandError, match="nothing-here.txt: file not found"):
        run(str(tmp_path / "nothing-here.txt"), type="article")


def test_unknown_type_is_refused(site_tree):
    with pytest.raises(CommandError, match='Unknown --type "blog"'):
        run(sample("partner_support.txt"), type="blog")


def test_unknown_parent_is_refused(site_tree):
    with pytest.raises(CommandError, match='No page at "/news/"'):
        run(sample("partner_support.txt"), type="article", parent="/news/")
    assert not ArticlePage.objects.exists()


def test_parent_that_cannot_hold_the_page_type_is_refused(site_tree):
    events_url = site_tree["events"].url
    with pytest.raises(CommandError, match=f'"{events_url}" .*cannot hold articles'):
        run(sample("partner_support.txt"), type="article", parent=events_url)
    with pytest.raises(CommandError, match="cannot hold event summaries"):
        run(sample("event_report.txt"), type="event", parent="/")
    assert not Page.objects.type(ArticlePage, EventSummaryPage).exists()


def test_without_an_index_page_the_command_says_what_to_do(home_page):
    with pytest.raises(CommandError, match="no article index .*--parent"):
        run(sample("partner_support.txt"), type="article")


def test_english_parent_by_url_path(site_tree, english):
    english_home = site_tree["home"].copy_for_translation(english)
    english_home.save_revision().publish()
    english_articles = factories.ArticleIndexPageFactory(
        parent=english_home, title="Articles", slug="articles", locale=english
    )

    run(sample("article.html"), type="article", parent="/en/articles/")

    page = ArticlePage.objects.get()
    assert page.get_parent().pk == english_articles.pk
    assert page.locale == english


def test_english_locale_without_english_pages_is_refused(site_tree):
    with pytest.raises(CommandError, match=r"no English \(en\) version"):
        run(sample("article.html"), type="article", locale="en")


def test_default_parent_is_in_the_default_thai_locale(site_tree):
    run(sample("article.html"), type="article")

    page = ArticlePage.objects.get()
    assert page.locale.language_code == "th"
    assert page.get_parent().pk == ArticleIndexPage.objects.get(locale__language_code="th").pk


def test_command_line_errors_exit_with_1_and_no_traceback(site_tree, capsys):
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["manage.py", "import_pages", "missing-report.txt", "--type", "article"]
        ).execute()

    assert exit_info.value.code == 1
    stderr = capsys.readouterr().err
    assert "missing-report.txt: file not found" in stderr
    assert "Traceback" not in stderr
