from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


def add_one(model, field, **identity):
    """Add one to `field` of the counter row named by `identity`, atomically in the
    database (never read, add, write): one UPDATE, and on the first count an INSERT
    that a concurrent first count may beat (its UPDATE then counts this one too)."""
    counters = model.objects.filter(**identity)
    if counters.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**identity, **{field: 1})
    except IntegrityError:
        counters.update(**{field: F(field) + 1})


class PageViewCount(models.Model):
    """How many times readers have opened a page: a number and nothing else.

    No address, user agent, cookie or time of the view is kept, so the count can
    never tell who read what, or when.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")

    def __str__(self):
        return f"{self.page_id}: {self.views}"

    @classmethod
    def add_view(cls, page_id):
        add_one(cls, "views", page_id=page_id)

    @classmethod
    def views_of(cls, page_id):
        return cls.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0
