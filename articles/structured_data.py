"""schema.org data for articles (Article), event summaries (Event) and e-books (Book).

Each builder takes the specific page and a core.structured_data.Reader, and
returns a dict with the properties Google asks of the type; empty values are
left out rather than sent blank.
"""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext

from core.jsonld import headline, thai_address, without_blanks
from core.sharing import iso_datetime

from .models import EventPartner

HEADLINE_LENGTH = 110
EBOOK_LANGUAGES = {"th", "en"}


def _web_page(reader):
    return {"@type": "WebPage", "@id": reader.canonical}


def _organisation(partner, reader):
    return without_blanks(
        {
            "@type": "Organization",
            "name": partner.name,
            "url": reader.partner_url(partner) or partner.website,
        }
    )


def article(page, reader):
    modified = page.updated_date or page.published_date
    author = (
        {"@type": "Person", "name": page.author_name} if page.author_name else reader.foundation()
    )
    return without_blanks(
        {
            "@type": "Article",
            "headline": headline(page.title, HEADLINE_LENGTH),
            "description": reader.card.description,
            "image": reader.photo_urls(page.hero_image),
            "datePublished": page.published_date.isoformat(),
            "dateModified": max(modified, page.published_date).isoformat(),
            "author": author,
            "publisher": reader.foundation(),
            "inLanguage": reader.language,
            "mainEntityOfPage": _web_page(reader),
            "url": reader.canonical,
            "license": page.licence_url,
        }
    )


def _place(page):
    if page.pk:
        # Kept on the page, so its fact box lists the provinces without asking again.
        prefetch_related_objects([page], "provinces")
    provinces = [province.name for province in page.provinces.all()]
    return {
        "@type": "Place",
        "name": page.venue or ", ".join(provinces) or gettext("Thailand"),
        "address": thai_address(provinces),
    }


def event(page, reader):
    organisers = [
        _organisation(link.partner, reader)
        for link in page.partner_link_list
        if link.role == EventPartner.ORGANISER
    ]
    return without_blanks(
        {
            "@type": "Event",
            "name": page.title,
            "description": reader.card.description,
            "startDate": page.start_date.isoformat(),
            "endDate": (page.end_date or page.start_date).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": _place(page),
            "organizer": organisers,
            "image": reader.photo_urls(page.hero_image),
            "url": reader.canonical,
            "inLanguage": reader.language,
        }
    )


def _authors(page, reader):
    names = page.author_names()
    if names:
        return [{"@type": "Person", "name": name} for name in names]
    if page.publisher_id:
        return [_organisation(page.publisher, reader)]
    return [reader.foundation()]


def _file(ebook_file, reader):
    size = ebook_file.size
    return without_blanks(
        {
            "@type": "MediaObject",
            "contentUrl": reader.absolute(ebook_file.download_url),
            "encodingFormat": ebook_file.file_format.content_type,
            "contentSize": f"{size} B" if size else "",
        }
    )


def book(page, reader):
    publisher = _organisation(page.publisher, reader) if page.publisher_id else None
    return without_blanks(
        {
            "@type": "Book",
            "name": page.title,
            "description": reader.card.description,
            "author": _authors(page, reader),
            "url": reader.canonical,
            "image": [reader.card.image.url],
            "isbn": page.isbn,
            "numberOfPages": page.page_count,
            "inLanguage": page.language if page.language in EBOOK_LANGUAGES else "",
            "datePublished": page.publication_date.isoformat(),
            "dateModified": iso_datetime(page.last_published_at),
            "publisher": publisher or reader.foundation(),
            "bookFormat": "https://schema.org/EBook",
            "isPartOf": {"@type": "BookSeries", "name": page.series} if page.series else None,
            "position": page.volume,
            "encoding": [_file(ebook_file, reader) for ebook_file in page.ebook_files],
            "mainEntityOfPage": _web_page(reader),
        }
    )
