"""Filters for the article, event-summary and e-book listings.

A choice is offered only when live pages of the section use it, so a reader
never picks a topic that empties the page. Values in the address read the same
in Thai and English (slugs, province codes, Gregorian years), so a filtered
link works after switching language. A value we do not know is left out and
named in a note, never an error page.
"""

from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.freshness import versioned_key
from core.visibility import readable_pages
from network.links import partner_links, topic_links
from network.models import PartnerOrganisation, Programme, Province, Topic
from thai.dates import is_thai
from thai.display import year_text

# Years are written in the reader's choice of digits (thai.display.year_text).
PER_READER_OPTIONS = {"year"}
# A content change retires the cached choices at once; this only bounds their storage.
OPTIONS_SECONDS = 3600


@dataclass(frozen=True)
class Option:
    value: str  # as it appears in the address
    label: str
    key: object  # what the query filters on: a primary key, a year, a kind


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value_label: str
    remove_url: str


def _address_value(snippet):
    return snippet.slug or str(snippet.pk)


class ListingFilter(forms.Form):
    """The filters of one listing page (`section`), read from the query string."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    ALL_LABELS = {
        "kind": _("All kinds"),
        "topic": _("All topics"),
        "partner": _("All partners"),
        "province": _("All provinces"),
        "programme": _("All programmes"),
        "year": _("All years"),
    }

    def __init__(self, data, section, request):
        super().__init__(data, auto_id="listing-filter-%s")
        self.section = section
        self.request = request
        self.page_model = section.listing_model
        self.section_pages = self.page_model.objects.filter(readable_pages()).child_of(section)
        for name in list(self.fields):
            if name not in section.filter_names:
                del self.fields[name]
        self.options = {}
        shared = self._shared_options()
        for name, field in self.fields.items():
            options = shared[name] if name in shared else getattr(self, f"_{name}_options")()
            self.options[name] = {option.value: option for option in options}
            field.choices = [
                ("", self.ALL_LABELS[name]),
                *((option.value, option.label) for option in options),
            ]
        self.is_valid()

    def _shared_options(self):
        """The choices every reader of the section sees alike, cached until content changes."""
        names = [name for name in self.fields if name not in PER_READER_OPTIONS]
        keys = {
            name: versioned_key(
                self.request, "listing-options", self.section.pk, get_language(), name
            )
            for name in names
        }
        found = cache.get_many(keys.values())
        options = {name: found[key] for name, key in keys.items() if key in found}
        missing = {
            keys[name]: getattr(self, f"_{name}_options")() for name in names if name not in options
        }
        if missing:
            cache.set_many(missing, OPTIONS_SECONDS)
        return {name: found.get(key, missing.get(key)) for name, key in keys.items()}

    # --- choices: one query each, whatever the number of pages or choices ------

    def _kind_options(self):
        used = set(self.section_pages.order_by().values_list("kind", flat=True).distinct())
        return [
            Option(value, label, value)
            for value, label in self.page_model.Kind.choices
            if value in used
        ]

    def _linked_options(self, model, kind):
        linked = model.objects.filter(locale_id=self.section.locale_id).filter(
            kind.targets_linked_from(self.section_pages, self.page_model)
        )
        return [Option(_address_value(item), str(item), item.pk) for item in linked]

    def _topic_options(self):
        return self._linked_options(Topic, topic_links)

    def _partner_options(self):
        return self._linked_options(PartnerOrganisation, partner_links)

    def _programme_options(self):
        programmes = Programme.objects.filter(
            locale_id=self.section.locale_id, pk__in=self.section_pages.values("programme_id")
        )
        return [Option(_address_value(item), str(item), item.pk) for item in programmes]

    def _province_options(self):
        provinces = Province.objects.filter(pk__in=self.section_pages.values("provinces")).order_by(
            "name_th" if is_thai(get_language()) else "name_en"
        )
        return [Option(province.code, province.name, province.pk) for province in provinces]

    def _year_options(self):
        dates = self.section_pages.dates(self.page_model.date_field, "year", order="DESC")
        return [Option(str(d.year), year_text(self.request, d.year), d.year) for d in dates]

    # --- what the reader chose ------------------------------------------------

    def chosen(self):
        """{field name: Option} for each filter with a value we know."""
        return {
            name: self.options[name][self.cleaned_data[name]]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    def filter(self, pages):
        for name, option in self.chosen().items():
            pages = getattr(self, f"_filter_{name}")(pages, option.key)
        return pages

    def _filter_kind(self, pages, kind):
        return pages.filter(kind=kind)

    def _filter_topic(self, pages, topic_id):
        return pages.filter(topic_links.pages_linking_to(topic_id, self.page_model))

    def _filter_partner(self, pages, partner_id):
        return pages.filter(partner_links.pages_linking_to(partner_id, self.page_model))

    def _filter_province(self, pages, province_id):
        return pages.filter(provinces=province_id)

    def _filter_programme(self, pages, programme_id):
        return pages.filter(programme_id=programme_id)

    def _filter_year(self, pages, year):
        return pages.filter(**{f"{self.page_model.date_field}__year": year})

    # --- what the template shows ----------------------------------------------

    def shown_fields(self):
        """The filters worth a select: those with at least one choice."""
        return [self[name] for name in self.fields if self.options[name]]

    def ignored_labels(self):
        """Labels of the filters whose value in the address we did not know."""
        return [str(self.fields[name].label) for name in self.fields if name in self.errors]

    def active(self):
        chosen = self.chosen()
        filters = []
        for name, option in chosen.items():
            rest = [(other, chosen[other].value) for other in chosen if other != name]
            remove_url = self.request.path + (f"?{urlencode(rest)}" if rest else "")
            filters.append(ActiveFilter(str(self.fields[name].label), option.label, remove_url))
        return filters
