"""Browser fixtures: Debian's chromium, driven by Playwright's sync API, sized like a phone.

Playwright's own browser download is not used: the system chromium (CHROMIUM_PATH,
default /usr/bin/chromium) is launched once per test process, by Playwright's
browser server (`playwright launch-server`), so it has the same switches as a
browser that `chromium.launch()` starts; each test connects to it, which costs
about half of a launch. The tests fail, rather than skip, without it.

Playwright's sync API keeps an asyncio event loop running in the test thread while
it is started. Django's connection handler sees the running loop and hands that
thread a *second* set of database connections (asgiref's Local switches to
context-local storage), without the test database's serialized contents, and the
ORM refuses to run there unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Setting it is not
enough: the database fixtures' flush and restore would then use the wrong
connection, and the variable leaks into other tests' subprocesses (where
`check --deploy` rightly fails on it). So Playwright only runs between the database
work: `browser_data` (which a test module overrides to load its data and work out
everything it will check) runs first, Playwright starts and connects to the browser
after it, and stops before pytest-django flushes the database. Test bodies make no
ORM calls; if one slips in, Django raises SynchronousOnlyOperation. The browser
itself runs in its own process, out of the test thread's way.

The reader journeys only read pages: they read the served demo site that the
validators check (tests/served_site.py), and use no database at all.
"""

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}
TIMEOUT_MS = 20_000
BROWSER_START_SECONDS = 60


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def chromium_path():
    configured = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM)
    path = shutil.which(configured)
    if not path:
        pytest.fail(
            f"No Chromium at {configured!r}. The browser tests drive Debian's chromium: "
            "install it with `apt-get install chromium fonts-thai-tlwg`, or set CHROMIUM_PATH "
            "to a Chromium or Chrome executable. (Playwright's own browser download is not used.)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser_server(chromium_path, tmp_path_factory):
    """The address of the one Chromium of the run, for `chromium.connect()`."""
    options = tmp_path_factory.mktemp("browser-server") / "launch.json"
    options.write_text(
        json.dumps({"executablePath": chromium_path, "args": CHROMIUM_ARGS, "headless": True})
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium"]
        + ["--config", str(options)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so that it stops as a whole
    )
    endpoint = ""
    deadline = time.monotonic() + BROWSER_START_SECONDS
    while not endpoint and server.poll() is None and time.monotonic() < deadline:
        if select.select([server.stdout], [], [], 1)[0]:
            endpoint = server.stdout.readline().strip()
    if not endpoint.startswith("ws://"):
        _stop_browser_server(server)
        pytest.fail(
            f"Playwright's browser server did not start {chromium_path} "
            f"within {BROWSER_START_SECONDS} s (it said {endpoint!r}; its errors are above).",
            pytrace=False,
        )
    yield endpoint
    _stop_browser_server(server)


def _stop_browser_server(server):
    """SIGTERM: the server closes Chromium (in a process group of its own) as it stops."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except ProcessLookupError:
        pass  # it has stopped already
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


@pytest.fixture
def browser_data(transactional_db, live_server):
    """What the test needs in the database, set up before the browser starts.

    Test modules override this fixture; whatever it returns must be plain values
    (paths, titles), since the test body runs while the browser is up.
    """
    return


@pytest.fixture
def browser(browser_server, browser_data):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.connect(browser_server)
        yield browser
        # Closes the contexts this test opened and disconnects; Chromium stays up.
        browser.close()


@pytest.fixture
def site_url(live_server):
    """Where the site under test answers: Django's live server, on the test database."""
    return live_server.url


@pytest.fixture
def http_errors():
    """Responses of 400 and above from the site under test, collected by `phone`."""
    return []


@pytest.fixture
def phone(browser, site_url, request, http_errors):
    """A fresh Thai-speaking phone browser tab (390×844)."""
    context = browser.new_context(
        viewport=PHONE_VIEWPORT,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="th-TH",
        timezone_id="Asia/Bangkok",
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    origin = urlsplit(site_url).netloc

    def record(response):
        parts = urlsplit(response.url)
        if parts.netloc == origin and response.status >= 400 and parts.path != "/favicon.ico":
            http_errors.append(f"{response.status} {response.request.method} {parts.path}")

    page.on("response", record)
    yield page

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
        if cache is not None:
            folder = cache.mkdir("browser-screenshots")
        else:
            folder = Path(tempfile.mkdtemp(prefix="browser-screenshots-"))
        target = folder / f"{request.node.name}.png"
        try:
            page.screenshot(path=str(target), full_page=True)
            print(f"Screenshot of the failing page ({page.url}): {target}")
        except Exception as error:  # a screenshot must not hide the failure itself
            print(f"Could not take a screenshot: {error}")
    context.close()
