"""The reader's cookie choice, kept in one first-party cookie and nowhere else.

The cookie holds a format version and a yes or no for each category the reader
was asked about, e.g. ``v1.media-yes.stats-no``: no identifier, nothing about
the reader. A category the reader has not been asked about (statistics, once
staff add an analytics script) brings the banner back; a new format version
does too.
"""

from dataclasses import dataclass

from django.conf import settings

COOKIE_NAME = "consent"
VERSION = "v1"
MAX_AGE = 180 * 24 * 3600  # six months, then the reader is asked again

MEDIA = "media"
STATS = "stats"
CATEGORIES = (MEDIA, STATS)

_REQUEST_ATTRIBUTE = "_privacy_consent"
# Set when a response was shaped by the cookie, so that caches keep one copy per choice.
READ_ATTRIBUTE = "_privacy_consent_read"


@dataclass(frozen=True)
class Consent:
    decided: frozenset = frozenset()
    granted: frozenset = frozenset()

    def allows(self, category):
        return category in self.granted

    def has_decided(self, categories):
        return set(categories) <= self.decided

    def with_choices(self, choices):
        """A copy with {category: True/False} applied over the earlier choices."""
        decided = set(self.decided) | set(choices)
        granted = (set(self.granted) - set(choices)) | {c for c, yes in choices.items() if yes}
        return Consent(frozenset(decided), frozenset(granted))

    def cookie_value(self):
        parts = [VERSION]
        for category in CATEGORIES:
            if category in self.decided:
                parts.append(f"{category}-{'yes' if category in self.granted else 'no'}")
        return ".".join(parts)


def parse(value):
    """The choice in a cookie value; anything unexpected counts as no choice."""
    parts = (value or "")[:200].split(".")
    if parts[0] != VERSION:
        return Consent()
    decided, granted = set(), set()
    for part in parts[1:]:
        category, _sep, answer = part.partition("-")
        if category in CATEGORIES and answer in ("yes", "no"):
            decided.add(category)
            if answer == "yes":
                granted.add(category)
    return Consent(frozenset(decided), frozenset(granted))


def consent_for(request):
    """The request's consent, read once, and remembered as read for Vary: Cookie."""
    setattr(request, READ_ATTRIBUTE, True)
    consent = getattr(request, _REQUEST_ATTRIBUTE, None)
    if consent is None:
        consent = parse(request.COOKIES.get(COOKIE_NAME))
        setattr(request, _REQUEST_ATTRIBUTE, consent)
    return consent


def store(response, request, consent):
    response.set_cookie(
        COOKIE_NAME,
        consent.cookie_value(),
        max_age=MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        # The page's script reads it: a cached page is the same for every reader,
        # and follows the reader's choice in the browser. It holds only the choice.
        httponly=False,
        path=settings.SESSION_COOKIE_PATH,
    )
    setattr(request, _REQUEST_ATTRIBUTE, consent)
