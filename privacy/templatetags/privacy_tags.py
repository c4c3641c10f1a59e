"""The cookie banner, the footer's privacy links and consent-aware embeds."""

from django import template

from core.security_policy import allow_sources, origin_of
from privacy.consent import MEDIA, STATS, Consent, consent_for
from privacy.embeds import gated_embed_context
from privacy.notices import site_privacy

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_links(context):
    """The notices in the reader's language, for the footer."""
    return site_privacy(context.get("request"))


@register.inclusion_tag("privacy/consent_banner.html", takes_context=True)
def consent_banner(context):
    """The banner, the same for every reader so that the page can be cached: the
    page's script reads the choice from the cookie, opens the banner until the
    reader has chosen, and loads the embeds and the analytics script they allow.
    Without JavaScript nothing needs consent: embeds stay links to the original."""
    request = context.get("request")
    if request is None:
        return {"show": False}
    privacy = site_privacy(request)
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
        "privacy": privacy,
        "offer_stats": STATS in categories,
        "next_url": request.get_full_path(),
        "id_prefix": "consent-banner",
    }


@register.inclusion_tag("privacy/consent_choices.html", takes_context=True)
def consent_choices(context, id_prefix, from_cookie=True):
    """The categories with their switches, for the banner (set by the page's script
    from the cookie) and the settings page (set here)."""
    request = context.get("request")
    privacy = site_privacy(request)
    consent = consent_for(request) if from_cookie else Consent()
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
