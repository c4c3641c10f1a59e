"""Telling obvious robots from readers, for counting views and downloads.

Only the User-Agent header is looked at, and nothing about the request is kept.
A robot that pretends to be a browser is counted; the aim is to leave out the
crawlers, link checkers and link-preview fetchers that announce themselves.
"""

import re

# Link previews (LINE, Facebook, X, Slack…) fetch a page when someone shares it:
# that is not a reader opening it. LINE's in-app browser ("Line/13…") is a reader.
_ROBOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|scrapy|python-requests|python-urllib|httpx|"
    r"aiohttp|curl/|wget/|libwww|go-http-client|java/|okhttp|headlesschrome|lighthouse|"
    r"linkchecker|feedparser|facebookexternalhit|facebookcatalog|whatsapp|line-poker|"
    r"embedly|preview|monitor|uptime|pingdom|validator|nu html checker|axe-core",
    re.IGNORECASE,
)


def is_probable_bot(user_agent):
    """True for an empty User-Agent or one that names itself a robot or tool."""
    user_agent = (user_agent or "").strip()
    return not user_agent or bool(_ROBOT_PATTERN.search(user_agent))


def is_counted_request(request):
    """A reader's own GET of a page: not a robot, a prefetch, a preview or a HEAD."""
    if request.method != "GET":
        return False
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return False
    return not is_probable_bot(request.headers.get("User-Agent"))
