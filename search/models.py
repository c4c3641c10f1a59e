from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

TERM_MAX_LENGTH = 200


class SearchTermDailyCount(models.Model):
    """How often a term was searched in one language on one day.

    Deliberately nothing more: no IP address, session, user, user agent or
    time of day, so the table can never say who searched for what, only how
    often something was searched. tests/test_search_stats.py fails if a field
    is added, so widening what is kept has to be a conscious decision.
    """

    term = models.CharField(_("search term"), max_length=TERM_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=20)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    # How many different clients searched it that day (SearchTermClient), so
    # that one client repeating a search cannot make it a suggestion.
    clients = models.PositiveIntegerField(_("different searchers"), default=0)

    class Meta:
        verbose_name = _("search term count")
        verbose_name_plural = _("search term counts")
        # Counts are only ever read; no one adds or edits them by hand.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language", "date"], name="search_term_language_date_unique"
            ),
            models.CheckConstraint(
                condition=Q(searches_without_results__lte=F("searches")),
                name="search_term_without_results_lte_searches",
            ),
        ]
        indexes = [
            # The report, the public suggestions and the purge all select a
            # range of days, usually in one language, then group by term.
            models.Index(fields=["language", "date"], name="search_term_language_date"),
            models.Index(fields=["date"], name="search_term_date"),
        ]

    def __str__(self):
        return f"{self.term} ({self.language}, {self.date})"


class SearchTermClient(models.Model):
    """That someone searched a term on a day, under a keyed hash of their
    address and that day (search.stats), to count each client once.

    The hash changes every day and cannot be reversed without the site's
    secret key; rows are deleted after a day or two (search.stats).
    """

    term = models.CharField(max_length=TERM_MAX_LENGTH)
    language = models.CharField(max_length=20)
    date = models.DateField()
    client = models.CharField(max_length=64)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language", "date", "client"], name="search_term_client_unique"
            ),
        ]
        indexes = [models.Index(fields=["date"], name="search_term_client_date")]

    def __str__(self):
        return f"{self.term} ({self.language}, {self.date})"
