from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import BodyBlock
from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    EbookIndexPage,
    EbookPage,
    EventIndexPage,
    EventSummaryPage,
    prefetch_images,
)
from network.links import localized, prefetch_for_cards
from network.models import PartnerIndexPage
from thai.slugs import ThaiSlugMixin

LATEST_PER_SECTION = 3


class HomePage(Page):
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("intro"),
        MultipleChooserPanel(
            "featured_items", label=_("Featured pages"), chooser_field_name="featured_page", max_num=3
        ),
        MultipleChooserPanel(
            "featured_partners", label=_("Partner strip"), chooser_field_name="partner", max_num=16
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "articles.EventIndexPage",
        "articles.EbookIndexPage",
        "network.PartnerIndexPage",
        "network.StoryFormPage",
        "home.InformationPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def sections(self):
        """The latest pages of each section, each with its index page."""
        children = {
            type(page): page
            for page in self.get_children().live().specific().filter(
                content_type__model__in=["articleindexpage", "eventindexpage", "ebookindexpage"]
            )
        }
        sections = []
        latest_pages = []
        for index_class, page_class in (
            (ArticleIndexPage, ArticlePage),
            (EventIndexPage, EventSummaryPage),
            (EbookIndexPage, EbookPage),
        ):
            index_page = children.get(index_class)
            if index_page is None:
                continue
            latest = list(
                page_class.objects.live()
                .child_of(index_page)
                .order_by(f"-{page_class.date_field}", "-pk")[:LATEST_PER_SECTION]
            )
            latest_pages += latest
            sections.append({"index": index_page, "pages": latest})
        prefetch_for_cards(latest_pages)
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translated home page keeps the source's choices; show their translations.
        chosen_pages = [
            item.featured_page for item in self.featured_items.select_related("featured_page")
        ]
        featured = [page for page in localized(chosen_pages, self.locale) if page.live]
        context["featured"] = prefetch_for_cards(featured)
        chosen_partners = [
            item.partner for item in self.featured_partners.select_related("partner")
        ]
        partners = localized(chosen_partners, self.locale)
        prefetch_images(partners, "logo")
        context["partner_strip"] = partners
        context["partner_index"] = (
            PartnerIndexPage.objects.live().child_of(self).first()
        )
        context["sections"] = self.sections()
        return context


class HomeFeaturedPage(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    featured_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel(
            "featured_page",
            ["articles.ArticlePage", "articles.EventSummaryPage", "articles.EbookPage"],
        )
    ]


class HomeFeaturedPartner(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_partners")
    partner = models.ForeignKey(
        "network.PartnerOrganisation",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("partner")]


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
        help_text=_("The date the content last changed in substance; readers see it under the title."),
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


https_only = URLValidator(schemes=["https"])


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """Which pages explain personal data and cookies, and the optional statistics script."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page, in the reader's language."),
    )
    cookie_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cookie notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the cookie banner and the footer, in the reader's language."),
    )
    analytics_script_url = models.URLField(
        _("statistics script address"),
        blank=True,
        validators=[https_only],
        help_text=_(
            "Optional: the https address of a statistics script, such as a Plausible script "
            "or a Matomo Tag Manager container. It is loaded only for readers who allow "
            "statistics; while it is blank, readers are not asked about statistics."
        ),
    )

    panels = [
        PageChooserPanel("privacy_notice", "home.InformationPage"),
        PageChooserPanel("cookie_notice", "home.InformationPage"),
        FieldPanel("analytics_script_url"),
    ]

    class Meta:
        verbose_name = _("privacy and cookies")
