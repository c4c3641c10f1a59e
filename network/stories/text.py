"""Cleaning text that partners type, and turning it into page content.

Partners' text is kept as plain text. It is cleaned of characters that break
storage or display, and is only ever turned into markup by escaping it.
"""

import re
import unicodedata

from django.utils.html import escape

from thai.text import remove_invisible

# C0 and C1 controls except tab and newline (NUL cannot be stored by PostgreSQL).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES = re.compile(r"[ \t\u00a0\u3000]+")
BLANK_LINES = re.compile(r"\n{3,}")


def clean_multiline(value):
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL.sub("", remove_invisible(value))
    lines = [SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(value):
    return " ".join(clean_multiline(value).split())


def paragraphs(text):
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def paragraph_html(paragraph):
    """One paragraph of plain text as rich text HTML, every character escaped."""
    return "<p>" + "<br/>".join(escape(line) for line in paragraph.split("\n")) + "</p>"
