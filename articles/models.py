import re

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.listing_parts import LazyListingPage
from core.visibility import readable_pages
from network.links import prefetch_for_cards, related_pages_by_links
from network.models import PartnerLink, Province, TopicLink
from thai.slugs import ThaiSlugMixin

from . import ebooks, opds  # ebooks also defines the EbookDownloadCount model
from .blocks import (
    RICH_TEXT_FEATURES,
    AgreementBlock,
    BodyBlock,
    IndicatorBlock,
    ObjectiveBlock,
    ProblemSolutionBlock,
    TocEntryBlock,
)
from .filters import ListingFilter
from .validators import validate_isbn

RELATED_PAGES_SHOWN = 4
# Authors typed as "A, B; C" or one per line are several people.
AUTHOR_SEPARATORS = re.compile(r"\s*[,;\n]\s*")


def prefetch_images(pages, field):
    prefetch_related_objects(
        pages, Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())
    )


class ListingPage(ThaiSlugMixin, Page):
    """An index page that lists its children newest first, a page at a time."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        abstract = True

    listing_model = None
    listing_order = ()
    # What readers can narrow the listing by (see articles.filters.ListingFilter).
    filter_names = ("topic", "partner", "programme", "year")

    def listing_queryset(self, request):
        model = self.listing_model
        return model.objects.filter(readable_pages()).child_of(self).order_by(*self.listing_order)

    def serve(self, request, *args, **kwargs):
        # The filter form sends every select, chosen or not; dropping the empty
        # ones keeps the address short enough to read and share.
        blank = [name for name in self.filter_names if request.GET.get(name, None) == ""]
        if blank:
            kept = request.GET.copy()
            for name in blank:
                del kept[name]
            return redirect(request.path + (f"?{kept.urlencode()}" if kept else ""))
        return super().serve(request, *args, **kwargs)

    def has_filters_in_address(self, request):
        """True when the address asks for any filter, known or not: such pages
        are variations of the listing, not pages of their own."""
        return any(request.GET.get(name) for name in self.filter_names)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy, so that a kept listing part (listing_base.html) reads none of it.
        listing_filter = SimpleLazyObject(
            lambda: ListingFilter(request.GET, section=self, request=request)
        )
        listing = LazyListingPage(
            request,
            lambda: listing_filter.filter(self.listing_queryset(request)),
            self.listing_model.prefetch_for_cards,
        )
        context.update(
            listing.context(),
            listing_filter=listing_filter,
            active_filters=SimpleLazyObject(lambda: listing_filter.active()),
            filtered_address=self.has_filters_in_address(request),
        )
        return context


class ContentPage(ThaiSlugMixin, Page):
    """Fields and behaviour shared by articles, event summaries and e-books."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown in listings and previews."),
    )
    programme = models.ForeignKey(
        "network.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    card_image_field = "hero_image"
    date_field = None

    @property
    def card_image(self):
        return getattr(self, self.card_image_field)

    @property
    def display_date(self):
        return getattr(self, self.date_field)

    @classmethod
    def prefetch_for_cards(cls, pages):
        prefetch_images(pages, cls.card_image_field)

    @cached_property
    def partner_link_list(self):
        links = list(self.partner_links.all())
        prefetch_related_objects(links, "partner")
        return links

    @cached_property
    def topic_link_list(self):
        links = list(self.topic_links.all())
        prefetch_related_objects(links, "topic")
        return links

    def linked_partners(self):
        return [link.partner for link in self.partner_link_list]

    def linked_partner_ids(self):
        return {link.partner_id for link in self.partner_link_list}

    def related_pages(self):
        """Pages chosen by hand, then pages sharing the most partners and topics,
        then the newest pages of the same section, so no page ends in a dead end."""
        chosen = []
        for link in self.related_links.all():
            target = link.related_page.localized if link.related_page_id else None
            if target and target.live and target.pk != self.pk and target not in chosen:
                chosen.append(target.specific)
        missing = RELATED_PAGES_SHOWN - len(chosen)
        if missing > 0:
            exclude = {self.pk, *(page.pk for page in chosen)}
            chosen += related_pages_by_links(
                self,
                partner_ids=self.linked_partner_ids(),
                topic_ids={link.topic_id for link in self.topic_link_list},
                exclude_ids=exclude,
                limit=missing,
            )
        missing = RELATED_PAGES_SHOWN - len(chosen)
        if missing > 0:
            exclude = {self.pk, *(page.pk for page in chosen)}
            chosen += (
                type(self)
                .objects.filter(readable_pages())
                .sibling_of(self)
                .exclude(pk__in=exclude)
                .order_by(f"-{self.date_field}", "-pk")[:missing]
            )
        return prefetch_for_cards(chosen[:RELATED_PAGES_SHOWN])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: what the page's body shows is a cached fragment, queried only when it misses.
        context["partner_links"] = SimpleLazyObject(lambda: self.partner_link_list)
        context["partners"] = SimpleLazyObject(self.linked_partners)
        context["topics"] = SimpleLazyObject(lambda: [link.topic for link in self.topic_link_list])
        context["related_pages"] = SimpleLazyObject(self.related_pages)
        return context


class RelatedPageLink(Orderable):
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        abstract = True


# --- Articles -----------------------------------------------------------------


class ArticleIndexPage(ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    listing_order = ("-published_date", "-pk")

    class Meta:
        verbose_name = _("article index")

    filter_names = ("kind", *ListingPage.filter_names)

    @property
    def listing_model(self):
        return ArticlePage


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(ContentPage):
    class Kind(models.TextChoices):
        PARTNER_SUPPORT = "partner_support", _("Partner support")
        CONCEPT = "concept", _("Concept and knowledge")
        NEWS = "news", _("News")

    class Licence(models.TextChoices):
        ALL_RIGHTS_RESERVED = "all_rights_reserved", _("All rights reserved")
        CC_BY = "cc_by", _("Creative Commons Attribution (CC BY 4.0)")
        CC_BY_SA = "cc_by_sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA 4.0)")
        CC_BY_NC = "cc_by_nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)")
        CC_BY_NC_SA = (
            "cc_by_nc_sa",
            _("Creative Commons Attribution-NonCommercial-ShareAlike (CC BY-NC-SA 4.0)"),
        )
        CC_BY_ND = "cc_by_nd", _("Creative Commons Attribution-NoDerivatives (CC BY-ND 4.0)")
        CC_BY_NC_ND = (
            "cc_by_nc_nd",
            _("Creative Commons Attribution-NonCommercial-NoDerivatives (CC BY-NC-ND 4.0)"),
        )
        CC0 = "cc0", _("Public domain (CC0 1.0)")

    LICENCE_URLS = {
        "cc_by": "https://creativecommons.org/licenses/by/4.0/",
        "cc_by_sa": "https://creativecommons.org/licenses/by-sa/4.0/",
        "cc_by_nc": "https://creativecommons.org/licenses/by-nc/4.0/",
        "cc_by_nc_sa": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "cc_by_nd": "https://creativecommons.org/licenses/by-nd/4.0/",
        "cc_by_nc_nd": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    }

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author"), max_length=255, blank=True)
    published_date = models.DateField(
        _("first published"), default=timezone.localdate, help_text=_("Shown to readers.")
    )
    updated_date = models.DateField(
        _("last updated"), null=True, blank=True, help_text=_("Shown to readers when set.")
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.ALL_RIGHTS_RESERVED
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                MultipleChooserPanel(
                    "partner_links", label=_("Partners"), chooser_field_name="partner"
                ),
                FieldPanel("programme"),
                MultipleChooserPanel("topic_links", label=_("Topics"), chooser_field_name="topic"),
                FieldPanel("tags"),
            ],
            heading=_("Partners and topics"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("author_name"),
                FieldRowPanel([FieldPanel("published_date"), FieldPanel("updated_date")]),
                FieldPanel("licence"),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("related_links", label=_("Related pages"), max_num=RELATED_PAGES_SHOWN),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("published_date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    date_field = "published_date"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def licence_url(self):
        return self.LICENCE_URLS.get(self.licence, "")


class ArticlePartner(PartnerLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="partner_links")

    class Meta(PartnerLink.Meta):
        pass


class ArticleTopic(TopicLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        pass


class ArticleRelatedPage(RelatedPageLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")


# --- Event summaries ----------------------------------------------------------


class EventIndexPage(ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.EventSummaryPage"]
    listing_order = ("-start_date", "-pk")
    # Only events have places of their own; an article's or e-book's partners'
    # provinces say where the partner works, not what the page is about.
    filter_names = ("topic", "partner", "province", "programme", "year")

    class Meta:
        verbose_name = _("event index")

    @property
    def listing_model(self):
        return EventSummaryPage


class EventSummaryPage(ContentPage):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    reporting_period_start = models.DateField(_("reporting period from"), null=True, blank=True)
    reporting_period_end = models.DateField(_("reporting period to"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    provinces = ParentalManyToManyField(Province, verbose_name=_("provinces"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    participants_people = models.PositiveIntegerField(
        _("people who took part"), null=True, blank=True
    )
    participants_people_target = models.PositiveIntegerField(
        _("people expected"), null=True, blank=True
    )
    participants_organisations = models.PositiveIntegerField(
        _("organisations that took part"), null=True, blank=True
    )
    participants_organisations_target = models.PositiveIntegerField(
        _("organisations expected"), null=True, blank=True
    )
    participants_organisations_confirmed = models.PositiveIntegerField(
        _("organisations that confirmed"),
        null=True,
        blank=True,
        help_text=_("How many organisations had said they would come."),
    )
    participants_description = models.TextField(_("who took part"), blank=True)
    objectives = StreamField(
        [("objective", ObjectiveBlock())], verbose_name=_("objectives"), blank=True
    )
    activities = RichTextField(_("activities"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("outputs and outcomes"), blank=True)
    indicators = StreamField(IndicatorBlock(), verbose_name=_("indicators"), blank=True)
    problems = StreamField(
        [("problem", ProblemSolutionBlock())], verbose_name=_("problems and solutions"), blank=True
    )
    agreements = StreamField(
        [("agreement", AgreementBlock())], verbose_name=_("agreements"), blank=True
    )
    next_steps = RichTextField(_("next steps"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [FieldPanel("reporting_period_start"), FieldPanel("reporting_period_end")]
                ),
                FieldPanel("venue"),
                FieldPanel("provinces"),
                FieldPanel("programme"),
            ],
            heading=_("When and where"),
        ),
        MultipleChooserPanel(
            "partner_links", label=_("Organisers and partners"), chooser_field_name="partner"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("participants_people"), FieldPanel("participants_people_target")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("participants_organisations"),
                        FieldPanel("participants_organisations_target"),
                        FieldPanel("participants_organisations_confirmed"),
                    ]
                ),
                FieldPanel("participants_description"),
            ],
            heading=_("Participants"),
        ),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        FieldPanel("body"),
        FieldPanel("indicators"),
        FieldPanel("problems"),
        FieldPanel("agreements"),
        FieldPanel("next_steps"),
        MultipleChooserPanel(
            "gallery_images", label=_("Photo gallery"), chooser_field_name="image"
        ),
        MultipleChooserPanel("topic_links", label=_("Topics"), chooser_field_name="topic"),
        InlinePanel("related_links", label=_("Related pages"), max_num=RELATED_PAGES_SHOWN),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("venue"),
        index.SearchField("participants_description"),
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.SearchField("body"),
        index.SearchField("agreements"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["articles.EventIndexPage"]
    subpage_types = []
    date_field = "start_date"

    class Meta:
        verbose_name = _("event summary")
        verbose_name_plural = _("event summaries")

    @classmethod
    def prefetch_for_cards(cls, pages):
        super().prefetch_for_cards(pages)
        prefetch_related_objects(pages, "provinces")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if (
            self.reporting_period_start
            and self.reporting_period_end
            and self.reporting_period_end < self.reporting_period_start
        ):
            errors["reporting_period_end"] = _("The reporting period cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisers"] = SimpleLazyObject(lambda: self.partners_by_role(organisers=True))
        context["partners"] = SimpleLazyObject(lambda: self.partners_by_role(organisers=False))
        context["gallery"] = SimpleLazyObject(self.gallery_photos)
        return context

    def partners_by_role(self, organisers):
        return [
            link.partner
            for link in self.partner_link_list
            if (link.role == EventPartner.ORGANISER) == organisers
        ]

    def gallery_photos(self):
        photos = list(self.gallery_images.all())
        prefetch_images(photos, "image")
        return photos


class EventPartner(PartnerLink):
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    ROLE_CHOICES = [(ORGANISER, _("Organiser")), (PARTICIPANT, _("Participating partner"))]

    page = ParentalKey(EventSummaryPage, on_delete=models.CASCADE, related_name="partner_links")
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES, default=PARTICIPANT)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(PartnerLink.Meta):
        pass


class EventTopic(TopicLink):
    page = ParentalKey(EventSummaryPage, on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        pass


class EventGalleryImage(TranslatableMixin, Orderable):
    page = ParentalKey(EventSummaryPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @property
    def alt(self):
        return self.alt_text or self.caption or self.image.title


class EventRelatedPage(RelatedPageLink):
    page = ParentalKey(EventSummaryPage, on_delete=models.CASCADE, related_name="related_links")


# --- E-books ------------------------------------------------------------------


class EbookIndexPage(ebooks.ServedRoutablePageMixin, ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.EbookPage"]
    listing_order = ("-publication_date", "-pk")

    class Meta:
        verbose_name = _("e-book library")

    @property
    def listing_model(self):
        return EbookPage

    @ebooks.route("opds/", name="opds")
    def opds_catalogue(self, request):
        return opds.catalogue_response(request, self)

    def opds_url(self, request=None):
        return self.route_url("opds", request=request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        opds_url = self.opds_url(request)
        # Absolute, since readers copy it into an app.
        context["opds_url"] = request.build_absolute_uri(opds_url) if opds_url else ""
        return context


class EbookPage(ebooks.ServedRoutablePageMixin, ContentPage):
    LANGUAGE_CHOICES = [("th", "ไทย"), ("en", "English"), ("other", _("Other"))]

    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    epub = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("EPUB"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    series = models.CharField(_("series"), max_length=255, blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    publisher = models.ForeignKey(
        "network.PartnerOrganisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True, validators=[validate_isbn])
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="th")
    summary = RichTextField(_("summary"), blank=True, features=RICH_TEXT_FEATURES)
    table_of_contents = StreamField(
        [("chapter", TocEntryBlock())], verbose_name=_("table of contents"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("pdf"), FieldPanel("epub")],
            heading=_("Files"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("series"), FieldPanel("volume")]),
                FieldPanel("authors"),
                FieldPanel("publisher"),
                FieldPanel("programme"),
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("isbn"), FieldPanel("page_count")]),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("summary"),
        FieldPanel("table_of_contents"),
        MultipleChooserPanel("partner_links", label=_("Partners"), chooser_field_name="partner"),
        MultipleChooserPanel("topic_links", label=_("Topics"), chooser_field_name="topic"),
        InlinePanel(
            "related_links", label=_("Related events and articles"), max_num=RELATED_PAGES_SHOWN
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("summary"),
        index.SearchField("series"),
        index.SearchField("authors"),
        index.SearchField("isbn"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["articles.EbookIndexPage"]
    subpage_types = []
    card_image_field = "cover_image"
    date_field = "publication_date"

    class Meta:
        verbose_name = _("e-book")
        verbose_name_plural = _("e-books")

    def linked_partner_ids(self):
        return super().linked_partner_ids() | ({self.publisher_id} if self.publisher_id else set())

    def author_names(self):
        return [name for name in AUTHOR_SEPARATORS.split(self.authors.strip()) if name]

    def clean(self):
        super().clean()
        # Runs on every save (Page.save cleans first) and in the editor's form, so
        # the count read from the PDF is kept in the revision the editor publishes.
        if self.page_count is None and self.pdf_id:
            self.page_count = ebooks.pdf_page_count(self.pdf)

    @ebooks.route("read/", name="read")
    def read_pdf(self, request):
        return ebooks.serve_file(request, self, "pdf", inline=True)

    @ebooks.route("download/<str:file_format>/", name="download")
    def download_file(self, request, file_format):
        return ebooks.serve_file(request, self, file_format)

    def read_url(self, request=None):
        """Where the PDF opens in the browser; "" without a PDF."""
        return self.route_url("read", request=request) if self.pdf_id else ""

    def download_url(self, file_format, request=None):
        """Where the "pdf" or "epub" file downloads; "" if the e-book has none."""
        if file_format not in ebooks.FORMATS or not getattr(self, f"{file_format}_id"):
            return ""
        return self.route_url("download", kwargs={"file_format": file_format}, request=request)

    @cached_property
    def ebook_files(self):
        return ebooks.files_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.publisher_id:
            context["partners"] = SimpleLazyObject(self.partners_publisher_first)
        return context

    def partners_publisher_first(self):
        return [self.publisher] + [
            partner for partner in self.linked_partners() if partner.pk != self.publisher_id
        ]


class EbookPartner(PartnerLink):
    page = ParentalKey(EbookPage, on_delete=models.CASCADE, related_name="partner_links")

    class Meta(PartnerLink.Meta):
        pass


class EbookTopic(TopicLink):
    page = ParentalKey(EbookPage, on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        pass


class EbookRelatedPage(RelatedPageLink):
    page = ParentalKey(EbookPage, on_delete=models.CASCADE, related_name="related_links")

    panels = [
        PageChooserPanel("related_page", ["articles.EventSummaryPage", "articles.ArticlePage"])
    ]
