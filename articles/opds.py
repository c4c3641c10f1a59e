"""The e-book library as an OPDS 1.2 acquisition feed, for e-reader apps.

One catalogue per e-book index page, so one per language: Thai at
``/<index>/opds/`` and English at ``/en/<index>/opds/``. It lists the index's live,
public e-books that have a file to download, newest first, a page at a time.
Every address in it is absolute, since apps fetch it from outside the site.
"""

import html
import mimetypes
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, Q
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from wagtail.images import get_image_model

from core.addresses import absolute_uri
from core.visibility import readable_pages

ACQUISITION_FEED_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ENTRIES_PER_PAGE = 50
COVER_SPEC = "max-600x800"
THUMBNAIL_SPEC = "max-240x320"
# A summary is for a list in an app, not the whole book description.
SUMMARY_LENGTH = 1000

# Characters that XML 1.0 does not allow anywhere, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value):
    return _NOT_XML.sub("", str(value or ""))


def plain_text(rich_text):
    """Rich text as the plain text that OPDS summaries are."""
    text = html.unescape(strip_tags(re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\\g<0> ", rich_text or "")))
    text = " ".join(text.split())
    if len(text) > SUMMARY_LENGTH:
        text = text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return xml_text(text)


def entry_id(page):
    """Stable through changes of title, slug, address or host; distinct per language."""
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


def isbn_urn(isbn):
    digits = re.sub(r"[^0-9Xx]", "", isbn or "").upper()
    return f"urn:isbn:{digits}" if len(digits) in (10, 13) else ""


def updated_at(page):
    moment = page.last_published_at or page.first_published_at
    if moment is None:
        moment = datetime.combine(page.publication_date, time.min, tzinfo=UTC)
    return moment


def rfc3339(moment):
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class Link:
    rel: str
    href: str
    type: str
    length: int | None = None
    title: str = ""


@dataclass
class Entry:
    id: str
    title: str
    updated: str
    published: str
    authors: list
    language: str
    issued: str
    identifier: str
    publisher: str
    summary: str
    categories: list
    links: list = field(default_factory=list)


def image_links(request, image):
    if image is None:
        return []
    renditions = image.get_renditions(COVER_SPEC, THUMBNAIL_SPEC)
    links = []
    for rel, spec in (
        ("http://opds-spec.org/image", COVER_SPEC),
        ("http://opds-spec.org/image/thumbnail", THUMBNAIL_SPEC),
    ):
        rendition = renditions[spec]
        content_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        links.append(Link(rel, absolute_uri(request, rendition.url), content_type))
    return links


def make_entry(request, page):
    links = [
        Link(
            "http://opds-spec.org/acquisition",
            absolute_uri(request, ebook_file.download_url),
            ebook_file.file_format.content_type,
            length=ebook_file.size,
            title=ebook_file.label,
        )
        for ebook_file in page.ebook_files
    ]
    links += image_links(request, page.cover_image)
    links.append(Link("alternate", absolute_uri(request, page.get_url(request)), "text/html"))
    first_published = page.first_published_at
    return Entry(
        id=entry_id(page),
        title=xml_text(page.title),
        updated=rfc3339(updated_at(page)),
        published=rfc3339(first_published) if first_published else "",
        authors=[xml_text(name) for name in page.author_names()],
        language=page.language if page.language != "other" else "",
        issued=page.publication_date.isoformat(),
        identifier=isbn_urn(page.isbn),
        publisher=xml_text(page.publisher.name) if page.publisher else "",
        summary=plain_text(page.summary) or xml_text(page.intro),
        categories=[
            {"term": xml_text(link.topic.slug), "label": xml_text(link.topic.name)}
            for link in page.topic_link_list
        ],
        links=links,
    )


def catalogue_queryset(index):
    from .models import EbookPage, EbookTopic

    has_a_file = Q(pdf__isnull=False) | Q(epub__isnull=False)
    return (
        EbookPage.objects.filter(readable_pages())
        .child_of(index)
        .filter(has_a_file, locale_id=index.locale_id)
        .select_related("locale", "pdf", "epub", "publisher")
        .prefetch_related(
            Prefetch(
                "cover_image",
                queryset=get_image_model().objects.prefetch_renditions(COVER_SPEC, THUMBNAIL_SPEC),
            ),
            Prefetch("topic_links", queryset=EbookTopic.objects.select_related("topic")),
            "download_counts",
        )
        .order_by(*index.listing_order)
    )


def catalogue_response(request, index):
    books = catalogue_queryset(index)
    paginator = Paginator(books, ENTRIES_PER_PAGE)
    # As on the listings: a page number that is not one gives the nearest real page.
    page_obj = paginator.get_page(request.GET.get("page"))
    pages = list(page_obj.object_list)

    feed_url = absolute_uri(request, index.opds_url(request))

    def page_url(number):
        return feed_url if number == 1 else f"{feed_url}?page={number}"

    links = [
        Link("self", page_url(page_obj.number), ACQUISITION_FEED_TYPE),
        Link("start", feed_url, ACQUISITION_FEED_TYPE),
        Link("first", feed_url, ACQUISITION_FEED_TYPE),
        Link("last", page_url(paginator.num_pages), ACQUISITION_FEED_TYPE),
        Link("alternate", absolute_uri(request, index.get_url(request)), "text/html"),
    ]
    if page_obj.has_previous():
        links.append(
            Link("previous", page_url(page_obj.previous_page_number()), ACQUISITION_FEED_TYPE)
        )
    if page_obj.has_next():
        links.append(Link("next", page_url(page_obj.next_page_number()), ACQUISITION_FEED_TYPE))

    latest = books.aggregate(latest=Max("last_published_at"))["latest"]
    updated = latest or index.last_published_at or datetime.now(tz=UTC)
    context = {
        "request": request,
        "page": index,
        "feed_id": entry_id(index),
        "feed_title": xml_text(index.title),
        "feed_language": index.locale.language_code,
        "updated": rfc3339(updated),
        "home_url": absolute_uri(request, index.get_parent().get_url(request)),
        "links": links,
        "entries": [make_entry(request, page) for page in pages],
        "total": paginator.count,
        "per_page": ENTRIES_PER_PAGE,
        "start_index": page_obj.start_index(),
    }
    return TemplateResponse(
        request, "articles/opds.xml", context, content_type=ACQUISITION_FEED_TYPE
    )
