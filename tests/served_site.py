"""The served demo site that the validators and the reader journeys read.

`scripts/demo_site.py` serves the demo content with production settings (gunicorn,
collected static files, the real error pages), always on a SQLite database, even
when the test run is on PostgreSQL: these tests only talk to it over HTTP, as
readers' browsers, feed readers and crawlers do, and never touch the test
database. The script keeps its build in .cache/demo-site/, so a run with the same
code and demo content starts it in seconds.

One site serves a whole test process (the session fixture `served_site` in
tests/conftest.py): it starts when a test first asks for it and stops when the
run ends. Under pytest-xdist its tests share the xdist group "served-site", so
one process runs them all.
"""

import json
import os
import re
import select
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

import pytest

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_SECONDS = 900
# The validators fetch as a tool, so the site's view counts leave them out.
USER_AGENT = "site-validators (+linkchecker, Nu HTML Checker, axe-core)"


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    text: str
    headers: dict = field(default_factory=dict)


class ServedSite:
    def __init__(self, base_url, manifest):
        self.base_url = base_url
        self.manifest = manifest
        self.pages = manifest["pages"]
        self._cache = {}

    def url(self, path):
        """An absolute URL; Thai in the path or query is percent-encoded, as browsers send it."""
        return urljoin(self.base_url + "/", quote(path.lstrip("/"), safe="/?=&%"))

    def get(self, url, *, headers=None):
        if url in self._cache and not headers:
            return self._cache[url]
        response = _open(
            urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
        )
        if not headers:
            self._cache[url] = response
        return response

    def post_empty_story_form(self, url):
        """The story form sent with nothing filled in: the page that shows its errors."""
        form_page = self.get(url)
        cookie = form_page.headers.get("Set-Cookie", "")
        csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie)
        hidden = dict(
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form_page.text)
        )
        hidden.pop("website", None)  # the honeypot stays empty, as a person leaves it
        assert csrf_cookie and "csrfmiddlewaretoken" in hidden, "the story form has no CSRF token"
        return _open(
            urllib.request.Request(
                url,
                data=urlencode(hidden).encode(),
                headers={
                    "User-Agent": USER_AGENT,
                    "Cookie": f"csrftoken={csrf_cookie.group(1)}",
                    "Referer": url,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
        )

    def fetch(self, page):
        if page.post_empty_form:
            return self.post_empty_story_form(page.url)
        return self.get(page.url)


def _open(request):
    """The response to `request`, an error status included (the checks judge it)."""
    try:
        with urllib.request.urlopen(request, timeout=120) as reply:
            return _response(request.full_url, reply.status, reply)
    except urllib.error.HTTPError as error:
        return _response(request.full_url, error.code, error)


def _response(url, status, reply):
    body = reply.read()
    content_type = reply.headers.get("Content-Type", "")
    charset = reply.headers.get_content_charset() or "utf-8"
    headers = dict(reply.headers.items())
    set_cookies = reply.headers.get_all("Set-Cookie") or []
    headers["Set-Cookie"] = "; ".join(set_cookies)
    return Response(url, status, content_type, body.decode(charset, "replace"), headers)


def _start_demo_site():
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environment.pop("DATABASE_URL", None)  # SQLite, whatever the test run uses (see above)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "demo_site.py")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 5)
        if ready:
            line = process.stdout.readline()
            if line.startswith("READY "):
                _, base_url, manifest_path = line.split()
                return process, base_url, json.loads(Path(manifest_path).read_text())
            if not line and process.poll() is not None:
                break
    _stop(process)
    pytest.fail(
        "scripts/demo_site.py did not serve the demo site (its output is above).", pytrace=False
    )


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def served_demo_site():
    """The demo site, served until the block ends.

    A developer can point the tests at a demo site already running instead:
    DEMO_SITE="<base URL> <manifest path>", as scripts/demo_site.py printed them.
    """
    if os.environ.get("DEMO_SITE"):
        base_url, manifest_path = os.environ["DEMO_SITE"].split()
        yield ServedSite(base_url, json.loads(Path(manifest_path).read_text()))
        return
    process, base_url, manifest = _start_demo_site()
    try:
        yield ServedSite(base_url, manifest)
    finally:
        _stop(process)
