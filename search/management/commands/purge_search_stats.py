"""Delete search counts older than the retention period.

    python manage.py purge_search_stats            # keep SEARCH_STATS_RETENTION_DAYS (365)
    python manage.py purge_search_stats --days 90

Run it daily (cron or a systemd timer): counts hold no personal data, but
keeping them no longer than they are useful is still the promise made to readers.
"""

from django.core.management.base import BaseCommand, CommandError

from search.stats import purge_old_counts, retention_days


def positive_days(value, source):
    text = str(value).strip()
    # bool is an int to Python, but True is a typo in settings, not one day.
    if isinstance(value, bool) or not text.isdecimal() or int(text) < 1:
        raise CommandError(f"{source} must be a whole number of days, 1 or more (got {value!r}).")
    return int(text)


class Command(BaseCommand):
    help = (
        "Delete search counts from before the last N days "
        "(SEARCH_STATS_RETENTION_DAYS, 365 unless set; today counts as one of them)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            metavar="N",
            help="Keep the last N days instead of SEARCH_STATS_RETENTION_DAYS.",
        )

    def handle(self, *args, **options):
        if options["days"] is None:
            days = positive_days(retention_days(), "SEARCH_STATS_RETENTION_DAYS")
        else:
            days = positive_days(options["days"], "--days")
        deleted, cutoff = purge_old_counts(days)
        self.stdout.write(
            f"Removed {deleted} search count row{'' if deleted == 1 else 's'} "
            f"from before {cutoff.isoformat()} (keeping the last {days} day{'' if days == 1 else 's'})."
        )
