"""Site navigation for the public templates: menu, language switcher, breadcrumbs,
canonical and alternate links, and the public address of a partner.

Everything that costs a query is cached on the request, so a page that shows
fifty partners or calls the language tags twice still costs a handful of queries.
"""

from collections import namedtuple

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.addresses import absolute_uri
from home.models import SiteIdentity

register = template.Library()

LanguageLink = namedtuple("LanguageLink", ["code", "name", "url", "is_current"])
AlternateLink = namedtuple("AlternateLink", ["code", "url"])

_CACHE_ATTRIBUTE = "_navigation_tags_cache"


def _cache(request):
    """A dict that lives as long as the request (or a throwaway one without a request)."""
    if request is None:
        return {}
    cache = getattr(request, _CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTRIBUTE, cache)
    return cache


def current_language():
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = [language for language, _name in settings.LANGUAGES]
    if code in codes:
        return code
    return code.split("-")[0] if code.split("-")[0] in codes else settings.LANGUAGE_CODE


def _site(request):
    if request is None:
        return None
    cache = _cache(request)
    if "site" not in cache:
        cache["site"] = Site.find_for_request(request)
    return cache["site"]


def _shown_page(context):
    """The Wagtail page being shown, or None (a plain view, an error page)."""
    page = context.get("page")
    return page if _is_page(page) and "request_path" not in context else None


def _translations(context):
    """({code: home page}, {code: page shown}) of the live translations, in one query."""
    request = context.get("request")
    cache = _cache(request)
    if "translations" not in cache:
        site = _site(request)
        page = _shown_page(context)
        root_key = site.root_page.translation_key if site is not None else None
        page_key = page.translation_key if page is not None else None
        roots, pages = {}, {}
        keys = {key for key in (root_key, page_key) if key is not None}
        if keys:
            for translation in (
                Page.objects.filter(translation_key__in=keys).live().select_related("locale")
            ):
                code = translation.locale.language_code
                if translation.translation_key == root_key:
                    roots[code] = translation
                if translation.translation_key == page_key:
                    pages[code] = translation
        cache["translations"] = (roots, pages)
    return cache["translations"]


def _site_roots(context):
    """The site's home page in every language it is live in, keyed by language code."""
    return _translations(context)[0]


def _home_children(context):
    """The live pages just below the home page (one query, shared by menu and breadcrumbs)."""
    cache = _cache(context.get("request"))
    if "home_children" not in cache:
        home = site_home(context)
        cache["home_children"] = list(home.get_children().live()) if home is not None else []
    return cache["home_children"]


def _is_page(value):
    return isinstance(value, Page)


@register.simple_tag(takes_context=True)
def site_name(context):
    request = context.get("request")
    site = _site(request)
    if site is None:
        return getattr(settings, "WAGTAIL_SITE_NAME", "")
    if current_language() != settings.LANGUAGE_CODE:
        english_name = SiteIdentity.for_request(request).english_name
        if english_name:
            return english_name
    return site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", "")


@register.simple_tag(takes_context=True)
def site_home(context):
    """The site's home page in the current language (the Thai one if it is not translated)."""
    roots = _site_roots(context)
    return roots.get(current_language()) or roots.get(settings.LANGUAGE_CODE)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = site_home(context)
    current = context.get("page")
    items = []
    for item in [child for child in _home_children(context) if child.show_in_menus]:
        state = ""
        if _is_page(current):
            if current.pk == item.pk:
                # A partner's own page is served by the directory page, one level down.
                state = "true" if context.get("partner") is not None else "page"
            elif current.path.startswith(item.path):
                state = "true"
        items.append({"page": item, "current": state})
    return {"request": request, "home": home, "items": items}


