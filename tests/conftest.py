import pytest
from wagtail.models import Locale, Site

from home.models import HomePage

from . import factories


@pytest.fixture
def home_page(db):
    """The Thai home page that the migrations create as the site root."""
    return HomePage.objects.get(locale__language_code="th")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def site_tree(home_page):
    """Home with its four sections, as a foundation's site has them."""
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return {
        "home": home_page,
        "articles": factories.ArticleIndexPageFactory(parent=home_page),
        "events": factories.EventIndexPageFactory(parent=home_page),
        "ebooks": factories.EbookIndexPageFactory(parent=home_page),
        "partners": factories.PartnerIndexPageFactory(parent=home_page),
    }
