import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxValueValidator, MinValueValidator
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from network.models import PartnerOrganisation, Province, StorySubmission
from thai.digits import to_arabic_digits

from .text import clean_line, clean_multiline
from .uploads import check_pdf, check_photo

TIMING_SALT = "network.stories.form-opened"
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-.]+$")
EARLIEST_EVENT_YEAR = 1990
# Django's own message for this has no Thai translation.
TOO_LONG = _("Please shorten this to at most %(limit_value)s characters; it has %(show_value)s.")
PHONE_ERROR = _("Please give a phone number of 9 to 15 digits, such as 081 234 5678.")


class LineField(forms.CharField):
    """One line of plain text: invisible and control characters dropped, spaces collapsed."""

    default_error_messages = {"max_length": TOO_LONG}

    def to_python(self, value):
        return clean_line(super().to_python(value))


class TextField(forms.CharField):
    widget = forms.Textarea
    default_error_messages = {"max_length": TOO_LONG}

    def to_python(self, value):
        return clean_multiline(super().to_python(value))


class EmailAddressField(forms.EmailField):
    default_error_messages = {"max_length": TOO_LONG}

    def to_python(self, value):
        # An address with a NUL is simply not valid (Django's own message for
        # it has no Thai translation).
        value = super().to_python(value)
        if "\x00" in value:
            raise ValidationError(EmailValidator.message, code="invalid")
        return value


class NoNullChoiceMixin:
    """A NUL in a chosen value means it is not one of the choices (Django's own
    message for it has no Thai translation)."""

    def validate_no_null_characters(self, value):
        if "\x00" in str(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value).replace("\x00", "")},
            )


class PartnerChoiceField(NoNullChoiceMixin, forms.ModelChoiceField):
    pass


class ProvincesField(NoNullChoiceMixin, forms.ModelMultipleChoiceField):
    default_error_messages = {
        # Django's "“%(pk)s” is not a valid value." has no Thai translation.
        "invalid_pk_value": forms.ModelChoiceField.default_error_messages["invalid_choice"],
    }

    def clean(self, value):
        # Django passes a number too large for the database on to it (and the
        # database fails) in the "in" lookup it makes; it is not a choice.
        for pk in value if isinstance(value, list | tuple) else []:
            try:
                too_large = abs(int(str(pk))) >= 2**63
            except ValueError:
                continue
            if too_large:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value"
                )
        return super().clean(value)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(upload, initial) for upload in files]


def opened_token():
    return signing.TimestampSigner(salt=TIMING_SALT).sign(str(int(time.time())))


