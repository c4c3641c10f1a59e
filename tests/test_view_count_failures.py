"""A view counter that cannot write never changes the page a reader gets.

Another connection holds the database's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: the counter table locked against writes) while a reader opens an
article: the article is served in full, the failure is logged with the page's
id, and the view simply goes uncounted. The counter gives up after a short
wait instead of the 30 s a story's save may wait.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL pointing at one.
"""

import logging
from urllib.parse import urlsplit

import pytest

from audience.models import PageViewCount

from . import factories
from .database_locks import write_lock_held

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
READER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"


def read(client, page, user_agent=READER):
    return client.get(urlsplit(page.url).path, headers={"User-Agent": user_agent})


def served_once(client, page):
    """A live site has served its pages before: Wagtail has made its settings
    rows then. A robot's visit does that without counting a view."""
    assert read(client, page, ROBOT).status_code == 200
    assert PageViewCount.views_of(page.pk) == 0


@pytest.mark.parametrize("earlier_views", [0, 41], ids=["first view", "a later view"])
def test_a_locked_counter_leaves_the_page_whole_and_logs_it(
    client, site_tree, caplog, earlier_views
):
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"], title="บทเรียนจากเวทีภาคีภาคเหนือ", hero_image=None
    )
    served_once(client, article)
    if earlier_views:
        PageViewCount.objects.create(page=article, views=earlier_views)

    with (
        write_lock_held("audience_pageviewcount"),
        caplog.at_level(logging.WARNING, logger="audience"),
    ):
        response = read(client, article)

    assert response.status_code == 200
    html = response.content.decode()
    assert "บทเรียนจากเวทีภาคีภาคเหนือ" in html
    assert "มูลนิธิทำงานกับภาคีหลายระดับ" in html
    failures = [r for r in caplog.records if r.name.startswith("audience")]
    assert len(failures) == 1
    assert str(article.pk) in failures[0].getMessage()
    assert failures[0].exc_info is not None
    assert PageViewCount.views_of(article.pk) == earlier_views


def test_once_the_lock_is_gone_views_are_counted_again(client, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], hero_image=None)
    served_once(client, article)
    with write_lock_held("audience_pageviewcount"):
        assert read(client, article).status_code == 200
    assert read(client, article).status_code == 200
    assert PageViewCount.views_of(article.pk) == 1
