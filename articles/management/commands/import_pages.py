"""Create article or event summary pages from plain-text and HTML documents.

    python manage.py import_pages report.txt news.html --type article
    python manage.py import_pages summary.txt --type event --parent /en/events/ --publish
    python manage.py import_pages report.txt --type article --publish \
        --old-url https://www.example-foundation.org/post/report
    python manage.py import_pages *.txt --type article --publish --old-urls old-addresses.csv

Every file is read and parsed before anything is written, and the pages are created
in one transaction, so a bad file means no pages at all rather than half an import.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from articles import old_addresses
from articles.importing import (
    DocumentError,
    ParsedDocument,
    decode_document,
    extract_event_dates,
    parse_document,
)
from articles.models import ArticleIndexPage, ArticlePage, EventIndexPage, EventSummaryPage

# Reports are a few dozen kilobytes; anything this large is the wrong file.
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class PageType:
    name: str
    model: type[Page]
    index_model: type[Page]
    index_example: str


PAGE_TYPES = {
    "article": PageType("article", ArticlePage, ArticleIndexPage, "/articles/"),
    "event": PageType("event", EventSummaryPage, EventIndexPage, "/events/"),
}


@dataclass
class Document:
    name: str
    parsed: ParsedDocument
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


class Command(BaseCommand):
    help = (
        "Create draft pages from UTF-8 plain-text or HTML documents: the first line becomes "
        "the title, numbered lists (1., 1.1, ๑.๑, ก.) become numbered list blocks."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="Documents to import.")
        parser.add_argument(
            "--type",
            required=True,
            metavar="{article,event}",
            help="Create articles or event summaries.",
        )
        parser.add_argument(
            "--parent",
            metavar="URL_PATH",
            help=(
                'Public path of the index page to add the pages to, such as "/articles/" or '
                '"/en/events/". Defaults to the first index page of the right type.'
            ),
        )
        parser.add_argument(
            "--locale",
            help="Language of the pages (th or en). Defaults to the site's default language.",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the pages instead of saving drafts."
        )
        parser.add_argument(
            "--kind",
            default=ArticlePage.Kind.NEWS,
            help=f"Kind of article: {', '.join(ArticlePage.Kind.values)} (default: news).",
        )
        parser.add_argument(
            "--event-date",
            metavar="YYYY-MM-DD[:YYYY-MM-DD]",
            help=(
                "Date (or first and last day) of the event, used instead of the date found in "
                "the text. Needed when a document has no Thai date near the top."
            ),
        )
        parser.add_argument(
            "--old-url",
            metavar="URL",
            help=(
                "Old address of the (one) imported page, such as "
                "https://www.example-foundation.org/post/report: it redirects (301) to the "
                "new page once the old domain points at this site."
            ),
        )
        parser.add_argument(
            "--old-urls",
            metavar="CSV",
            help=(
                "CSV file with the columns file and old_url: one row per old address "
                "(a page may have several). Rows name files given on the command line."
            ),
        )

    def handle(self, *args, **options):
        page_type = PAGE_TYPES.get(options["type"])
        if page_type is None:
            raise CommandError(f'Unknown --type "{options["type"]}": use "article" or "event".')
        kind = options["kind"]
        if page_type.name == "article" and kind not in ArticlePage.Kind.values:
            raise CommandError(
                f'Unknown --kind "{kind}": use one of {", ".join(ArticlePage.Kind.values)}.'
            )
        event_dates = parse_event_date_option(options["event_date"])

        parent = self.find_parent(page_type, options["parent"], options["locale"])
        documents = self.read_documents(options["files"], page_type, event_dates)
        try:
            addresses = old_addresses.collect(
                options["files"], options["old_url"], options["old_urls"]
            )
        except old_addresses.OldAddressError as exc:
            raise CommandError(f"Nothing was imported.\n{exc}") from None

        try:
            with transaction.atomic():
                pages = [
                    self.create_page(document, page_type, parent, kind, options["publish"])
                    for document in documents
                ]
                pages_by_file = {
                    document.name: page for document, page in zip(documents, pages, strict=True)
                }
                redirects = self.create_redirects(addresses, pages_by_file)
        except ValidationError as exc:
            raise CommandError(f"Nothing was imported: {format_validation_error(exc)}") from None

        for page in pages:
            if options["publish"]:
                where = page.full_url or page.url or page.url_path
                self.stdout.write(f'Created {page_type.name} "{page.title}" at {where}')
            else:
                edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                self.stdout.write(f'Created {page_type.name} "{page.title}" at {edit_url} (draft)')
        for redirect in redirects:
            page = redirect.redirect_page
            self.stdout.write(
                f"Old address {redirect.old_path} redirects (301) to {page.url or page.url_path}"
                + ("" if options["publish"] else " once the page is published")
            )

    # --- validation, before anything is written ---------------------------------

    def read_documents(self, names, page_type, event_dates):
        documents, problems = [], []
        for name in names:
            try:
                documents.append(self.read_document(name, page_type, event_dates))
            except DocumentError as exc:
                problems.append(str(exc))
        if problems:
            # Every problem at once: fixing files one error per run is tedious.
            raise CommandError("Nothing was imported.\n" + "\n".join(problems))
        return documents

    def read_document(self, name, page_type, event_dates):
        path = Path(name)
        try:
            if path.is_dir():
                raise DocumentError(name, "is a folder, not a document.")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise DocumentError(
                    name, f"is too large to be a document ({path.stat().st_size:,} bytes)."
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise DocumentError(name, "file not found.") from None
        except PermissionError:
            raise DocumentError(name, "cannot be read (permission denied).") from None
        text = decode_document(data, name)
        parsed = parse_document(text)
        if not parsed.title:
            raise DocumentError(name, "has no title line.")
        document = Document(name, parsed)
        if page_type.name == "event":
            start, end = event_dates or extract_event_dates(text)
            if start is None:
                raise DocumentError(
                    name,
                    "no event date found. Put a line such as “วันที่ 14-19 มิถุนายน 2562” "
                    "near the top, or pass --event-date YYYY-MM-DD[:YYYY-MM-DD].",
                )
            document.start_date, document.end_date = start, end
        return document

    # The command speaks English to whoever runs it, so the page type and language
    # names in its messages are English too, whatever language is active.
    @translation.override("en")
    def find_parent(self, page_type, url_path, locale_code):
        path_locale, slugs = split_language_prefix(url_path or "")
        if path_locale and locale_code and path_locale != locale_code:
            raise CommandError(
                f'--parent "{url_path}" is in "{path_locale}" but --locale is "{locale_code}".'
            )
        locale = get_locale(locale_code or path_locale)
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site: create one in Settings → Sites.")
        root = site.root_page.get_translation_or_none(locale)
        if root is None:
            raise CommandError(
                f"The home page has no {locale.get_display_name()} ({locale.language_code}) "
                "version yet: translate it first."
            )

        if url_path is None:
            parent = (
                page_type.index_model.objects.descendant_of(root, inclusive=True)
                .filter(locale=locale)
                .order_by("path")
                .first()
            )
            if parent is None:
                raise CommandError(
                    f"There is no {page_type.index_model._meta.verbose_name} in "
                    f"{locale.get_display_name()}: create one or pass --parent."
                )
            return parent

        parent = root
        for slug in slugs:
            parent = parent.get_children().filter(slug=slug).first()
            if parent is None:
                raise CommandError(f'No page at "{url_path}" (no page with the slug "{slug}").')
        parent = parent.specific
        if not page_type.model.can_create_at(parent):
            raise CommandError(
                f'The page at "{url_path}" ({parent.get_verbose_name()}) cannot hold '
                f"{page_type.model._meta.verbose_name_plural}: use the "
                f'{page_type.index_model._meta.verbose_name}, such as "{page_type.index_example}".'
            )
        return parent

    # --- writing --------------------------------------------------------------------

    def create_redirects(self, addresses, pages_by_file):
        # For every site (site=None): the old domain may reach this server under a
        # host name that no Wagtail site has.
        return [
            Redirect.add_redirect(
                address.path, redirect_to=pages_by_file[address.file], is_permanent=True
            )
            for address in addresses
        ]

    def create_page(self, document, page_type, parent, kind, publish):
        parsed = document.parsed
        fields = {
            "title": parsed.title,
            "intro": parsed.intro,
            "body": stream_blocks(parsed.blocks),
            "locale": parent.locale,
            "live": False,
        }
        if page_type.name == "article":
            fields["kind"] = kind
        else:
            fields["start_date"] = document.start_date
            fields["end_date"] = document.end_date
        page = page_type.model(**fields)
        try:
            parent.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
                # publish() saves a copy built from the revision; reload for the live URL.
                page.refresh_from_db()
        except ValidationError as exc:
            exc.document_name = document.name
            raise
        return page


def stream_blocks(blocks):
    """Parser blocks in the shape BodyBlock stores: list item levels are choice strings."""
    stored = []
    for block in blocks:
        if block["type"] == "numbered_list":
            items = [{**item, "level": str(item["level"])} for item in block["value"]["items"]]
            block = {"type": "numbered_list", "value": {"items": items}}
        stored.append(block)
    return stored


def split_language_prefix(url_path):
    slugs = [unquote(part) for part in url_path.strip().split("/") if part]
    languages = {code for code, _name in settings.LANGUAGES}
    if slugs and slugs[0] in languages:
        return slugs[0], slugs[1:]
    return None, slugs


def get_locale(language_code):
    if not language_code:
        return Locale.get_default()
    try:
        return Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        known = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise CommandError(f'Unknown --locale "{language_code}": use one of {known}.') from None


def parse_event_date_option(value):
    if not value:
        return None
    try:
        parts = [datetime.date.fromisoformat(part.strip()) for part in value.split(":")]
    except ValueError:
        parts = []
    if len(parts) not in (1, 2):
        raise CommandError(
            f'--event-date "{value}" is not a date: write 2019-06-14 or 2019-06-14:2019-06-19.'
        )
    start, end = parts[0], parts[1] if len(parts) == 2 else None
    if end is not None and end < start:
        raise CommandError(f'--event-date "{value}" ends before it starts.')
    return start, end


@translation.override("en")
def format_validation_error(exc):
    name = getattr(exc, "document_name", "")
    if hasattr(exc, "message_dict"):
        details = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
        )
    else:
        details = " ".join(exc.messages)
    return f"{name}: {details}" if name else details