def _language_targets(context):
    """{code: (url, full_url, is_translation)} for every language of the site."""
    request = context.get("request")
    cache = _cache(request)
    if "languages" in cache:
        return cache["languages"]

    targets = {}
    if request is None:
        return targets
    alternate_urls = context.get("alternate_urls")
    if isinstance(alternate_urls, dict) and "request_path" not in context:
        # A view that knows its own translations ({code: url}), such as a partner's page.
        for code, _name in settings.LANGUAGES:
            url = alternate_urls.get(code)
            if url:
                targets[code] = (url, absolute_uri(request, url), True)
    elif _shown_page(context) is not None:
        translations = _translations(context)[1]
        for code, _name in settings.LANGUAGES:
            translation = translations.get(code)
            if translation is None:
                continue
            url = translation.get_url(request)
            if url:
                targets[code] = (url, absolute_uri(request, url), True)
    elif "request_path" not in context:
        # A view that is not a Wagtail page (search): the same address in each language.
        for code, _name in settings.LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            targets[code] = (url, absolute_uri(request, translate_url(request.path, code)), True)

    # Anything without a translation (and error pages) goes to that language's home page.
    roots = _site_roots(context)
    for code, _name in settings.LANGUAGES:
        if code in targets:
            continue
        root = roots.get(code)
        url = root.get_url(request) if root is not None else None
        if not url:
            url = translate_url("/", code)
        targets[code] = (url, absolute_uri(request, url), False)
    cache["languages"] = targets
    return targets


@register.simple_tag(takes_context=True)
def language_links(context):
    """[(code, name, url, is_current)] for the language switcher."""
    targets = _language_targets(context)
    current = current_language()
    return [
        LanguageLink(code, name, targets[code][0], code == current)
        for code, name in settings.LANGUAGES
        if code in targets
    ]


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """[(code, full_url)] of the real translations of what is shown, for hreflang."""
    targets = _language_targets(context)
    return [
        AlternateLink(code, targets[code][1])
        for code, _name in settings.LANGUAGES
        if code in targets and targets[code][2]
    ]


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address of what is shown, with its page number but no filters."""
    request = context.get("request")
    if request is None:
        return ""
    url = absolute_uri(request, request.path)
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", None)
    if isinstance(number, int) and number > 1:
        url += f"?page={number}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return absolute_uri(context.get("request"), url)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context):
    """The pages above the current one, from the home page down (empty on the home page)."""
    page = context.get("page")
    if not _is_page(page):
        return []
    home = site_home(context)
    if home is not None and page.path.startswith(home.path) and page.depth <= home.depth + 2:
        # Usually the home page and one section: both are already loaded for the menu.
        if page.depth <= home.depth:
            return []
        crumbs = [home]
        if page.depth == home.depth + 2:
            section = next(
                (child for child in _home_children(context) if page.path.startswith(child.path)),
                None,
            )
            if section is None:
                return list(page.get_ancestors().filter(depth__gte=home.depth))
            crumbs.append(section)
        return crumbs
    home_depth = home.depth if home is not None else 2
    return list(page.get_ancestors().filter(depth__gte=home_depth))


def _partner_index(request, locale_id):
    cache = _cache(request).setdefault("partner_indexes", {})
    if locale_id not in cache:
        from network.models import PartnerIndexPage

        cache[locale_id] = PartnerIndexPage.objects.live().filter(locale_id=locale_id).first()
    return cache[locale_id]


def _partner_index_url(request, locale_id):
    cache = _cache(request).setdefault("partner_index_urls", {})
    if locale_id not in cache:
        index = _partner_index(request, locale_id)
        cache[locale_id] = (index.get_url(request) or "") if index is not None else ""
    return cache[locale_id]


@register.simple_tag(takes_context=True)
def partner_url(context, partner):
    """The public page of a partner, in the partner's language; "" if there is no directory."""
    if not partner or not getattr(partner, "slug", ""):
        return ""
    request = context.get("request")
    index_url = _partner_index_url(request, partner.locale_id)
    if not index_url:
        return ""
    index = _partner_index(request, partner.locale_id)
    return index_url + index.reverse_subpage("partner", kwargs={"partner_slug": partner.slug})


@register.simple_tag(takes_context=True)
def partner_directory(context):
    """The live partner directory in the current language (else the home page's), or None."""
    request = context.get("request")
    home = site_home(context)
    if home is None:
        return None
    return _partner_index(request, home.locale_id)
