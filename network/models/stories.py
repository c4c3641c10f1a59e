import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from network.stories.storage import get_submission_storage, submission_file_name
from thai.slugs import ThaiSlugMixin

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

STANDARD_PURPOSE = _(
    "To check your story with you, publish it on this site with your organisation's "
    "name, and tell you when it is published or why it was not."
)
STANDARD_DATA_KEPT = _(
    "Your name, email address and phone number, your organisation, the story, the "
    "photos and file you send, and when you agreed to this notice."
)
STANDARD_RECIPIENTS = _(
    "The foundation's communications staff and moderators. Your contact details are "
    "never published; the story, photos and organisation name are, once approved."
)


class StoryFormPage(ThaiSlugMixin, RoutablePageMixin, Page):
    """The public form where partner organisations send in their own stories."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What partners can send and what happens next.")
    )
    privacy_purpose = models.TextField(
        _("why we collect the data"), blank=True, help_text=_("Blank: the standard text.")
    )
    privacy_data_kept = models.TextField(
        _("what we keep"), blank=True, help_text=_("Blank: the standard text.")
    )
    privacy_recipients = models.TextField(
        _("who sees it"), blank=True, help_text=_("Blank: the standard text.")
    )
    retention_days = models.PositiveIntegerField(
        _("days personal data is kept"),
        default=365,
        help_text=_(
            "Contact details and files not used on a page are deleted this many days after a "
            "story is sent (manage.py purge_submissions)."
        ),
    )
    privacy_contact_email = models.EmailField(
        _("email for access or deletion requests"),
        blank=True,
        help_text=_(
            "Where partners ask to see or delete their data. Defaults to the site's email."
        ),
    )
    thank_you_text = models.TextField(
        _("thank-you message"),
        blank=True,
        help_text=_("Shown after sending, above the reference number."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_purpose"),
                FieldPanel("privacy_data_kept"),
                FieldPanel("privacy_recipients"),
                FieldPanel("retention_days"),
                FieldPanel("privacy_contact_email"),
            ],
            heading=_("Personal data notice (PDPA)"),
            help_text=_(
                "Changing the notice gives it a new version; each submission records the "
                "version its sender agreed to."
            ),
        ),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story form")

    @property
    def purpose(self):
        return self.privacy_purpose or str(STANDARD_PURPOSE)

    @property
    def data_kept(self):
        return self.privacy_data_kept or str(STANDARD_DATA_KEPT)

    @property
    def recipients(self):
        return self.privacy_recipients or str(STANDARD_RECIPIENTS)

    @property
    def retention_text(self):
        return ngettext(
            "%(days)s day after you send the story. Then your contact details and the files "
            "not used on a page are deleted.",
            "%(days)s days after you send the story. Then your contact details and the files "
            "not used on a page are deleted.",
            self.retention_days,
        ) % {"days": self.retention_days}

    @property
    def deletion_text(self):
        return gettext("Write to %(email)s with your reference number.") % {
            "email": self.deletion_contact
        }

    @property
    def deletion_contact(self):
        return self.privacy_contact_email or settings.STORY_PRIVACY_EMAIL

    @cached_property
    def notice_text(self):
        """The notice as the partner reads it, as plain text, kept with each submission."""
        return "\n".join(f"{heading}: {text}" for heading, text in self.notice_sections())

    def notice_sections(self):
        return [
            (gettext("Why we collect it"), self.purpose),
            (gettext("What we keep"), self.data_kept),
            (gettext("How long we keep it"), self.retention_text),
            (gettext("Who sees it"), self.recipients),
            (gettext("To see or delete your data"), self.deletion_text),
        ]

    @property
    def notice_version(self):
        return hashlib.sha256(self.notice_text.encode()).hexdigest()[:12]

    @path("")
    def story_form(self, request):
        from network.stories.views import story_form_view

        return story_form_view(self, request)

    @path("thanks/<str:token>/", name="thanks")
    def thanks(self, request, token):
        from network.stories.views import thanks_view

        return thanks_view(self, request, token)


def new_reference():
    year = timezone.localdate().year + 543
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{year}-{code}"


class StorySubmission(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    class Kind(models.TextChoices):
        EVENT = "event", _("Event summary")
        ARTICLE = "article", _("Article")

    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    form_page = models.ForeignKey(
        StoryFormPage,
        verbose_name=_("form"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    submitted_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    partner = models.ForeignKey(
        "network.PartnerOrganisation",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    new_organisation_name = models.CharField(
        _("new organisation (to confirm)"),
        max_length=255,
        blank=True,
        help_text=_("A name the partner typed. Not published until staff add the partner."),
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    kind = models.CharField(_("kind of story"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    start_date = models.DateField(_("event date"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    provinces = models.ManyToManyField(
        "network.Province", verbose_name=_("provinces"), blank=True, related_name="+"
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    story = models.TextField(_("story"), blank=True)

    consent_at = models.DateTimeField(_("agreed to the notice at"))
    notice_version = models.CharField(_("notice version"), max_length=32)
    notice_text = models.TextField(_("notice agreed to"))
    retention_days = models.PositiveIntegerField(_("days personal data is kept"))
    # A keyed hash of the sender's network address, for the rate limit only.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    processing_error = models.TextField(_("processing problem"), blank=True)
    # The background task (network.stories.tasks) makes the draft page and sends
    # the emails; each step is recorded so that running it again repeats nothing.
    processing_attempts = models.PositiveSmallIntegerField(_("processing attempts"), default=0)
    needs_attention = models.BooleanField(
        _("needs attention"),
        default=False,
        db_index=True,
        help_text=_("The draft page could not be made after every retry: see the problem."),
    )
    moderators_notified_at = models.DateTimeField(
        _("staff told at"), null=True, blank=True, editable=False
    )
    partner_confirmed_at = models.DateTimeField(
        _("confirmation sent at"), null=True, blank=True, editable=False
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_purged_at = models.DateTimeField(
        _("personal data deleted at"), null=True, blank=True
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")

    def __str__(self):
        return f"{self.reference} · {self.title}"

    @property
    def purge_due_at(self):
        return self.submitted_at + timezone.timedelta(days=self.retention_days)


def submission_upload_to(instance, filename):
    # The partner's file name is kept in original_name, never in the path.
    return submission_file_name(instance.submission.reference, instance.content_type)


class StorySubmissionFile(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        PDF = "pdf", _("PDF")

    submission = models.ForeignKey(StorySubmission, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    file = models.FileField(
        _("file"), upload_to=submission_upload_to, storage=get_submission_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(_("size"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    metadata_removed = models.BooleanField(_("metadata removed"), default=False)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image on the page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return self.original_name
