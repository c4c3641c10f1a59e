"""Facets of the public search: what the matches are, about, with whom, where
and when, with a count for each choice and a filter a reader can apply.

Every facet is counted in one grouped query over the matches, so the cost
does not grow with the number of matches shown.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import CharField, F, Value
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


def _link_options(facet, params):
    for option in facet.options:
        chosen = params.copy()
        chosen.pop("page", None)
        if option.selected:
            chosen.pop(facet.name, None)
        else:
            chosen[facet.name] = option.value
        option.url = f"?{chosen.urlencode()}"


def _link_rows(name, kind, matches):
    """(facet, key, label, value, page) for every link from a match to a target."""
    for source in kind.sources:
        target = source.target_field
        yield (
            source.links()
            .filter(**{source.page_lookup("pk__in"): matches})
            .exclude(**{source.target_id_field: None})
            .annotate(
                facet_name=Value(name, output_field=CharField()),
                facet_key=F(source.target_id_field),
                facet_label=F(f"{target}__name"),
                facet_value=F(f"{target}__slug"),
                facet_page=source.page_id_expression(),
            )
        )


def _facet_rows(matches):
    """Every (facet, key, label, value, page) that the facets count, as querysets
    of the same shape, to be counted together."""
    blank = Value("", output_field=CharField())

    def named(name):
        return Value(name, output_field=CharField())

    yield matches.model.objects.filter(pk__in=matches).annotate(
        facet_name=named("type"),
        facet_key=F("content_type_id"),
        facet_label=blank,
        facet_value=blank,
        facet_page=F("pk"),
    )
    yield from _link_rows("topic", topic_links, matches)
    yield from _link_rows("partner", partner_links, matches)
    yield EventSummaryPage.provinces.through.objects.filter(
        eventsummarypage_id__in=matches
    ).annotate(
        facet_name=named("province"),
        facet_key=F("province_id"),
        facet_label=blank,
        facet_value=F("province__code"),
        facet_page=F("eventsummarypage_id"),
    )
    for model in DATED_PAGE_TYPES:
        yield (
            model.objects.filter(pk__in=matches)
            .exclude(**{model.date_field: None})
            .annotate(
                facet_name=named("year"),
                facet_key=ExtractYear(model.date_field),
                facet_label=blank,
                facet_value=blank,
                facet_page=F("pk"),
            )
        )


def _count_facets(matches):
    """{facet: {key: (label, value, pages)}} in one query: each page counts once
    per option, also when it links to a target twice (an e-book's publisher who
    is also its partner)."""
    columns = ("facet_name", "facet_key", "facet_label", "facet_value", "facet_page")
    parts = [rows.order_by().values_list(*columns) for rows in _facet_rows(matches)]
    # UNION, not UNION ALL: the same page and option from two tables count once.
    union_sql, params = parts[0].union(*parts[1:]).query.sql_with_params()
    with connections[matches.db].cursor() as cursor:
        cursor.execute(
            "SELECT facet_name, facet_key, facet_label, facet_value, COUNT(*) FROM "  # noqa: S608
            f"({union_sql}) AS facet_rows "
            "GROUP BY facet_name, facet_key, facet_label, facet_value",
            params,
        )
        rows = cursor.fetchall()
    counted = {}
    for facet, key, label, value, count in rows:
        counted.setdefault(facet, {})[int(key)] = (label, value, count)
    return counted


def _counted_options(counted, selected):
    ranked = sorted(counted.items(), key=lambda item: (-item[1][2], item[1][0]))
    return [
        FacetOption(value=value, label=label, count=count, selected=key == selected)
        for key, (label, value, count) in ranked[:MAX_OPTIONS]
    ]


def build_facets(matches, filters, params):
    """Facets with counts over `matches`, a queryset of the matching pages' ids;
    each option links to the search with `params` (the request's query string)
    and that option chosen or removed."""
    counted = _count_facets(matches)
    facets = []

    type_counts = counted.get("type", {})
    type_options = []
    for key, model in PAGE_TYPES.items():
        found = type_counts.get(ContentType.objects.get_for_model(model).pk)
        if found:
            label = str(model._meta.verbose_name).capitalize()
            type_options.append(FacetOption(key, label, found[2], key == filters.page_type))
    facets.append(Facet("type", FACET_LABELS["type"], type_options))

    for name, chosen in (("topic", filters.topic), ("partner", filters.partner)):
        options = _counted_options(counted.get(name, {}), chosen and chosen.pk)
        facets.append(Facet(name, FACET_LABELS[name], options))

    province_counts = counted.get("province", {})
    # Province names are in the reader's language, which the database does not know.
    provinces = Province.objects.in_bulk(list(province_counts))
    named = {
        key: (provinces[key].name, value, count)
        for key, (_label, value, count) in province_counts.items()
        if key in provinces
    }
    chosen_province = filters.province and filters.province.pk
    facets.append(
        Facet("province", FACET_LABELS["province"], _counted_options(named, chosen_province))
    )

    years = sorted(counted.get("year", {}).items(), reverse=True)[:MAX_OPTIONS]
    facets.append(
        Facet(
            "year",
            FACET_LABELS["year"],
            [
                FacetOption(str(year), str(year), count, year == filters.year, is_year=True)
                for year, (_label, _value, count) in years
            ],
        )
    )
    facets = [facet for facet in facets if facet.options]
    for facet in facets:
        _link_options(facet, params)
    return facets
