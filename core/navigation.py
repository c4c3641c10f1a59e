"""What every public page needs to know about where it is: the site, the current
language, the page shown and its translations, the menu, the language switcher,
breadcrumbs, canonical and alternate addresses, and the public address of a partner.

Template tags (core/templatetags/navigation_tags.py), the share card, the
structured data and the privacy notices all read it from here. Everything that
costs a query is cached on the request, so a page that shows fifty partners or
asks for the language links twice still costs a handful of queries.
"""

from collections import namedtuple

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.addresses import absolute_uri
from core.models import SiteIdentity
from core.shared_parts import is_unexpired, shared
from core.visibility import readable_pages
from network.models import PartnerIndexPage

LanguageLink = namedtuple("LanguageLink", ["code", "name", "url", "is_current"])
AlternateLink = namedtuple("AlternateLink", ["code", "url"])

CACHE_ATTRIBUTE = "_navigation_cache"


def request_cache(request):
    """A dict that lives as long as the request (or a throwaway one without a request)."""
    if request is None:
        return {}
    cache = getattr(request, CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(request, CACHE_ATTRIBUTE, cache)
    return cache


def current_language():
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = [language for language, _name in settings.LANGUAGES]
    if code in codes:
        return code
    return code.split("-")[0] if code.split("-")[0] in codes else settings.LANGUAGE_CODE


def current_site(request):
    """The Wagtail site the request is for, or None."""
    if request is None:
        return None
    cache = request_cache(request)
    if "site" not in cache:
        cache["site"] = Site.find_for_request(request)
    return cache["site"]


def is_page(value):
    return isinstance(value, Page)


def shown_page(context):
    """The Wagtail page being shown, or None (a plain view, an error page)."""
    page = context.get("page")
    return page if is_page(page) and "request_path" not in context else None


def live_translations(context):
    """({code: home page}, {code: page shown}) of the live translations, in one query."""
    request = context.get("request")
    cache = request_cache(request)
    if "translations" not in cache:
        site = current_site(request)
        page = shown_page(context)
        root_key = site.root_page.translation_key if site is not None else None
        page_key = page.translation_key if page is not None else None
        roots, pages = {}, {}
        keys = {key for key in (root_key, page_key) if key is not None}
        if keys:
            for translation in shared(
                request,
                "translations",
                lambda: list(
                    Page.objects.filter(readable_pages(), translation_key__in=keys).select_related(
                        "locale"
                    )
                ),
                root_key,
                page_key,
            ):
                if not is_unexpired(translation):
                    continue
                code = translation.locale.language_code
                if translation.translation_key == root_key:
                    roots[code] = translation
                if translation.translation_key == page_key:
                    pages[code] = translation
        cache["translations"] = (roots, pages)
    return cache["translations"]


def site_roots(context):
    """The site's home page in every language it is live in, keyed by language code."""
    return live_translations(context)[0]


def site_home(context):
    """The site's home page in the current language (the Thai one if it is not translated)."""
    roots = site_roots(context)
    return roots.get(current_language()) or roots.get(settings.LANGUAGE_CODE)


def is_site_home(context, page):
    """Whether `page` is the site's home page, in any language."""
    site = current_site(context.get("request"))
    return (
        is_page(page)
        and site is not None
        and page.translation_key == site.root_page.translation_key
    )


def home_children(context):
    """The live pages just below the home page (one query, shared by menu and breadcrumbs)."""
    cache = request_cache(context.get("request"))
    if "home_children" not in cache:
        home = site_home(context)
        children = (
            shared(
                context.get("request"),
                "home-children",
                lambda: list(home.get_children().filter(readable_pages())),
                home.pk,
            )
            if home is not None
            else []
        )
        cache["home_children"] = [child for child in children if is_unexpired(child)]
    return cache["home_children"]


def site_name(context):
    request = context.get("request")
    site = current_site(request)
    if site is None:
        return getattr(settings, "WAGTAIL_SITE_NAME", "")
    if current_language() != settings.LANGUAGE_CODE:
        english_name = SiteIdentity.for_request(request).english_name
        if english_name:
            return english_name
    return site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", "")


def other_site_name(context):
    """The site's name in the other language (Thai on English pages and back)."""
    request = context.get("request")
    site = current_site(request)
    if site is None:
        return ""
    shown_name = site_name(context)
    thai_name = site.site_name
    english_name = SiteIdentity.for_request(request).english_name
    other = thai_name if shown_name == english_name else english_name
    return other if other and other != shown_name else ""


def menu_items(context):
    """The pages of the main menu, each marked as the current page or its section."""
    current = context.get("page")
    items = []
    for item in [child for child in home_children(context) if child.show_in_menus]:
        state = ""
        if is_page(current):
            if current.pk == item.pk:
                # A partner's own page is served by the directory page, one level down.
                state = "true" if context.get("partner") is not None else "page"
            elif current.path.startswith(item.path):
                state = "true"
        items.append({"page": item, "current": state})
    return items


def language_targets(context):
    """{code: (url, full_url, is_translation)} for every language of the site."""
    request = context.get("request")
    cache = request_cache(request)
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
    elif shown_page(context) is not None:
        translations = live_translations(context)[1]
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
    roots = site_roots(context)
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


def language_links(context):
    """[(code, name, url, is_current)] for the language switcher."""
    targets = language_targets(context)
    current = current_language()
    return [
        LanguageLink(code, name, targets[code][0], code == current)
        for code, name in settings.LANGUAGES
        if code in targets
    ]


def alternate_links(context):
    """[(code, full_url)] of the real translations of what is shown, for hreflang."""
    targets = language_targets(context)
    return [
        AlternateLink(code, targets[code][1])
        for code, _name in settings.LANGUAGES
        if code in targets and targets[code][2]
    ]


def canonical_url(context):
    """The absolute address of what is shown, with its page number but no filters."""
    request = context.get("request")
    if request is None:
        return ""
    url = absolute_uri(request, request.path)
    if "page" not in request.GET:
        # Unasked, the first page: a listing need not count its items for this.
        return url
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", None)
    if isinstance(number, int) and number > 1:
        url += f"?page={number}"
    return url


def breadcrumb_pages(context):
    """The pages above the current one, from the home page down (empty on the home page)."""
    page = context.get("page")
    if not is_page(page):
        return []
    home = site_home(context)
    if home is not None and page.path.startswith(home.path) and page.depth <= home.depth + 2:
        # Usually the home page and one section: both are already loaded for the menu.
        if page.depth <= home.depth:
            return []
        crumbs = [home]
        if page.depth == home.depth + 2:
            section = next(
                (child for child in home_children(context) if page.path.startswith(child.path)),
                None,
            )
            if section is None:
                return list(page.get_ancestors().filter(depth__gte=home.depth))
            crumbs.append(section)
        return crumbs
    home_depth = home.depth if home is not None else 2
    return list(page.get_ancestors().filter(depth__gte=home_depth))


def partner_index(request, locale_id):
    """The live partner directory in a language, or None."""
    cache = request_cache(request).setdefault("partner_indexes", {})
    if locale_id not in cache:

        def first_index():
            return PartnerIndexPage.objects.filter(readable_pages(), locale_id=locale_id).first()

        index = shared(request, "partner-index", first_index, locale_id)
        cache[locale_id] = index if is_unexpired(index) else first_index()
    return cache[locale_id]


def partner_index_url(request, locale_id):
    cache = request_cache(request).setdefault("partner_index_urls", {})
    if locale_id not in cache:
        index = partner_index(request, locale_id)
        cache[locale_id] = (index.get_url(request) or "") if index is not None else ""
    return cache[locale_id]


def partner_url(context, partner):
    """The public page of a partner, in the partner's language; "" if there is no directory."""
    if not partner or not getattr(partner, "slug", ""):
        return ""
    request = context.get("request")
    index_url = partner_index_url(request, partner.locale_id)
    if not index_url:
        return ""
    index = partner_index(request, partner.locale_id)
    return index_url + index.reverse_subpage("partner", kwargs={"partner_slug": partner.slug})


def partner_directory(context):
    """The live partner directory in the current language (else the home page's), or None."""
    home = site_home(context)
    if home is None:
        return None
    return partner_index(context.get("request"), home.locale_id)
