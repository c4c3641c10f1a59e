"""Facets of the public search: what the matches are, about, with whom, where
and when, with a count for each choice and a filter a reader can apply.

Every facet is counted with a few grouped queries over the matches, so the
cost does not grow with the number of matches shown.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage, EbookPage, EventSummaryPage
from network.links import partner_links, topic_links
from network.models import PartnerOrganisation, Province, Topic

# Page types a reader can narrow the search to, by the key used in the URL.
PAGE_TYPES = {
    "article": ArticlePage,
    "event": EventSummaryPage,
    "ebook": EbookPage,
}
DATED_PAGE_TYPES = tuple(PAGE_TYPES.values())
FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "partner": _("Partner"),
    "province": _("Province"),
    "year": _("Year"),
}
MAX_OPTIONS = 12


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    # A year is shown in the reader's era by the template, not here.
    is_year: bool = False
    # Chooses this option, or removes it when it is already chosen.
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


@dataclass
class Filters:
    """The facet choices in a request, resolved to objects; unknown values are
    ignored rather than refused, so an old or mistyped link still searches."""

    page_type: str = ""
    topic: Topic | None = None
    partner: PartnerOrganisation | None = None
    province: Province | None = None
    year: int | None = None

    @classmethod
    def from_request(cls, params, locale):
        filters = cls()
        page_type = params.get("type", "")
        if page_type in PAGE_TYPES:
            filters.page_type = page_type
        slug = params.get("topic", "")
        if slug:
            filters.topic = Topic.objects.filter(locale=locale, slug=slug[:100]).first()
        slug = params.get("partner", "")
        if slug:
            filters.partner = PartnerOrganisation.objects.filter(
                locale=locale, slug=slug[:100]
            ).first()
        code = params.get("province", "")
        if code:
            filters.province = Province.objects.filter(code=code[:5]).first()
        year = params.get("year", "")
        if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2200:
            filters.year = int(year)
        return filters

    def __bool__(self):
        return any((self.page_type, self.topic, self.partner, self.province, self.year))

    def apply(self, pages):
        """Narrow a page queryset (before searching) to the chosen facets."""
        if self.page_type:
            pages = pages.filter(id__in=PAGE_TYPES[self.page_type].objects.values("pk"))
        if self.topic:
            pages = pages.filter(topic_links.pages_linking_to(self.topic.pk))
        if self.partner:
            pages = pages.filter(partner_links.pages_linking_to(self.partner.pk))
        if self.province:
            pages = pages.filter(
                id__in=EventSummaryPage.objects.filter(provinces=self.province).values("pk")
            )
        if self.year:
            pages = pages.filter(id__in=_pages_of_year(self.year))
        return pages


def _pages_of_year(year):
    queries = [
        model.objects.filter(**{f"{model.date_field}__year": year}).values("pk").order_by()
        for model in DATED_PAGE_TYPES
    ]
    return queries[0].union(*queries[1:])


def _options(counts, objects, selected, value_of, label_of):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], label_of(objects[item[0]])))
    return [
        FacetOption(
            value=value_of(objects[key]),
            label=label_of(objects[key]),
            count=count,
            selected=objects[key] == selected,
        )
        for key, count in ranked[:MAX_OPTIONS]
        if key in objects
    ]


def _link_options(facet, params):
    for option in facet.options:
        chosen = params.copy()
        chosen.pop("page", None)
        if option.selected:
            chosen.pop(facet.name, None)
        else:
            chosen[facet.name] = option.value
        option.url = f"?{chosen.urlencode()}"


def build_facets(matches, filters, params):
    """Facets with counts over `matches`, a queryset of the matching pages' ids;
    each option links to the search with `params` (the request's query string)
    and that option chosen or removed."""
    facets = []

    type_counts = {}
    content_types = dict(
        matches.model.objects.filter(pk__in=matches)
        .order_by()
        .values("content_type")
        .annotate(total=Count("pk"))
        .values_list("content_type", "total")
    )
    for key, model in PAGE_TYPES.items():
        total = content_types.get(ContentType.objects.get_for_model(model).pk, 0)
        if total:
            type_counts[key] = (model._meta.verbose_name, total)
    facets.append(
        Facet(
            "type",
            FACET_LABELS["type"],
            [
                FacetOption(key, str(label).capitalize(), total, key == filters.page_type)
                for key, (label, total) in type_counts.items()
            ],
        )
    )

    for name, kind, model, chosen in (
        ("topic", topic_links, Topic, filters.topic),
        ("partner", partner_links, PartnerOrganisation, filters.partner),
    ):
        counts = kind.link_counts(matches)
        linked = model.objects.in_bulk(list(counts))
        facets.append(
            Facet(
                name,
                FACET_LABELS[name],
                _options(counts, linked, chosen, lambda obj: obj.slug, lambda obj: obj.name),
            )
        )

    province_counts = Counter(
        dict(
            EventSummaryPage.provinces.through.objects.filter(eventsummarypage_id__in=matches)
            .order_by()
            .values("province")
            .annotate(total=Count("eventsummarypage", distinct=True))
            .values_list("province", "total")
        )
    )
    provinces = Province.objects.in_bulk(list(province_counts))
    facets.append(
        Facet(
            "province",
            FACET_LABELS["province"],
            _options(
                province_counts, provinces, filters.province, lambda p: p.code, lambda p: p.name
            ),
        )
    )

    year_counts = Counter()
    for model in DATED_PAGE_TYPES:
        year_counts.update(
            dict(
                model.objects.filter(pk__in=matches)
                .exclude(**{model.date_field: None})
                .annotate(year=ExtractYear(model.date_field))
                .order_by()
                .values("year")
                .annotate(total=Count("pk"))
                .values_list("year", "total")
            )
        )
    facets.append(
        Facet(
            "year",
            FACET_LABELS["year"],
            [
                FacetOption(str(year), str(year), total, year == filters.year, is_year=True)
                for year, total in sorted(year_counts.items(), reverse=True)[:MAX_OPTIONS]
            ],
        )
    )
    facets = [facet for facet in facets if facet.options]
    for facet in facets:
        _link_options(facet, params)
    return facets
