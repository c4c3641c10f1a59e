from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


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
        """Count one view, atomically: one UPDATE, and on a page's first view an INSERT
        that a concurrent first view may beat (its UPDATE then counts this view)."""
        if cls.objects.filter(page_id=page_id).update(views=F("views") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, views=1)
        except IntegrityError:
            cls.objects.filter(page_id=page_id).update(views=F("views") + 1)

    @classmethod
    def views_of(cls, page_id):
        return cls.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0
