"""A view counter that cannot write never fails the reader.

Another connection holds the database's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: the counter table locked against writes) while a reader's page
reports its view: the report is answered with the count as it was, the failure
is logged with the page's id, and the view simply goes uncounted. The counter gives up after a short
wait instead of the 30 s a story's save may wait.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL pointing at one.
"""

import logging

import pytest

from audience.models import PageViewCount

from . import factories
from .database_locks import write_lock_held
from .view_count_helpers import ROBOT, report_view

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def served_once(client, page):
    """A live site has served its pages before: Wagtail has made its settings
    rows then. A robot's visit does that without counting a view."""
    assert report_view(client, page, ROBOT).status_code == 200
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
        answer = report_view(client, article)

    assert answer.status_code == 200
    assert answer.json()["views"] == earlier_views
    failures = [r for r in caplog.records if r.name.startswith("audience")]
    assert len(failures) == 1
    assert str(article.pk) in failures[0].getMessage()
    assert failures[0].exc_info is not None
    assert PageViewCount.views_of(article.pk) == earlier_views


def test_once_the_lock_is_gone_views_are_counted_again(client, site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"], hero_image=None)
    served_once(client, article)
    with write_lock_held("audience_pageviewcount"):
        assert report_view(client, article).status_code == 200
    assert report_view(client, article).json()["views"] == 1
    assert PageViewCount.views_of(article.pk) == 1
