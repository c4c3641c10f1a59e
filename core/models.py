"""The site's own pieces that are not content: its name in English, and the
pages about the site itself (the privacy notice, the cookie notice, terms of use)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import BodyBlock
from thai.slugs import ThaiSlugMixin


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """The site's name for readers of the English pages (the Thai name is the Site's)."""

    english_name = models.CharField(
        _("name in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown in the header and page titles of English pages."),
    )

    class Meta:
        verbose_name = _("site name in English")


class InformationPage(ThaiSlugMixin, Page):
    """A page about the site itself: the privacy notice, the cookie notice, terms of use."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    last_updated = models.DateField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_(
            "The date the content last changed in substance; readers see it under the title."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("last_updated"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
