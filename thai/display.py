"""Dates, years and numbers the way readers of each language expect them.

On Thai pages the years are Buddhist Era, and digits are Thai digits when the
site's "Thai language" setting asks for them. The template tags in
thai/templatetags/thai_tags.py and the listing filters both use these.
"""

from django.utils.html import format_html
from django.utils.translation import get_language

from core.shared_parts import shared, site_pk

from .dates import format_date, format_date_range, format_year, is_thai, local_date
from .digits import to_arabic_digits, to_thai_digits
from .models import ThaiLanguageSettings


def thai_digits_enabled(request, language) -> bool:
    if not is_thai(language) or request is None:
        return False
    return shared(request, "thai-digits", lambda: _use_thai_digits(request), site_pk(request))


def _use_thai_digits(request):
    try:
        # for_request caches the setting on the request, so repeated calls cost one query.
        return ThaiLanguageSettings.for_request(request).use_thai_digits
    except ThaiLanguageSettings.DoesNotExist:
        # Requests for hosts that match no Wagtail site have no settings.
        return False


def _time_element(value, text: str) -> str:
    # The machine-readable date is the same local day the reader is shown.
    return format_html('<time datetime="{}">{}</time>', local_date(value).isoformat(), text)


def _group_thousands(value) -> str:
    if isinstance(value, str):
        try:
            value = int(to_arabic_digits(value).replace(",", ""))
        except ValueError:
            return value
    try:
        return f"{value:,}"
    except (TypeError, ValueError):
        # Show anything that is not a number as it is, rather than break the page.
        return str(value)


def date_html(request, value, month="short"):
    """``<time datetime="2021-10-20">20 ต.ค. 2564</time>``; empty for no date."""
    if value is None or value == "":
        return ""
    language = get_language()
    text = format_date(value, language, thai_digits_enabled(request, language), month)
    return _time_element(value, text)


def date_range_html(request, start, end, month="short"):
    """``<time datetime="2019-06-14">14–19 มิ.ย. 2562</time>``; empty for no dates."""
    start = start or None
    end = end or None
    if start is None and end is None:
        return ""
    language = get_language()
    text = format_date_range(start, end, language, thai_digits_enabled(request, language), month)
    return _time_element(start if start is not None else end, text)


def year_text(request, year):
    """Year as "2564" on Thai pages, "2021" elsewhere; plain text, so it fits an <option>."""
    if year is None or year == "":
        return ""
    language = get_language()
    return format_year(year, language, thai_digits_enabled(request, language))


def number_text(request, value):
    """Group thousands ("1,234"), in Thai digits on Thai pages when enabled."""
    if value is None or value == "":
        return ""
    text = _group_thousands(value)
    return to_thai_digits(text) if thai_digits_enabled(request, get_language()) else text
