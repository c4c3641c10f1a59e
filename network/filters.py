from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PartnerOrganisation, Province

MAX_QUERY_LENGTH = 100


class PartnerFilter(forms.Form):
    """The partner directory's filters. Unknown values are ignored, never an error page."""

    q = forms.CharField(label=_("Name"), required=False, max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)

    def __init__(self, data, locale):
        data = data.copy()
        if len(data.get("q", "")) > MAX_QUERY_LENGTH:
            data["q"] = data["q"][:MAX_QUERY_LENGTH]
        super().__init__(data)
        self.locale = locale
        self.fields["kind"].choices = [("", _("All kinds")), *PartnerOrganisation.Kind.choices]
        self.fields["province"].choices = [
            ("", _("All provinces")),
            *((p.code, p.name) for p in Province.objects.all()),
        ]

    def queryset(self):
        partners = (
            PartnerOrganisation.objects.filter(locale=self.locale)
            .select_related("logo")
            .prefetch_related("provinces")
        )
        # A field with a value we do not know is left out; the others still apply.
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        if data["q"]:
            partners = partners.filter(name__icontains=data["q"]) | partners.filter(
                short_name__icontains=data["q"]
            )
        if data["kind"]:
            partners = partners.filter(kind=data["kind"])
        if data["province"]:
            partners = partners.filter(provinces__code=data["province"])
        return partners.distinct()

    @property
    def active(self):
        self.is_valid()
        return any(self.cleaned_data.get(name) for name in self.fields)
