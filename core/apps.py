from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import content_changes
        from .images import connect_deferred_renditions

        connect_deferred_renditions()
        content_changes.connect()
