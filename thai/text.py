"""Thai letters and marks, and the invisible characters that come with pasted text.

One place for the character sets that slugs, search, the importer, partners'
stories and the demo e-books all need, so they agree on what Thai text is made of.
"""

import re
import unicodedata

from .digits import to_arabic_digits

# ก to ฮ, the consonants (U+0E01-U+0E2E), in alphabetical order.
CONSONANTS = "".join(map(chr, range(0x0E01, 0x0E2F)))
# Everything a Thai word is spelt with: consonants, vowels and tone marks, without
# digits, the baht sign or punctuation (U+0E01-U+0E3A, U+0E40-U+0E4E).
LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"
THAI_RUN = re.compile(f"[{LETTERS}]+")
# Vowels above and below, and tone marks: they sit on the letter before them, so
# a line or a cut must never separate them from it.
COMBINING_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"

# Zero-width characters, direction controls and the soft hyphen: invisible in
# print, they split words for search engines, and in what the public sends they
# can hide words from moderators or reorder what they see.
INVISIBLE = "".join(
    [
        "\u00ad",
        *map(chr, range(0x200B, 0x2010)),
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2060, 0x2065)),
        *map(chr, range(0x2066, 0x206A)),
        "\ufeff",
    ]
)
INVISIBLE_CLASS = "[" + "".join(f"\\u{ord(char):04x}" for char in INVISIBLE) + "]"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE))

# SARA AM (ำ) is often typed as NIKHAHIT + SARA AA (ํา): it looks the same, but
# would not match the composed letter.
SARA_AM = "\u0e33"
SARA_AM_DECOMPOSED = "\u0e4d\u0e32"


def has_thai(text):
    return THAI_RUN.search(text) is not None


def remove_invisible(text):
    return text.translate(_INVISIBLE_TABLE)


def normalise(text):
    """Text as readers mean it: composed (NFC and SARA AM), without invisible
    characters, and with Arabic digits, so that "๒๕๖๔" and "2564" are the same word."""
    text = remove_invisible(unicodedata.normalize("NFC", text))
    return to_arabic_digits(text.replace(SARA_AM_DECOMPOSED, SARA_AM))
