"""The cookie banner, the footer's privacy links and consent-aware embeds."""

from django import template

from core.security_policy import allow_sources, origin_of
from privacy.consent import MEDIA, STATS, consent_for
from privacy.embeds import gated_embed_context
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
    if privacy.analytics_script_url:
        # The page's script may load it the moment the reader allows statistics,
        # and it reports visits back to where it came from.
        origin = origin_of(privacy.analytics_script_url)
        allow_sources(request, script_src=[origin], connect_src=[origin])
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
    return gated_embed_context(context.get("request"), value)
