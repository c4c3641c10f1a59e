import importlib

import pytest
from django.conf import settings
from django.core.cache import caches
from django.urls import clear_url_caches
from django.utils import translation
from wagtail.models import Locale, Site

from home.models import HomePage

from . import factories
from .redis_server import redis_url  # noqa: F401  (fixtures for every module)
from .served_site import served_demo_site
from .worker_process import database_tasks  # noqa: F401
from .xdist_groups import keep_xdist_groups


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    keep_xdist_groups(config, items)


@pytest.fixture(scope="session")
def served_site():
    """The served demo site that the validators and the reader journeys read."""
    with served_demo_site() as site:
        yield site


@pytest.fixture(autouse=True)
def forget_renditions():
    """Wagtail caches renditions by image id, and ids come back after each test's
    rollback: no image may be served another test's picture, and no test's query
    count may depend on what the test before it rendered."""
    cache = caches["renditions" if "renditions" in settings.CACHES else "default"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_language_left_active():
    """Each request leaves its language active in the thread (LocaleMiddleware does
    not undo it): every test starts as a fresh process does, in the site's default
    language, whatever the test before it asked for."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    """The Thai home page that the migrations create as the site root."""
    return HomePage.objects.get(locale__language_code="th")


@pytest.fixture
def editor_client(client, django_user_model):
    """A client signed in to the admin as a superuser."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def page_cache(settings):
    """The page cache on, as the site runs it (the test settings leave it off)."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


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


@pytest.fixture
def story_site(site_tree):
    """The site tree with the partners' story form, and one partner to choose."""
    return {
        **site_tree,
        "form": factories.StoryFormPageFactory(parent=site_tree["home"]),
        "partner": factories.PartnerFactory(),
    }


@pytest.fixture
def story_settings(settings, tmp_path):
    """Story settings for tests: no waiting time, no rate limit, uploads in a
    temporary directory. Tests of those limits set their own values."""
    settings.STORY_MIN_FILL_SECONDS = 0
    settings.STORY_RATE_LIMIT = 1000
    settings.STORY_UPLOADS_ROOT = tmp_path / "story-uploads"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


@pytest.fixture
def media_route(settings):
    """The /media/ route that SERVE_MEDIA adds, for tests that fetch uploaded files."""
    import config.urls

    settings.SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()
