"""Partner organisations, programmes, topics and provinces, and the partner directory."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.listing_parts import LazyListingPage
from network.links import pages_linked_to
from thai.slugs import ThaiSlugMixin, thai_slugify, unique_slug


class Province(models.Model):
    """One of Thailand's 77 provinces; loaded by a data migration, not edited."""

    code = models.CharField(max_length=5, unique=True)
    name_th = models.CharField(max_length=64)
    name_en = models.CharField(max_length=64)
    region = models.CharField(max_length=16)

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_th if (get_language() or "th").startswith("th") else self.name_en


class SluggedSnippet(TranslatableMixin, models.Model):
    """A translatable snippet with a readable ASCII slug, unique within its locale."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_("Part of the web address. Leave blank to make one from the name."),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            siblings = type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
            if self.translation_key and self.locale_id:
                source = (
                    type(self)
                    .objects.filter(translation_key=self.translation_key)
                    .exclude(pk=self.pk)
                    .first()
                )
                if source is not None:
                    # A translation keeps its source's slug so that /partners/x/
                    # and /en/partners/x/ are the same partner.
                    self.slug = source.slug
            if not self.slug:
                self.slug = unique_slug(
                    thai_slugify(self.name),
                    lambda candidate: siblings.filter(slug=candidate).exists(),
                )
        super().save(*args, **kwargs)


class Topic(index.Indexed, SluggedSnippet):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(SluggedSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Programme(index.Indexed, SluggedSnippet):
    """A funded project (such as นธส.) that events, articles and e-books belong to."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    funder = models.CharField(_("funder"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("description"),
        FieldPanel("funder"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("website"),
        FieldPanel("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("funder"),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.FilterField("locale_id"),
    ]

    class Meta(SluggedSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class PartnerOrganisation(index.Indexed, ClusterableModel, SluggedSnippet):
    class Kind(models.TextChoices):
        COMMUNITY_NETWORK = "community", _("Community network")
        GOVERNMENT = "government", _("Government")
        PRIVATE_SECTOR = "private", _("Private sector")
        ACADEMIC = "academic", _("Academic")
        MEDIA = "media", _("Media")
        PUBLIC_FIGURE = "public_figure", _("Public figure")
        FOUNDATION = "foundation", _("Foundation or NGO")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("For example มยส. or ครปอ.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FOUNDATION)
    mission = models.CharField(
        _("mission"),
        max_length=255,
        blank=True,
        help_text=_("What the organisation does, in one line."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    provinces = ParentalManyToManyField(Province, verbose_name=_("provinces"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("kind"),
                FieldPanel("mission"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("logo"),
        FieldPanel("provinces"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("facebook_url"),
                FieldPanel("line_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Links"),
        ),
        FieldPanel("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("mission"),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(SluggedSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    @property
    def social_links(self):
        links = [
            (_("Website"), self.website),
            ("Facebook", self.facebook_url),
            ("LINE", self.line_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]


class PartnerLink(TranslatableMixin, Orderable):
    """Base of the page-to-partner links; translating a page maps each link to
    the partner's translation in the page's language."""

    partner = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class TopicLink(TranslatableMixin, Orderable):
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class PartnerIndexPage(ThaiSlugMixin, RoutablePageMixin, Page):
    """The public partner directory, with a page of its own for every partner."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("partner directory")

    @path("")
    def directory(self, request):
        from network.filters import PartnerFilter

        # Lazy, so that a kept directory part (partner_index_page.html) reads none of it.
        partner_filter = SimpleLazyObject(lambda: PartnerFilter(request.GET, locale=self.locale))
        listing = LazyListingPage(request, lambda: partner_filter.queryset())
        return self.render(
            request,
            context_overrides={"partner_filter": partner_filter, **listing.context("partners")},
        )

    @path("<slug:partner_slug>/", name="partner")
    def partner_detail(self, request, partner_slug):
        partner = get_object_or_404(
            PartnerOrganisation.objects.filter(locale_id=self.locale_id).select_related("logo"),
            slug=partner_slug,
        )
        listing = LazyListingPage(request, lambda: pages_linked_to(partner))
        return self.render(
            request,
            context_overrides={
                "partner": partner,
                **listing.context("linked_pages"),
                "alternate_urls": self.partner_alternate_urls(partner),
            },
            template="network/partner_page.html",
        )

    def partner_alternate_urls(self, partner):
        """The same partner's page in each language it is translated into."""
        indexes = {
            index.locale_id: index
            for index in PartnerIndexPage.objects.live().filter(
                translation_key=self.translation_key
            )
        }
        urls = {}
        for translation in partner.get_translations(inclusive=True).select_related("locale"):
            index = indexes.get(translation.locale_id)
            if index is not None:
                urls[translation.locale.language_code] = index.partner_url(translation)
        return urls

    def partner_url(self, partner):
        return self.url + self.reverse_subpage("partner", kwargs={"partner_slug": partner.slug})
