"""Which pages explain personal data and cookies, per site."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

https_only = URLValidator(schemes=["https"])


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """Which pages explain personal data and cookies, and the optional statistics script."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page, in the reader's language."),
    )
    cookie_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cookie notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the cookie banner and the footer, in the reader's language."),
    )
    analytics_script_url = models.URLField(
        _("statistics script address"),
        blank=True,
        validators=[https_only],
        help_text=_(
            "Optional: the https address of a statistics script, such as a Plausible script "
            "or a Matomo Tag Manager container. It is loaded only for readers who allow "
            "statistics; while it is blank, readers are not asked about statistics."
        ),
    )

    panels = [
        PageChooserPanel("privacy_notice", "core.InformationPage"),
        PageChooserPanel("cookie_notice", "core.InformationPage"),
        FieldPanel("analytics_script_url"),
    ]

    class Meta:
        verbose_name = _("privacy and cookies")
