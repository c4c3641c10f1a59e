"""JSON-LD for search engines: a <script> that no title can break out of, and
the small pieces every schema.org document is built from."""

import json
import unicodedata

from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_ORG = "https://schema.org"

# "<", ">" and "&" written as JSON escapes cannot close the script or open a
# comment, and parse back to the same text.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps({"@context": SCHEMA_ORG, **data}, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # escaped just above
    )


def without_blanks(data):
    """The dict without its empty values, so no property is sent empty."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def thai_address(provinces):
    """A PostalAddress in Thailand, in the given provinces (names)."""
    return without_blanks(
        {
            "@type": "PostalAddress",
            "addressRegion": ", ".join(provinces),
            "addressCountry": "TH",
        }
    )


def headline(text, length):
    """At most `length` code points (as search engines count), never splitting a
    Thai letter from its vowel or tone marks."""
    if len(text) <= length:
        return text
    cut = length - 1
    while cut > 0 and unicodedata.category(text[cut]) in ("Mn", "Mc"):
        cut -= 1
    return text[:cut].rstrip() + "…"
