"""The page an address leads to is kept between requests (core/route_cache.py), for
staff as for readers and with the page cache off, and is never the wrong page.

Each test reads its addresses once so that their routes are kept, changes the tree the
way the admin does, and reads them again.
"""

import pytest
from wagtail.models import PageViewRestriction

from . import factories
from .page_cache_helpers import path_of

pytestmark = pytest.mark.django_db


def text_of(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.fixture
def article(site_tree):
    return factories.ArticlePageFactory(parent=site_tree["articles"], title="บทความเส้นทางเดิม")


@pytest.fixture(params=["reader", "staff"])
def visitor(request, client, django_user_model):
    if request.param == "staff":
        user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
        client.force_login(user)
    return client


def test_a_moved_page_is_found_at_its_new_address_only(visitor, site_tree, article):
    old_url = path_of(article)
    assert text_of(visitor, old_url)[0] == 200
    archive = factories.ArticleIndexPageFactory(parent=site_tree["home"], title="คลังเก่า")

    article.move(archive, pos="last-child")
    article.refresh_from_db()

    status, text = text_of(visitor, old_url)
    assert status in (301, 302, 404)
    assert "บทความเส้นทางเดิม" not in text
    assert "บทความเส้นทางเดิม" in text_of(visitor, path_of(article))[1]


def test_a_renamed_section_takes_its_pages_to_the_new_address(visitor, site_tree, article):
    old_url = path_of(article)
    assert text_of(visitor, old_url)[0] == 200
    section = site_tree["articles"]

    section.slug = "khlang-botkhwam"
    section.save_revision().publish()
    article.refresh_from_db()

    assert text_of(visitor, old_url)[0] in (301, 302, 404)
    assert path_of(article).startswith("/khlang-botkhwam/")
    assert "บทความเส้นทางเดิม" in text_of(visitor, path_of(article))[1]


def test_an_unpublished_page_is_gone_from_its_kept_address(visitor, article):
    url = path_of(article)
    assert text_of(visitor, url)[0] == 200

    article.unpublish()

    assert text_of(visitor, url)[0] == 404


def test_a_page_made_private_asks_for_its_password(client, article):
    url = path_of(article)
    assert "บทความเส้นทางเดิม" in text_of(client, url)[1]

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    status, text = text_of(client, url)
    assert status == 200
    assert 'name="password"' in text
    assert "บทความเส้นทางเดิม" not in text


def test_a_partner_renamed_in_its_address_leaves_the_old_one(visitor, site_tree):
    partner = factories.PartnerFactory(name="มูลนิธิเส้นทางเดิม")
    directory = site_tree["partners"]
    old_url = directory.partner_url(partner)
    assert "มูลนิธิเส้นทางเดิม" in text_of(visitor, old_url)[1]

    partner.slug = "mulanithi-thang-mai"
    partner.save()

    assert text_of(visitor, old_url)[0] == 404
    assert "มูลนิธิเส้นทางเดิม" in text_of(visitor, directory.partner_url(partner))[1]


def test_each_language_keeps_its_own_page_for_the_same_section(client, site_tree, english):
    english_articles = factories.translate_page(
        site_tree["articles"], english, title="Articles from the network"
    )
    thai_url, english_url = path_of(site_tree["articles"]), path_of(english_articles)
    for _ in range(2):
        thai = text_of(client, thai_url)[1]
        english_text = text_of(client, english_url)[1]
        assert 'lang="th"' in thai
        assert "Articles from the network" not in thai
        assert 'lang="en"' in english_text
        assert "Articles from the network" in english_text
