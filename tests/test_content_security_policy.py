"""An enforced Content-Security-Policy: a script that someone slips into a page
(through content, a provider's markup or a stray template) does not run, because
the browser runs only the site's own files and the one inline script the policy
names by its hash. A hash, not a nonce: a cached page is the same response for
every reader, and a nonce repeated in every copy would be no nonce at all.
The admin has its own, looser policy.

The browser tests (tests/browser/test_content_security_policy.py) show that the
policy breaks nothing: no page reports a violation.
"""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from core.page_script import script_hash
from privacy.models import PrivacySettings

from . import factories

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"
ANALYTICS_URL = "https://stats.example.org/js/script.js"
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
NONCE = re.compile(r"'nonce-([^']+)'")
INLINE_SCRIPT_TEXT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def policy_of(response):
    """The header as a dict: directive → list of sources."""
    directives = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def inline_scripts(html):
    """The attributes of every <script> that runs code written in the page itself."""
    scripts = []
    for attributes in SCRIPT_TAG.findall(html):
        if "src=" in attributes or "application/ld+json" in attributes:
            continue
        scripts.append(attributes)
    return scripts


@pytest.fixture
def public_pages(site_tree):
    article = factories.ArticlePageFactory(parent=site_tree["articles"])
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    return {
        "home": "/",
        "article": urlsplit(article.url).path,
        "event": urlsplit(event.url).path,
        "listing": urlsplit(site_tree["articles"].url).path,
        "search": "/search/?q=ภาคี",
        "consent page": "/cookie-consent/",
        "English search": "/en/search/?q=partner",
        "missing page": "/no-such-page/",
    }


def test_every_public_page_has_an_enforced_policy(client, public_pages):
    for name, path in public_pages.items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, response.status_code)
        assert HEADER in response, f"{name} ({path}) has no {HEADER}"
        assert "Content-Security-Policy-Report-Only" not in response, name
        policy = policy_of(response)
        assert policy["default-src"] == ["'self'"], name


def test_only_the_inline_script_with_the_allowed_hash_runs(client, public_pages):
    for name, path in public_pages.items():
        response = client.get(path)
        policy = policy_of(response)
        assert not NONCE.findall(" ".join(policy["script-src"])), name
        hashes = [source for source in policy["script-src"] if source.startswith("'sha256-")]
        html = response.content.decode()
        assert inline_scripts(html), f"{name} has no inline script to check"
        texts = INLINE_SCRIPT_TEXT.findall(html)
        assert [script_hash(text) for text in texts] == hashes, name


# What an attacker who gets markup into a page would try, and the directive that stops it.
ATTACKS = {
    "inline <script> or onclick=": ("script-src", "'unsafe-inline'", False),
    "eval() of a string": ("script-src", "'unsafe-eval'", False),
    "script from any https:// host": ("script-src", "https:", False),
    "<style> block without the nonce": ("style-src", "'unsafe-inline'", False),
    "<object> or <embed> plugin": ("object-src", "'none'", True),
    "<base href> that moves relative scripts": ("base-uri", "'self'", True),
    "<form action> to another site": ("form-action", "'self'", True),
    "another site framing the page (clickjacking)": ("frame-ancestors", "'self'", True),
    "fetch() of readers' data to another site": ("connect-src", "'self'", True),
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_public_policy_blocks(client, public_pages, attack):
    directive, source, expected = ATTACKS[attack]
    for name, path in public_pages.items():
        policy = policy_of(client.get(path))
        assert directive in policy, (name, directive)
        assert (source in policy[directive]) is expected, (name, attack, policy[directive])
        if expected:
            assert policy[directive] == [source], (name, attack, policy[directive])


@pytest.mark.parametrize(
    "host", ["https://evil.example", "https://www.youtube.com.evil.example", "http:", "https:"]
)
def test_frames_come_only_from_the_embed_providers(client, public_pages, host):
    frames = policy_of(client.get(public_pages["article"]))["frame-src"]
    assert host not in frames
    assert "https://www.youtube.com" in frames
    assert "https://player.vimeo.com" in frames


def test_the_configured_analytics_script_is_allowed_and_nothing_more(client, public_pages):
    settings = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings.analytics_script_url = ANALYTICS_URL
    settings.save()
    policy = policy_of(client.get(public_pages["article"]))
    assert "https://stats.example.org" in policy["script-src"]
    assert "https://stats.example.org" in policy["connect-src"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_has_its_own_policy(editor_client, client, public_pages):
    public = policy_of(client.get(public_pages["home"]))
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy-Report-Only" not in response
    admin = policy_of(response)
    assert admin != public
    # Wagtail's inline scripts run; a nonce beside them would stop them.
    assert "'unsafe-inline'" in admin["script-src"]
    assert not NONCE.search(" ".join(admin["script-src"]))
    assert "'unsafe-eval'" not in admin["script-src"]
    for directive in ("object-src", "base-uri", "form-action", "frame-ancestors"):
        assert admin[directive] == public[directive], directive
    # The live preview frames the site itself; otherwise the same embed providers.
    assert admin["frame-src"] == ["'self'", *public["frame-src"]]


def test_the_admin_login_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in policy_of(response)["script-src"]
