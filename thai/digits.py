"""Conversion between Arabic (0-9) and Thai (๐-๙) digits."""

ARABIC_DIGITS = "0123456789"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(text) -> str:
    """Return ``text`` as a string with every 0-9 replaced by ๐-๙."""
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text) -> str:
    """Return ``text`` as a string with every ๐-๙ replaced by 0-9."""
    return str(text).translate(_TO_ARABIC)
