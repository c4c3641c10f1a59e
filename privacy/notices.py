"""The site's privacy settings as a page needs them: the two notices in the
reader's language and the analytics script, in two queries per request."""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from core.navigation import current_language
from core.shared_parts import is_unexpired, shared, site_pk
from privacy.models import PrivacySettings

from .consent import CATEGORIES, MEDIA, STATS

_REQUEST_ATTRIBUTE = "_privacy_notices"


@dataclass(frozen=True)
class SitePrivacy:
    privacy_notice: Page | None = None
    cookie_notice: Page | None = None
    analytics_script_url: str = ""

    @property
    def categories(self):
        """The categories readers are asked about: statistics only with a script to load."""
        return tuple(
            c for c in CATEGORIES if c == MEDIA or (c == STATS and self.analytics_script_url)
        )


def localized_pages(page_ids, language):
    """{chosen page id: the live page to link to}: its translation in `language`,
    or the chosen page itself, in one query."""
    if not page_ids:
        return {}
    rows = list(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key")
        )
        .filter(Q(pk__in=page_ids) | Q(locale__language_code=language))
        .select_related("locale")
    )
    chosen = {page.pk: page for page in rows if page.pk in page_ids}
    translated = {
        page.translation_key: page
        for page in rows
        if page.locale.language_code == language and page.live
    }
    result = {}
    for pk, page in chosen.items():
        target = translated.get(page.translation_key) or (page if page.live else None)
        if target is not None:
            result[pk] = target
    return result


def site_privacy(request):
    if request is None:
        return SitePrivacy()
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    language = current_language()
    result = shared(
        request, "privacy", lambda: _site_privacy(request, language), site_pk(request), language
    )
    if not (is_unexpired(result.privacy_notice) and is_unexpired(result.cookie_notice)):
        result = _site_privacy(request, language)
    setattr(request, _REQUEST_ATTRIBUTE, result)
    return result


def _site_privacy(request, language):
    try:
        chosen = PrivacySettings.for_request(request)
    except PrivacySettings.DoesNotExist:
        # A host that matches no Wagtail site has no settings.
        return SitePrivacy()
    else:
        ids = {pk for pk in (chosen.privacy_notice_id, chosen.cookie_notice_id) if pk}
        pages = localized_pages(ids, language)
        return SitePrivacy(
            privacy_notice=pages.get(chosen.privacy_notice_id),
            cookie_notice=pages.get(chosen.cookie_notice_id),
            analytics_script_url=chosen.analytics_script_url,
        )
