from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="globe")
class ThaiLanguageSettings(BaseSiteSetting):
    use_thai_digits = models.BooleanField(
        default=False,
        verbose_name=_("Show Thai digits"),
        help_text=_("Show dates and numbers on Thai pages with Thai digits (๒๐ ต.ค. ๒๕๖๔)."),
    )

    class Meta:
        verbose_name = _("Thai language")
