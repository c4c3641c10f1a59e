"""The cookie banner, the footer's privacy links and consent-aware embeds."""

from django import template

from privacy.consent import MEDIA, STATS, consent_for
from privacy.embeds import embed_for_reader, next_embed_number
from privacy.notices import site_privacy

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_links(context):
    """The notices in the reader's language, for the footer."""
    return site_privacy(context.get("request"))


@register.inclusion_tag("privacy/consent_banner.html", takes_context=True)
def consent_banner(context):
    """The banner, open until the reader has chosen; hidden but ready for the
    footer's "Cookie settings" after that. Also the analytics script, once allowed."""
    request = context.get("request")
    if request is None:
        return {"show": False}
    privacy = site_privacy(request)
    consent = consent_for(request)
    categories = privacy.categories
    return {
        "request": request,
        # The settings page holds the same form; two on one page would repeat its ids.
        "show": not context.get("consent_page"),
        "is_open": not consent.has_decided(categories),
        "privacy": privacy,
        "consent": consent,
        "offer_stats": STATS in categories,
        "load_analytics": privacy.analytics_script_url and consent.allows(STATS),
        "next_url": request.get_full_path(),
        "id_prefix": "consent-banner",
    }


@register.inclusion_tag("privacy/consent_choices.html", takes_context=True)
def consent_choices(context, id_prefix):
    """The categories with their switches, for the banner and the settings page."""
    request = context.get("request")
    privacy = site_privacy(request)
    consent = consent_for(request)
    return {
        "id_prefix": id_prefix,
        "consent": consent,
        "offer_stats": STATS in privacy.categories,
        "media_on": consent.allows(MEDIA),
        "stats_on": consent.allows(STATS),
    }


@register.inclusion_tag("privacy/embed.html", takes_context=True)
def consented_embed(context, value):
    """An embed as an iframe if the reader allows external media, else a placeholder."""
    request = context.get("request")
    allowed = request is not None and consent_for(request).allows(MEDIA)
    return {
        "request": request,
        "embed": embed_for_reader(value),
        "allowed": allowed,
        "anchor": f"embed-{next_embed_number(request)}",
        "next_url": request.get_full_path() if request is not None else "/",
    }
