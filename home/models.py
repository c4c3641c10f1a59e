from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, PageChooserPanel
from wagtail.models import Orderable, Page

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    EbookIndexPage,
    EbookPage,
    EventIndexPage,
    EventSummaryPage,
    prefetch_images,
)
from core.visibility import readable_pages
from network.links import localized, prefetch_for_cards
from network.models import PartnerIndexPage

LATEST_PER_SECTION = 3


class HomePage(Page):
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("intro"),
        MultipleChooserPanel(
            "featured_items",
            label=_("Featured pages"),
            chooser_field_name="featured_page",
            max_num=3,
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
        "core.InformationPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def sections(self):
        """The latest pages of each section, each with its index page."""
        children = {
            type(page): page
            for page in self.get_children()
            .filter(readable_pages())
            .specific()
            .filter(
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
                page_class.objects.filter(readable_pages())
                .child_of(index_page)
                .order_by(f"-{page_class.date_field}", "-pk")[:LATEST_PER_SECTION]
            )
            latest_pages += latest
            sections.append({"index": index_page, "pages": latest})
        prefetch_for_cards(latest_pages)
        return sections

    def featured_cards(self):
        # A translated home page keeps the source's choices; show their translations.
        chosen_pages = [
            item.featured_page for item in self.featured_items.select_related("featured_page")
        ]
        # An editor may feature a page that is later made private or unpublished.
        featured = localized(chosen_pages, self.locale, readable_pages())
        return prefetch_for_cards(featured)

    def partner_strip(self):
        chosen_partners = [
            item.partner for item in self.featured_partners.select_related("partner")
        ]
        partners = localized(chosen_partners, self.locale)
        prefetch_images(partners, "logo")
        return partners

    def partner_index(self):
        return PartnerIndexPage.objects.filter(readable_pages()).child_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the page's content is a cached fragment, queried only when it misses.
        context["featured"] = SimpleLazyObject(self.featured_cards)
        context["partner_strip"] = SimpleLazyObject(self.partner_strip)
        context["partner_index"] = SimpleLazyObject(self.partner_index)
        context["sections"] = SimpleLazyObject(self.sections)
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
