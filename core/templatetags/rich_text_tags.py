"""{% load rich_text_tags %}: {{ page.field|reader_richtext }} instead of Wagtail's
`richtext`, for every rich text readers see (core.rich_text)."""

from django import template

from core.rich_text import reader_html

register = template.Library()


@register.filter
def reader_richtext(value):
    return reader_html(value)
