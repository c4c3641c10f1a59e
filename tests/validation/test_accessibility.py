"""axe-core, run in Debian's chromium, finds no WCAG 2.1 A or AA violation."""

import os

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, DEFAULT_CHROMIUM, PHONE_VIEWPORT

from .conftest import NODE_MODULES, USER_AGENT, one_page_per_kind, require_tool

AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": PHONE_VIEWPORT, "desktop": {"width": 1280, "height": 900}}

pytestmark = pytest.mark.validation


def open_story_form_errors(tab, url):
    """Send the story form empty, past the browser's own required-field checks."""
    tab.goto(url)
    tab.locator("form.story-form, main form[method=post]").first.evaluate(
        "form => form.setAttribute('novalidate', '')"
    )
    tab.locator("main form[method=post] [type=submit]").last.click()
    tab.wait_for_load_state()


def axe_violations(tab):
    tab.add_script_tag(path=str(AXE_SCRIPT))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_A_AA
    )
    return result["violations"]


def describe(violation):
    nodes = "\n".join(
        f"      {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
        for node in violation["nodes"][:5]
    )
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']}\n{nodes}"


def test_no_wcag_violations(served_site, checked_pages):
    from playwright.sync_api import sync_playwright

    chromium = require_tool(
        os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM), "apt-get install chromium"
    )
    require_tool(AXE_SCRIPT, "run `npm ci` (make test does) to install axe-core")
    failures = []
    checked = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for viewport_name, viewport in VIEWPORTS.items():
            for page in one_page_per_kind(checked_pages):
                # A fresh visitor each time: the cookie banner is on every page they see.
                context = browser.new_context(
                    viewport=viewport, locale="th-TH", user_agent=USER_AGENT
                )
                tab = context.new_page()
                if page.post_empty_form:
                    open_story_form_errors(tab, page.url)
                else:
                    response = tab.goto(page.url)
                    assert response.status == page.status, f"{page.name}: {response.status}"
                violations = axe_violations(tab)
                checked += 1
                if violations:
                    failures.append(
                        f"{page.name} <{page.url}> ({viewport_name}):\n"
                        + "\n".join(describe(v) for v in violations)
                    )
                context.close()
        browser.close()
    assert checked == len(VIEWPORTS) * len({(p.kind, p.language) for p in checked_pages})
    assert not failures, "WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
