"""Reading and downloading e-books through the site: file names, counts, page counts.

Files are served by the e-book page itself (``<page>/read/``, ``<page>/download/pdf/``,
``<page>/download/epub/``), so only a live page that the reader may see hands out
its files, and a reader's download is counted. Nothing about the reader is kept:
each e-book has one counter per format, and robots, HEAD requests and prefetches
are left out (``audience.bots.is_counted_request``). Reading in the browser
transfers the whole PDF, so it counts as a PDF download.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.db import DatabaseError, models, transaction
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route

from audience.bots import is_counted_request
from audience.models import add_one

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EbookFormat:
    key: str
    label: str
    content_type: str
    extension: str
    readable_in_browser: bool


PDF = EbookFormat("pdf", "PDF", "application/pdf", "pdf", readable_in_browser=True)
EPUB = EbookFormat("epub", "EPUB", "application/epub+zip", "epub", readable_in_browser=False)
# Keyed by the name of the EbookPage field that holds the document, in the order shown.
FORMATS = {PDF.key: PDF, EPUB.key: EPUB}


class EbookDownloadCount(models.Model):
    """How many times readers fetched one format of one e-book page; nothing else."""

    page = models.ForeignKey(
        "articles.EbookPage",
        verbose_name=_("e-book"),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    file_format = models.CharField(
        _("format"), max_length=8, choices=[(f.key, f.label) for f in FORMATS.values()]
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        app_label = "articles"
        verbose_name = _("e-book download count")
        verbose_name_plural = _("e-book download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "file_format"], name="unique_download_count_per_format"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.file_format}: {self.count}"


def count_download(page_id, file_format):
    """Add one to the counter (audience.models.add_one). Two first downloads at once
    may both find no row: the unique constraint lets one insert win and the other
    adds to it. A failure is logged, and the reader gets the file all the same.
    """
    try:
        # Its own transaction (a savepoint inside a caller's), so a failure here
        # never spoils anything else the request writes.
        with transaction.atomic():
            add_one(EbookDownloadCount, "count", page_id=page_id, file_format=file_format)
    except DatabaseError:
        logger.exception("Could not count a download of e-book %s (%s)", page_id, file_format)


class ServedRoutablePageMixin(RoutablePageMixin):
    """RoutablePageMixin for a page whose own address must behave as before.

    RoutablePageMixin renders the page's own address without calling serve(),
    so what a parent class does there (redirects, counting) would be skipped,
    and its preview would skip Wagtail's preview handling.
    """

    @route("")
    def index_route(self, request, *args, **kwargs):
        return super(RoutablePageMixin, self).serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        return super(RoutablePageMixin, self).serve_preview(request, mode_name)

    def route_url(self, name, kwargs=None, request=None):
        """The address of one of the page's routes, "" if the page has no address."""
        base = self.get_url(request)
        return base + self.reverse_subpage(name, kwargs=kwargs) if base else ""


# --- File names -----------------------------------------------------------------

# Characters that Windows, macOS or Linux refuse in a file name, or that change its
# meaning in a path or a header. Thai letters, vowels and tone marks are all kept.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
# Most file systems allow 255 bytes; UTF-8 Thai takes three bytes a character.
MAX_FILE_NAME_BYTES = 200


def _is_invisible(character):
    # Control, format (zero-width space, direction marks) and unassigned characters.
    return unicodedata.category(character) in {"Cc", "Cf", "Cn", "Co", "Cs"}


def _cut_to_bytes(text, limit):
    if len(text.encode()) <= limit:
        return text
    cut = text.encode()[:limit].decode(errors="ignore")
    # A vowel or tone mark belongs to the letter before it: drop the letter too
    # rather than leave it without its mark, which would spell another word.
    while len(cut) < len(text) and cut and unicodedata.category(text[len(cut)]) == "Mn":
        cut = cut[:-1]
    return cut


