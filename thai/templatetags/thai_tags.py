"""{% load thai_tags %}: dates, years and numbers in the reader's language (thai.display)."""

from django import template

from thai import display

register = template.Library()


@register.simple_tag(takes_context=True)
def display_date(context, value, month="short"):
    """``<time datetime="2021-10-20">20 ต.ค. 2564</time>``; empty for no date."""
    return display.date_html(context.get("request"), value, month)


@register.simple_tag(takes_context=True)
def display_date_range(context, start, end, month="short"):
    """``<time datetime="2019-06-14">14–19 มิ.ย. 2562</time>``; empty for no dates."""
    return display.date_range_html(context.get("request"), start, end, month)


@register.simple_tag(takes_context=True)
def display_year(context, year):
    """Year as "2564" on Thai pages, "2021" elsewhere, as plain text."""
    return display.year_text(context.get("request"), year)


@register.simple_tag(takes_context=True)
def display_number(context, value):
    """Group thousands ("1,234"), in Thai digits on Thai pages when enabled."""
    return display.number_text(context.get("request"), value)
