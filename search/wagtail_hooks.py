import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Sum
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import SearchTermDailyCount
from .stats import normalise_term, window_start

permission_policy = ModelPermissionPolicy(SearchTermDailyCount)

ALL_TIME = "all"
DEFAULT_PERIOD = "30"
PERIODS = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    (ALL_TIME, _("All time")),
]
FOUND_NOTHING = "nothing"
# Terms from a reader's search box end up in editors' spreadsheets, where a
# leading "=" (or +, -, @) would run as a formula. XLSX export already stores
# such cells as text; CSV has no types, so the term is prefixed with a quote.
SPREADSHEET_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    value = str(value)
    return "'" + value if value.startswith(SPREADSHEET_FORMULA_START) else value


class SearchTermPaginator(WagtailPaginator):
    # Rows are terms, not the daily counts (the model) that they add up.
    verbose_name = _("search term")
    verbose_name_plural = _("search terms")


class SearchTermsFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        method="filter_period",
        choices=PERIODS,
        empty_label=None,
        initial=DEFAULT_PERIOD,
        widget=forms.RadioSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: list(settings.LANGUAGES),
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    results = django_filters.ChoiceFilter(
        label=_("Results"),
        method="filter_results",
        choices=[(FOUND_NOTHING, _("Found nothing only"))],
        empty_label=_("All terms"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchTermDailyCount
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # A period is always in force: without one "all time" would silently
        # become the default the first time the page opens.
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, queryset, request=request, prefix=prefix)

    def filter_period(self, queryset, name, value):
        if value == ALL_TIME:
            return queryset
        return queryset.filter(date__gte=window_start(int(value)))

    def filter_results(self, queryset, name, value):
        if value == FOUND_NOTHING:
            return queryset.filter(total_without_results__gt=0)
        return queryset


class SearchTermsReportView(ReportView):
    page_title = _("What readers search for")
    header_icon = "search"
    verbose_name = _("search term")
    verbose_name_plural = _("search terms")
    paginator_class = SearchTermPaginator
    results_template_name = "search/admin/search_terms_results.html"
    index_url_name = "search_stats:report"
    index_results_url_name = "search_stats:report_results"
    model = SearchTermDailyCount
    permission_policy = permission_policy
    permission_required = "view"
    filterset_class = SearchTermsFilterSet
    is_searchable = True
    default_ordering = "-total_searches"
    paginate_by = 100
    columns = [
        Column("term", label=_("Search term"), sort_key="term"),
        Column("language_name", label=_("Language"), sort_key="language"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        NumberColumn(
            "total_without_results",
            label=_("Searches that found nothing"),
            sort_key="total_without_results",
        ),
    ]
    list_export = ["term", "language", "total_searches", "total_without_results"]
    export_headings = {
        "term": _("Search term"),
        "language": _("Language"),
        "total_searches": _("Searches"),
        "total_without_results": _("Searches that found nothing"),
    }
    custom_field_preprocess = {"term": {ReportView.FORMAT_CSV: csv_safe}}
    export_filename = "search-terms"

    def get_base_queryset(self):
        # The period and language filters are WHERE conditions on the daily
        # rows even though they are applied after this; only "found nothing"
        # compares the sums (HAVING).
        return (
            SearchTermDailyCount.objects.values("term", "language")
            .annotate(
                total_searches=Sum("searches"),
                total_without_results=Sum("searches_without_results"),
            )
            .order_by()
        )

    def get_filtered_queryset(self):
        # get_queryset() has filtered already; a second pass would only repeat
        # the same conditions in the SQL.
        return self.get_queryset()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # Equal counts are common; a stable order keeps pages from overlapping.
        return queryset.order_by(*queryset.query.order_by, "term", "language")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Terms are stored normalised, so "๒๕๖๔" finds "2564".
        return queryset.filter(term__contains=normalise_term(self.search_query))

    def decorate_paginated_queryset(self, object_list):
        names = dict(settings.LANGUAGES)
        return [
            {**row, "language_name": names.get(row["language"], row["language"])}
            for row in object_list
        ]

    def stream_csv(self, queryset):
        # Without a byte order mark Excel reads UTF-8 as the local code page
        # and shows Thai terms as mojibake.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("No search terms match these filters.")
        return _("No searches have been counted in this period.")

    def period_totals(self):
        rows = SearchTermDailyCount.objects.all()
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            rows = self.filters.filter_period(rows, "period", data.get("period"))
            if data.get("language"):
                rows = rows.filter(language=data["language"])
        return rows.aggregate(
            searches=Sum("searches", default=0),
            without_results=Sum("searches_without_results", default=0),
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["period_totals"] = self.period_totals()
        return context


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_search_terms_report_url():
    urls = [
        path("", SearchTermsReportView.as_view(), name="report"),
        path("results/", SearchTermsReportView.as_view(results_only=True), name="report_results"),
    ]
    return [path("reports/reader-searches/", include((urls, "search_stats")))]


@hooks.register("register_reports_menu_item")
def register_search_terms_report_menu_item():
    return SearchTermsMenuItem(
        _("What readers search for"),
        reverse("search_stats:report"),
        name="reader-searches",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_permissions")
def register_search_terms_permission():
    # Lets an administrator grant the report to a group (Settings → Groups).
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_searchtermdailycount"
    )


@hooks.register("construct_reports_menu")
def hide_search_promotions_terms_report(request, menu_items):
    # search_promotions counts hits only when a view calls Query.add_hit(); the
    # public search counts into the report above instead, so that one stays empty.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
