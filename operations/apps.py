from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What keeps the site running without an operations team: the background
    worker and its schedules, health checks, error reports, backups."""

    name = "operations"
    verbose_name = _("Operations")
