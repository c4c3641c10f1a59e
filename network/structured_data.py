"""schema.org data for a partner's own page: the partner as an Organization."""

from core.jsonld import thai_address, without_blanks
from core.share_images import can_render, renditions

LOGO_SPEC = "max-600x600"


def organization(partner, reader):
    provinces = [province.name for province in partner.provinces.all()]
    made = renditions(partner.logo, LOGO_SPEC) if can_render(partner.logo) else None
    return without_blanks(
        {
            "@type": "Organization",
            "name": partner.name,
            "alternateName": partner.short_name,
            "description": partner.mission,
            "url": reader.partner_url(partner),
            "logo": reader.absolute(made[LOGO_SPEC].url) if made else "",
            "address": thai_address(provinces) if provinces else None,
            "sameAs": [url for _label, url in partner.social_links],
        }
    )
