"""Which pages link to a partner or a topic.

Page types live in other apps (articles depends on network, not the other way
round), so each app registers the models that link its pages to partners and
topics when it starts.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F
from wagtail.models import Page


@dataclass(frozen=True)
class LinkSource:
    """`model` links a page to a partner or topic through `target_field`.

    `page_field` is the foreign key to the page, or "" when the model is the page
    itself (an e-book's publisher); `date_field` orders pages newest first.
    """

    model: type
    target_field: str
    date_field: str
    page_field: str = "page"

    def prefix(self):
        return f"{self.page_field}__" if self.page_field else ""

    def page_id_expression(self):
        return F(f"{self.page_field}_id") if self.page_field else F("pk")

    def live(self):
        return self.model.objects.filter(**{f"{self.prefix()}live": True})


_partner_sources: list[LinkSource] = []
_topic_sources: list[LinkSource] = []


def register_partner_links(model, date_field, partner_field="partner", page_field="page"):
    source = LinkSource(model, partner_field, date_field, page_field)
    if source not in _partner_sources:
        _partner_sources.append(source)


def register_topic_links(model, date_field, topic_field="topic", page_field="page"):
    source = LinkSource(model, topic_field, date_field, page_field)
    if source not in _topic_sources:
        _topic_sources.append(source)


def partner_link_sources():
    return list(_partner_sources)


def topic_link_sources():
    return list(_topic_sources)


def prefetch_for_cards(pages):
    """Let each page type load what its listing card shows, one query per type."""
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for page_class, group in by_class.items():
        prefetch = getattr(page_class, "prefetch_for_cards", None)
        if prefetch:
            prefetch(group)
    return pages


def specific_pages_in_order(ids):
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return prefetch_for_cards([pages[pk] for pk in ids if pk in pages])


class LinkedPages:
    """A lazily paginated, newest-first list of the live pages linked to a partner.

    Ordering and slicing happen in SQL over a UNION of the link tables, so a
    partner page costs the same number of queries however many pages link to it.
    """

    def __init__(self, partner):
        rows = None
        for source in _partner_sources:
            query = (
                source.live()
                .filter(**{source.target_field: partner})
                .filter(**{f"{source.prefix()}locale_id": partner.locale_id})
                .annotate(
                    linked_page_id=source.page_id_expression(),
                    sort_date=F(f"{source.prefix()}{source.date_field}"),
                )
                .values_list("linked_page_id", "sort_date")
                .order_by()
            )
            rows = query if rows is None else rows.union(query)
        self.rows = rows.order_by("-sort_date", "-linked_page_id") if rows is not None else None

    def count(self):
        return 0 if self.rows is None else self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if self.rows is None:
            return []
        return specific_pages_in_order([page_id for page_id, _date in self.rows[item]])


def localized(objects, locale):
    """The translations of `objects` (pages or snippets) in `locale`, in the same
    order, in one query; objects with no translation there are left out."""
    if not objects:
        return []
    queryset = type(objects[0]).objects.filter(
        translation_key__in=[obj.translation_key for obj in objects], locale=locale
    )
    if isinstance(objects[0], Page):
        queryset = Page.objects.filter(pk__in=queryset.values("pk")).specific()
    translations = {item.translation_key: item for item in queryset}
    found = [translations.get(obj.translation_key) for obj in objects]
    return [item for item in found if item is not None]


def pages_linked_to(partner):
    return LinkedPages(partner)


def related_pages_by_links(page, partner_ids, topic_ids, exclude_ids, limit):
    """Live pages in `page`'s language that share the most partners and topics with it.

    One small grouped query per link table, so the cost does not depend on how
    many pages share a partner.
    """
    shared = Counter()
    for sources, target_ids in ((_partner_sources, partner_ids), (_topic_sources, topic_ids)):
        if not target_ids:
            continue
        for source in sources:
            rows = (
                source.live()
                .filter(**{f"{source.target_field}_id__in": target_ids})
                .filter(**{f"{source.prefix()}locale_id": page.locale_id})
                .annotate(linked_page_id=source.page_id_expression())
                .values("linked_page_id")
                .annotate(shared=Count("pk"))
                .order_by("-shared")[: limit + len(exclude_ids)]
            )
            for row in rows:
                shared[row["linked_page_id"]] += row["shared"]
    ranked = [page_id for page_id, _count in shared.most_common() if page_id not in exclude_ids]
    return specific_pages_in_order(ranked[:limit])
