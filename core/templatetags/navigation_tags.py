"""{% load navigation_tags %}: the site's name, menu, language switcher, breadcrumbs,
canonical and alternate addresses, and partners' public addresses (core.navigation)."""

from django import template

from core import navigation
from core.addresses import absolute_uri

register = template.Library()

for function in (
    navigation.site_name,
    navigation.site_home,
    navigation.language_links,
    navigation.alternate_links,
    navigation.canonical_url,
    navigation.breadcrumb_pages,
    navigation.partner_url,
    navigation.partner_directory,
):
    register.simple_tag(function, takes_context=True)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    return {
        "request": context.get("request"),
        "home": navigation.site_home(context),
        "items": navigation.menu_items(context),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return absolute_uri(context.get("request"), url)
