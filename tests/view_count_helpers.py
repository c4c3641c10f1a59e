"""A reader's view as the page's script reports it: the page, then a POST to the
address the page names in data-view-count."""

import re

from .page_cache_helpers import path_of

READER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
COUNT_ADDRESS = re.compile(r'data-view-count="([^"]+)"')
SHOWN_COUNT = re.compile(r'<span class="byline__item view-count__number"[^>]*>([^<]*)</span>')


def count_address(response):
    match = COUNT_ADDRESS.search(response.content.decode())
    assert match, "the page does not report its views"
    return match.group(1)


def report_view(client, page, user_agent=READER, **headers):
    """The page, and the script's report of it; returns the report's response."""
    shown = client.get(path_of(page), headers={"User-Agent": user_agent})
    assert shown.status_code == 200
    return client.post(
        count_address(shown),
        headers={"User-Agent": user_agent, "Accept": "application/json", **headers},
    )


def shown_count(response):
    """The count as the served page shows it, or "" when it shows none."""
    match = SHOWN_COUNT.search(response.content.decode())
    return match.group(1) if match else None