def file_name_stem(title):
    """The title as it can stand in a file name: unsafe characters removed, nothing else."""
    text = unicodedata.normalize("NFC", title or "")
    text = "".join(" " if _UNSAFE.match(ch) else ch for ch in text if not _is_invisible(ch))
    text = " ".join(text.split())
    text = _cut_to_bytes(text, MAX_FILE_NAME_BYTES).strip(" .")
    if _WINDOWS_RESERVED.match(text):
        text = f"{text} ebook"
    return text


def ascii_file_name_stem(page):
    """For old clients that read only filename=: the page's slug, romanised if it is Thai."""
    from thai.slugs import thai_slugify

    slug = page.slug if page.slug and page.slug.isascii() else thai_slugify(page.title)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", slug).strip("-.") or "ebook"


def content_disposition(disposition, page, file_format):
    """``attachment; filename="fallback.pdf"; filename*=UTF-8''<title>.pdf`` (RFC 6266)."""
    extension = file_format.extension
    stem = file_name_stem(page.title) or ascii_file_name_stem(page)
    fallback = f"{ascii_file_name_stem(page)}.{extension}"
    encoded = quote(f"{stem}.{extension}", safe="")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


# --- Page counts ----------------------------------------------------------------


def count_pdf_pages(file):
    """The number of pages of a PDF file object, or None if it cannot be read
    (broken, empty or encrypted)."""
    from pypdf import PdfReader

    reader = PdfReader(file, strict=False)
    if reader.is_encrypted:
        return None
    return len(reader.pages) or None


def pdf_page_count(document):
    """The number of pages in a PDF document, or None if it cannot be read.

    Nothing is raised, since this runs while an editor saves the page.
    """
    try:
        with document.open_file() as file:
            return count_pdf_pages(file)
    except Exception:  # pypdf raises many kinds of errors for damaged files
        logger.info("Could not count the pages of document %s", document.pk, exc_info=True)
        return None


# --- What the page shows -------------------------------------------------------------


@dataclass
class EbookFile:
    file_format: EbookFormat
    document: object
    downloads: int
    download_url: str
    read_url: str
    page_count: int | None

    @property
    def key(self):
        return self.file_format.key

    @property
    def label(self):
        return self.file_format.label

    @property
    def size(self):
        return self.document.get_file_size()


def files_of(page):
    """The page's files in display order, with their counts (one query, or none
    when the counts were prefetched)."""
    if not any(getattr(page, f"{key}_id") for key in FORMATS):
        return []
    counts = {counter.file_format: counter.count for counter in page.download_counts.all()}
    files = []
    for file_format in FORMATS.values():
        document = getattr(page, file_format.key)
        if document is None:
            continue
        files.append(
            EbookFile(
                file_format=file_format,
                document=document,
                downloads=counts.get(file_format.key, 0),
                download_url=page.download_url(file_format.key),
                read_url=page.read_url() if file_format.readable_in_browser else "",
                page_count=page.page_count if file_format is PDF else None,
            )
        )
    return files


# --- Serving ----------------------------------------------------------------------


def serve_file(request, page, key, inline=False):
    """The page's file in this format, inline (read in the browser) or as an attachment."""
    file_format = FORMATS.get(key)
    if file_format is None or (inline and not file_format.readable_in_browser):
        raise Http404
    document = getattr(page, file_format.key)
    # Wagtail still serves a page past its expiry until the scheduler unpublishes it.
    if document is None or (page.expire_at and page.expire_at <= timezone.now()):
        raise Http404
    # The document's own collection may be private too (Wagtail's login or password).
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    from .documents import file_response

    disposition = content_disposition("inline" if inline else "attachment", page, file_format)
    try:
        response = file_response(request, document, disposition, file_format.content_type)
    except Http404:
        logger.warning("The file of document %s is missing", document.pk)
        raise
    if is_counted_request(request):
        count_download(page.pk, file_format.key)
    return response
