"""axe-core, run in Debian's chromium, finds no WCAG 2.1 A or AA violation."""

import asyncio
import os

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, DEFAULT_CHROMIUM, PHONE_VIEWPORT
from tests.served_site import USER_AGENT

from .conftest import NODE_MODULES, one_page_per_kind, require_tool

AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": PHONE_VIEWPORT, "desktop": {"width": 1280, "height": 900}}
# As long as the other validators wait for a page: the first view of a page with
# photos makes their renditions, on a machine busy with other tests.
PAGE_LOAD_TIMEOUT_MS = 120_000

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]


async def forget_the_visitor(context, tab):
    """Make the next page's visitor a fresh one: no cookies, nothing stored.

    Each width checks its pages one after another in one tab rather than in a new
    browser context per page: a new context means a new renderer process, which
    compiles axe-core and Playwright's own scripts from scratch, and that made up
    most of the time of each check. What the site can tell about a visitor (its
    cookies, and the storage its scripts could read) is cleared instead, and
    `visit` makes sure the request went without a cookie.
    """
    if tab.url.startswith(("http://", "https://")):
        await tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    await context.clear_cookies()
    await context.clear_permissions()


async def visit(tab, page):
    """Open the page as a fresh visitor does; the response to the first request."""
    response = await tab.goto(page.url)
    assert response is not None, f"{page.name}: no response"
    cookie = (await response.request.all_headers()).get("cookie")
    assert cookie is None, f"{page.name}: the visitor was not a fresh one (Cookie: {cookie})"
    if page.post_empty_form:
        await send_story_form_empty(tab)
    else:
        assert response.status == page.status, f"{page.name}: {response.status}"


async def send_story_form_empty(tab):
    """Send the story form empty, past the browser's own required-field checks."""
    await tab.locator("form.story-form, main form[method=post]").first.evaluate(
        "form => form.setAttribute('novalidate', '')"
    )
    await tab.locator("main form[method=post] [type=submit]").last.click()
    await tab.wait_for_load_state()


async def axe_violations(tab):
    await tab.add_script_tag(path=str(AXE_SCRIPT))
    # Every rule of the tags runs and every violation comes back with all its
    # elements; resultTypes only spares axe listing every element that passed.
    return await tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']}).then(result => result.violations)",
        WCAG_21_A_AA,
    )


async def check_at_width(browser, viewport, pages):
    """The violations on each page, seen at one width, in the pages' order."""
    # axe-core is injected as an inline script, which the site's policy rightly refuses.
    context = await browser.new_context(
        viewport=viewport, locale="th-TH", user_agent=USER_AGENT, bypass_csp=True
    )
    context.set_default_timeout(PAGE_LOAD_TIMEOUT_MS)
    try:
        tab = await context.new_page()
        results = []
        for page in pages:
            await forget_the_visitor(context, tab)
            await visit(tab, page)
            results.append(await axe_violations(tab))
        return results
    finally:
        await context.close()


async def check_all(chromium, pages):
    """{viewport name: violations of each page}; both widths are checked at once."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            results = await asyncio.gather(
                *(check_at_width(browser, viewport, pages) for viewport in VIEWPORTS.values())
            )
        finally:
            await browser.close()
    return dict(zip(VIEWPORTS, results, strict=True))


def describe(violation):
    nodes = "\n".join(
        f"      {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
        for node in violation["nodes"][:5]
    )
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']}\n{nodes}"


def test_no_wcag_violations(served_site, checked_pages):
    chromium = require_tool(
        os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM), "apt-get install chromium"
    )
    require_tool(AXE_SCRIPT, "run `npm ci` (make test does) to install axe-core")
    pages = one_page_per_kind(checked_pages)
    results = asyncio.run(check_all(chromium, pages))
    failures = [
        f"{page.name} <{page.url}> ({viewport_name}):\n"
        + "\n".join(describe(v) for v in violations)
        for viewport_name, at_width in results.items()
        for page, violations in zip(pages, at_width, strict=True)
        if violations
    ]
    checked = sum(len(at_width) for at_width in results.values())
    assert checked == len(VIEWPORTS) * len({(p.kind, p.language) for p in checked_pages})
    assert not failures, "WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