class StoryForm(forms.Form):
    partner = PartnerChoiceField(
        label=_("Your organisation"),
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        empty_label=_("Choose from the list, or type the name below"),
    )
    new_organisation_name = LineField(
        label=_("Organisation not in the list"),
        max_length=255,
        required=False,
        help_text=_("Staff will check it before it appears on the site."),
    )
    contact_name = LineField(
        label=_("Your name"), max_length=255, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = EmailAddressField(
        label=_("Email"),
        # The model's column holds 254 characters; Django's form field allows 320.
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the confirmation and the outcome here."),
    )
    phone = LineField(
        label=_("Phone"),
        max_length=32,
        required=False,
        error_messages={"max_length": PHONE_ERROR},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of story"),
        choices=StorySubmission.Kind.choices,
        widget=forms.RadioSelect,
        initial=StorySubmission.Kind.EVENT,
    )
    title = LineField(label=_("Title"), max_length=255)
    start_date = forms.DateField(
        label=_("Event date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Needed for an event summary."),
    )
    end_date = forms.DateField(
        label=_("Last day, if it ran over several days"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    provinces = ProvincesField(
        label=_("Province(s)"),
        queryset=Province.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"),
        required=False,
        validators=[MinValueValidator(0), MaxValueValidator(1_000_000)],
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )
    story = TextField(
        label=_("Your story"),
        max_length=20_000,
        help_text=_(
            "What happened, who took part, what came out of it. Plain text; leave an empty "
            "line between paragraphs."
        ),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    pdf = forms.FileField(
        label=_("A PDF (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=_("A report or programme, at most 20 MB."),
    )
    consent = forms.BooleanField(
        label=_("I have read the personal data notice above and agree to it."),
        error_messages={
            "required": _(
                "Please tick this box to agree to the notice; we cannot accept the story without it."
            )
        },
    )
    # Hidden from people (see the template); bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        partners = PartnerOrganisation.objects.order_by("name")
        if locale is not None:
            partners = partners.filter(locale=locale)
        self.fields["partner"].queryset = partners
        megabytes = settings.STORY_PHOTO_MAX_BYTES // (1024 * 1024)
        self.fields["photos"].help_text = ngettext_lazy(
            "Up to %(count)s photo: JPEG, PNG or WebP, each at most %(megabytes)s MB.",
            "Up to %(count)s photos: JPEG, PNG or WebP, each at most %(megabytes)s MB.",
            "count",
        ) % {
            "count": settings.STORY_MAX_PHOTOS,
            "megabytes": megabytes,
        }
        self.fields["photos"].widget.attrs.update(
            {
                "data-max-files": settings.STORY_MAX_PHOTOS,
                "data-max-bytes": settings.STORY_PHOTO_MAX_BYTES,
                "data-too-many": _("Too many photos: please choose at most %(count)s.")
                % {"count": settings.STORY_MAX_PHOTOS},
                "data-too-large": _("These photos are larger than %(megabytes)s MB:")
                % {"megabytes": megabytes},
            }
        )
        if not self.is_bound:
            self.initial["opened"] = opened_token()

    @property
    def opened_token(self):
        """The token to send again: the partner's own while it is valid, so the
        waiting time keeps counting, otherwise a new one."""
        if self.is_bound and self.opened_at(self.data.get("opened", "")) is not None:
            return self.data["opened"]
        return opened_token()

    @staticmethod
    def opened_at(token):
        try:
            value = signing.TimestampSigner(salt=TIMING_SALT).unsign(
                str(token), max_age=settings.STORY_FORM_MAX_AGE
            )
            return int(value)
        except (signing.BadSignature, ValueError):
            return None

    def clean_phone(self):
        phone = to_arabic_digits(self.cleaned_data["phone"])
        if phone and (
            not PHONE_CHARACTERS.match(phone) or not 9 <= len(re.sub(r"\D", "", phone)) <= 15
        ):
            raise ValidationError(PHONE_ERROR, code="invalid_phone")
        return phone

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        limit = settings.STORY_MAX_PHOTOS
        if len(photos) > limit:
            raise ValidationError(
                ngettext_lazy(
                    "You can send at most %(limit)s photo; you chose %(count)s.",
                    "You can send at most %(limit)s photos; you chose %(count)s.",
                    "limit",
                ),
                code="too_many_photos",
                params={"limit": limit, "count": len(photos)},
            )
        errors = []
        self.checked_photos = []
        for upload in photos:
            try:
                self.checked_photos.append((upload, check_photo(upload)))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return photos

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload:
            check_pdf(upload)
        return upload

    def clean_start_date(self):
        return self.check_event_date(self.cleaned_data["start_date"])

    def clean_end_date(self):
        return self.check_event_date(self.cleaned_data["end_date"])

    @staticmethod
    def check_event_date(value):
        if value is None:
            return value
        latest = timezone.localdate() + timezone.timedelta(days=366)
        if value.year < EARLIEST_EVENT_YEAR or value > latest:
            raise ValidationError(
                _("Please check the date; it should be between %(first)s and %(last)s."),
                code="date_out_of_range",
                params={"first": EARLIEST_EVENT_YEAR + 543, "last": latest.year + 543},
            )
        return value

    def full_clean(self):
        # A robot's post is refused on the hidden field and the timer alone,
        # before any field is cleaned: cleaning the photos decodes every one
        # of them, which a robot could otherwise make the server do for free.
        if self.is_bound:
            try:
                self.check_sent_by_a_person()
            except ValidationError as refusal:
                self._errors = ErrorDict()
                self.cleaned_data = {}
                self.add_error(None, refusal)
                return
        super().full_clean()

    def check_sent_by_a_person(self):
        if self.data.get("website"):
            raise ValidationError(
                _("The form could not be sent. Please leave the last field empty."),
                code="honeypot",
            )
        opened = self.opened_at(self.data.get("opened", ""))
        if opened is None:
            raise ValidationError(
                _("This form was open for too long. Please check your answers and send it again."),
                code="form_expired",
            )
        if time.time() - opened < settings.STORY_MIN_FILL_SECONDS:
            raise ValidationError(
                _(
                    "That was quicker than anyone can fill in the form. Please check it and send it again."
                ),
                code="too_fast",
            )

    def clean(self):
        data = super().clean()
        if (
            not data.get("partner")
            and not data.get("new_organisation_name")
            and ("partner" not in self.errors and "new_organisation_name" not in self.errors)
        ):
            self.add_error("partner", _("Please choose your organisation, or type its name below."))
        if (
            data.get("kind") == StorySubmission.Kind.EVENT
            and not data.get("start_date")
            and "start_date" not in self.errors
        ):
            self.add_error("start_date", _("An event summary needs the date of the event."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first."))
        return data
