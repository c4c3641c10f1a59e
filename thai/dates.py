"""Reader-facing dates: Thai (Buddhist Era) and English formatting, and Thai date parsing.

Month names are hardcoded rather than taken from the machine's locale or Django's
date formats, so output is identical on every server and matches the way Thai
foundations write dates in their own documents.
"""

import datetime
import re

from django.utils import timezone

from .digits import to_arabic_digits, to_thai_digits

BE_OFFSET = 543
EN_DASH = "–"

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_MONTHS_SHORT = tuple(name[:3] for name in ENGLISH_MONTHS)


# --- formatting -------------------------------------------------------------


def is_thai(lang) -> bool:
    """True for "th" and its variants ("th-th"); Thai readers get Buddhist Era years."""
    return bool(lang) and str(lang).lower().startswith("th")


def local_date(value):
    """Reduce a date or datetime to the calendar date a local reader sees."""
    if isinstance(value, datetime.datetime):
        # An aware 17:30 UTC is already the next day in Bangkok.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _month_name(month: int, lang, month_format: str) -> str:
    if is_thai(lang):
        names = THAI_MONTHS if month_format == "long" else THAI_MONTHS_SHORT
    else:
        names = ENGLISH_MONTHS if month_format == "long" else ENGLISH_MONTHS_SHORT
    return names[month - 1]


def _year_number(year: int, lang) -> int:
    return year + BE_OFFSET if is_thai(lang) else year


def _digits(text: str, thai_digits: bool) -> str:
    return to_thai_digits(text) if thai_digits else text


def _day_month(value: datetime.date, lang, month: str) -> str:
    return f"{value.day} {_month_name(value.month, lang, month)}"


def _full(value: datetime.date, lang, month: str) -> str:
    return f"{_day_month(value, lang, month)} {_year_number(value.year, lang)}"


def format_date(value, lang, thai_digits: bool = False, month: str = "short") -> str:
    """Format as "20 ต.ค. 2564" for Thai, "20 Oct 2021" for other languages, "" for None.

    ``month="long"`` spells the month out ("20 ตุลาคม 2564", "20 October 2021").
    """
    if value is None:
        return ""
    return _digits(_full(local_date(value), lang, month), thai_digits)


def format_date_range(start, end, lang, thai_digits: bool = False, month: str = "short") -> str:
    """Format a period, repeating only the parts that differ between its two ends.

    "14–19 มิ.ย. 2562", "30 มิ.ย. – 2 ก.ค. 2562", "30 ธ.ค. 2562 – 2 ม.ค. 2563".
    """
    start, end = local_date(start), local_date(end)
    if start is None or end is None or start == end:
        return format_date(start if start is not None else end, lang, thai_digits, month)
    if start.year != end.year:
        text = f"{_full(start, lang, month)} {EN_DASH} {_full(end, lang, month)}"
    elif start.month != end.month:
        text = f"{_day_month(start, lang, month)} {EN_DASH} {_full(end, lang, month)}"
    else:
        text = f"{start.day}{EN_DASH}{_full(end, lang, month)}"
    return _digits(text, thai_digits)


def format_year(year: int, lang, thai_digits: bool = False) -> str:
    """Format as "2564" for Thai (Buddhist Era), "2021" otherwise."""
    return _digits(str(_year_number(int(year), lang)), thai_digits)


# --- parsing ----------------------------------------------------------------


def _abbreviation_pattern(abbr: str) -> str:
    # Documents write "ต.ค.", "ต.ค", "ต. ค." or "ตค" interchangeably.
    letters = [part for part in abbr.split(".") if part]
    return r"\.?\s?".join(re.escape(part) for part in letters) + r"\.?"


def _month_alternatives():
    patterns = [(re.escape(name), number) for number, name in enumerate(THAI_MONTHS, 1)]
    patterns += [(_abbreviation_pattern(abbr), n) for n, abbr in enumerate(THAI_MONTHS_SHORT, 1)]
    # Full names come first: regex alternation takes the first branch that fits.
    return patterns


_MONTH_PATTERNS = _month_alternatives()
_MONTH = "|".join(f"(?:{pattern})" for pattern, _number in _MONTH_PATTERNS)
_MONTH_MATCHERS = [(re.compile(pattern), number) for pattern, number in _MONTH_PATTERNS]
_ERA = r"(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)"
_YEAR = r"\d{4}(?!\d)|\d{2}(?!\d)"
_DAY = r"(?<!\d)\d{1,2}(?!\d)"

_RANGE_RE = re.compile(
    rf"(?P<d1>{_DAY})\s*"
    rf"(?:(?P<m1>{_MONTH})\s*(?:(?P<era1>{_ERA})\s*)?(?P<y1>{_YEAR})?\s*)?"
    rf"-\s*(?P<d2>{_DAY})\s*(?P<m2>{_MONTH})\s*(?:(?P<era2>{_ERA})\s*)?(?P<y2>{_YEAR})"
)
_SINGLE_RE = re.compile(rf"(?P<d>{_DAY})\s*(?P<m>{_MONTH})\s*(?:(?P<era>{_ERA})\s*)?(?P<y>{_YEAR})")
_DASHES_RE = re.compile(r"\s*(?:[-‐‑‒–—―]|ถึง)\s*")


def _normalise(text: str) -> str:
    return _DASHES_RE.sub("-", to_arabic_digits(text))


def _month_number(name: str) -> int:
    for matcher, number in _MONTH_MATCHERS:
        if matcher.fullmatch(name):
            return number
    raise ValueError(name)


def _ce_year(digits: str, era) -> int:
    year = int(digits)
    if len(digits) == 2:
        # Thai documents abbreviate Buddhist years: "64" is 2564.
        year += 2500
    if era and era.startswith("ค"):
        return year
    # Buddhist years are numbered far beyond any Common Era year we publish.
    return year - BE_OFFSET if year > 2400 else year


def _make_date(year: int, month: int, day: int):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _range_from_match(match):
    end_year = _ce_year(match["y2"], match["era2"])
    end_month = _month_number(match["m2"])
    end = _make_date(end_year, end_month, int(match["d2"]))
    start_month = _month_number(match["m1"]) if match["m1"] else end_month
    if match["y1"]:
        start_year = _ce_year(match["y1"], match["era1"])
    else:
        # "30 ธ.ค. - 2 ม.ค. 2563": a start month after the end month is in the year before.
        start_year = end_year - 1 if start_month > end_month else end_year
    start = _make_date(start_year, start_month, int(match["d1"]))
    if start is None or end is None:
        return None, None
    return start, end


def parse_thai_date_range(text):
    """Find a date or period written the Thai way and return ``(start, end)``.

    Understands "14-19 มิถุนายน 2562", "16 มิถุนายน-15 กรกฎาคม 2562" and
    "16 มิ.ย. 2562 - 15 ก.ค. 2562", with Thai or Arabic digits. A single date gives
    ``(date, None)``; text without a recognisable date gives ``(None, None)``.
    """
    if not text:
        return None, None
    normalised = _normalise(str(text))
    match = _RANGE_RE.search(normalised)
    if match:
        return _range_from_match(match)
    match = _SINGLE_RE.search(normalised)
    if match:
        year = _ce_year(match["y"], match["era"])
        return _make_date(year, _month_number(match["m"]), int(match["d"])), None
    return None, None


def parse_thai_date(text):
    """Parse "20 ตุลาคม 2564", "๒๐ ตุลาคม ๒๕๖๔" or "21 ต.ค. 64"; None if no date.

    For a period such as "14-19 มิถุนายน 2562" the first day is returned.
    """
    return parse_thai_date_range(text)[0]
