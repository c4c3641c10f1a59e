"""Which pages link to a partner or a topic: the one query layer that the partner
pages, the listing filters, the search facets, related pages and the sitemap use.

Page types live in other apps (articles depends on network, not the other way
round), so each app registers the models that link its pages to partners and
topics when it starts (articles/apps.py): `partner_links.register(...)`.
"""

from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Count, F, Max, Q
from wagtail.models import Page

from core.visibility import readable_pages


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

    @property
    def page_model(self):
        if not self.page_field:
            return self.model
        return self.model._meta.get_field(self.page_field).related_model

    @property
    def target_id_field(self):
        return f"{self.target_field}_id"

    def page_lookup(self, lookup):
        """A lookup on the linked page, from the link model (`live` → `page__live`)."""
        return f"{self.page_field}__{lookup}" if self.page_field else lookup

    def page_id_expression(self):
        return F(f"{self.page_field}_id") if self.page_field else F("pk")

    def links(self):
        return self.model.objects.all()

    def live(self):
        return self.model.objects.filter(readable_pages(self.page_field))


def _any_of(conditions):
    conditions = list(conditions)
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


class LinkKind:
    """Every table that links pages to one kind of target: partners, or topics."""

    def __init__(self, name):
        self.name = name
        self.sources: list[LinkSource] = []

    def register(self, model, date_field, target_field, page_field="page"):
        source = LinkSource(model, target_field, date_field, page_field)
        if source not in self.sources:
            self.sources.append(source)

    def sources_for(self, page_model=None):
        return [s for s in self.sources if page_model is None or s.page_model is page_model]

    def pages_linking_to(self, target_id, page_model=None):
        """A condition on pages (of `page_model`, or any type): they link to the target."""
        return _any_of(
            Q(
                pk__in=source.links()
                .filter(**{source.target_id_field: target_id})
                .annotate(linked_page_id=source.page_id_expression())
                .values("linked_page_id")
            )
            for source in self.sources_for(page_model)
        )

    def targets_linked_from(self, pages, page_model):
        """A condition on targets: some page of `pages` (of `page_model`) links to them."""
        conditions = []
        for source in self.sources_for(page_model):
            linked = source.links().filter(**{source.page_lookup("pk__in"): pages.values("pk")})
            conditions.append(Q(pk__in=linked.values(source.target_id_field)))
        return _any_of(conditions)

    def link_counts(self, page_ids):
        """{target id: how many of the pages link to it}; a page that links to a target
        twice (an e-book's publisher who is also its partner) counts once."""
        pairs = set()
        for source in self.sources:
            pairs.update(
                source.links()
                .filter(**{source.page_lookup("pk__in"): page_ids})
                .exclude(**{source.target_id_field: None})
                .annotate(linked_page_id=source.page_id_expression())
                .values_list(source.target_id_field, "linked_page_id")
            )
        return Counter(target_id for target_id, _page_id in pairs)

    def latest_publication(self, locale_ids):
        """{target id: when a live page linked to it, in these locales, was last published}."""
        latest = {}
        for source in self.sources:
            rows = (
                source.live()
                .filter(**{source.page_lookup("locale_id__in"): locale_ids})
                .values(source.target_id_field)
                .annotate(latest=Max(source.page_lookup("last_published_at")))
                .order_by()
            )
            for row in rows:
                target_id, moment = row[source.target_id_field], row["latest"]
                if moment is not None and (target_id not in latest or moment > latest[target_id]):
                    latest[target_id] = moment
        return latest

    def shared_counts(self, target_ids, locale_id, limit):
        """Counter {page id: links it has to these targets}, for live pages in a locale;
        one small grouped query per link table."""
        shared = Counter()
        if not target_ids:
            return shared
        for source in self.sources:
            rows = (
                source.live()
                .filter(**{f"{source.target_id_field}__in": target_ids})
                .filter(**{source.page_lookup("locale_id"): locale_id})
                .annotate(linked_page_id=source.page_id_expression())
                .values("linked_page_id")
                .annotate(shared=Count("pk"))
                .order_by("-shared")[:limit]
            )
            for row in rows:
                shared[row["linked_page_id"]] += row["shared"]
        return shared


partner_links = LinkKind("partner")
topic_links = LinkKind("topic")


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
        for source in partner_links.sources:
            query = (
                source.live()
                .filter(**{source.target_field: partner})
                .filter(**{source.page_lookup("locale_id"): partner.locale_id})
                .annotate(
                    linked_page_id=source.page_id_expression(),
                    sort_date=F(source.page_lookup(source.date_field)),
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


def pages_linked_to(partner):
    return LinkedPages(partner)


def related_pages_by_links(page, partner_ids, topic_ids, exclude_ids, limit):
    """Live pages in `page`'s language that share the most partners and topics with it."""
    shared = Counter()
    for kind, target_ids in ((partner_links, partner_ids), (topic_links, topic_ids)):
        shared += kind.shared_counts(target_ids, page.locale_id, limit + len(exclude_ids))
    ranked = [page_id for page_id, _count in shared.most_common() if page_id not in exclude_ids]
    return specific_pages_in_order(ranked[:limit])


def localized(objects, locale, condition=None):
    """The translations of `objects` (pages or snippets) in `locale`, in the same
    order, in one query; objects with no translation there, or whose translation
    does not meet `condition`, are left out."""
    if not objects:
        return []
    queryset = type(objects[0]).objects.filter(
        translation_key__in=[obj.translation_key for obj in objects], locale=locale
    )
    if isinstance(objects[0], Page):
        queryset = Page.objects.filter(pk__in=queryset.values("pk")).specific()
    if condition is not None:
        queryset = queryset.filter(condition)
    translations = {item.translation_key: item for item in queryset}
    found = [translations.get(obj.translation_key) for obj in objects]
    return [item for item in found if item is not None]
