from django import template
from django.utils.safestring import mark_safe

from core.page_script import PAGE_START_SCRIPT

register = template.Library()


@register.simple_tag
def page_start_script():
    """<script> with the text the Content-Security-Policy allows by its hash."""
    return mark_safe(f"<script>{PAGE_START_SCRIPT}</script>")
