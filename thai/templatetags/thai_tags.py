"""Template tags that show dates, years and numbers the way readers of each language expect.

On Thai pages the years are Buddhist Era, and digits are Thai digits when the
site's "Thai language" setting asks for them.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from thai.dates import format_date, format_date_range, format_year, is_thai, local_date
from thai.digits import to_arabic_digits, to_thai_digits
from thai.models import ThaiLanguageSettings

register = template.Library()


def _thai_digits_enabled(context, lang) -> bool:
    if not is_thai(lang):
        return False
    request = context.get("request")
    if request is None:
        return False
    try:
        # for_request caches the setting on the request, so repeated tags cost one query.
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


@register.simple_tag(takes_context=True)
def display_date(context, value, month="short"):
    """``<time datetime="2021-10-20">20 ต.ค. 2564</time>``; empty for no date."""
    if value is None or value == "":
        return ""
    lang = get_language()
    text = format_date(value, lang, _thai_digits_enabled(context, lang), month)
    return _time_element(value, text)


@register.simple_tag(takes_context=True)
def display_date_range(context, start, end, month="short"):
    """``<time datetime="2019-06-14">14–19 มิ.ย. 2562</time>``; empty for no dates."""
    start = start or None
    end = end or None
    if start is None and end is None:
        return ""
    lang = get_language()
    text = format_date_range(start, end, lang, _thai_digits_enabled(context, lang), month)
    return _time_element(start if start is not None else end, text)


@register.simple_tag(takes_context=True)
def display_year(context, year):
    """Year as "2564" on Thai pages, "2021" elsewhere.

    Plain text rather than <time>, so it also fits inside <option>.
    """
    if year is None or year == "":
        return ""
    lang = get_language()
    return format_year(year, lang, _thai_digits_enabled(context, lang))


@register.simple_tag(takes_context=True)
def display_number(context, value):
    """Group thousands ("1,234"), in Thai digits on Thai pages when enabled."""
    if value is None or value == "":
        return ""
    text = _group_thousands(value)
    lang = get_language()
    return to_thai_digits(text) if _thai_digits_enabled(context, lang) else text
