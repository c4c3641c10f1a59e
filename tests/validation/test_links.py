"""linkchecker (Debian's) crawls the whole demo site and finds no broken link."""

import re
import subprocess

import pytest

from .conftest import require_tool

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]

# linkchecker waits 0.1 to 0.6 s between two requests to a host, about three a
# second, unless the host answers with a `LinkChecker` header (scripts/demo_site.py
# does) and a higher rate is configured: the crawl is then bound by the site alone.
FULL_SPEED = "[checking]\nmaxrequestspersecond=1000\n"


def test_no_broken_internal_links(served_site, tmp_path):
    linkchecker = require_tool("linkchecker", "apt-get install linkchecker")
    config = tmp_path / "linkcheckerrc"
    config.write_text(FULL_SPEED)
    result = subprocess.run(
        [
            linkchecker,
            f"--config={config}",
            "--no-status",
            "--no-warnings",
            "--threads=4",
            "--timeout=120",
            # Staff pages are behind a login; the crawl is about what readers reach.
            "--ignore-url=/admin/",
            "--ignore-url=/django-admin/",
            served_site.url("/"),
            served_site.url("/en/"),
        ],
        capture_output=True,
        text=True,
    )
    summary = [line for line in result.stdout.splitlines() if "links in" in line]
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]
    assert summary and re.search(r"(?<!\d)0 errors found", summary[-1]), summary
