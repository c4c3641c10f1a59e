"""Search benchmark: indexing speed and query latency on realistic Thai pages.

    DATABASE_URL=sqlite:///bench.sqlite3 .venv/bin/python benchmarks/search.py --pages 10000
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/search.py --pages 100000

Builds N article pages of generated Thai text under one article index page,
indexes them with the project's search backend (timed) and runs a fixed list
of queries the way the public search page does (timed). See README.md.

Exit status: 0 after a run (targets met or not), 1 when --check finds a
problem, 2 when the database is refused.
"""

import argparse
import datetime
import math
import os
import platform
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INDEX_SLUG = "search-benchmark"
INDEX_TITLE = "หน้าทดสอบการค้นหา"
# Written into the index page's introduction: how the script recognises its own pages.
MARKER = "Built by benchmarks/search.py with seed "
BUILD_BATCH = 1000
INDEX_BATCH = 500
PROGRESS_STEPS = 10

# (vendor, pages the target is set at, p95 limit in milliseconds)
LATENCY_TARGETS = {"postgresql": (100_000, 50.0), "sqlite": (10_000, 60.0)}
NOTHING_FOUND_TARGET = 10.0  # milliseconds, the query that finds nothing
INDEXING_TARGET = 200.0  # pages per second

# What a reader might type, and why each one is on the list.
QUERIES = [
    ("มูลนิธิ", "common word, in most pages"),
    ("ภาคี", "word inside runs (ภาคีเครือข่าย)"),
    ("เครือข่าย", "word inside runs"),
    ("เยาวชน", "common theme word"),
    ("สุขภาวะ", "theme word"),
    ("การประชุมเชิงปฏิบัติการ", "compound"),
    ("ฉีดวัคซีน", "compound of two words"),
    ("ผู้สูงอายุติดบ้าน", "compound, rarer"),
    ("๒๕๖๔", "year in Thai digits"),
    ("2566", "year in Arabic digits"),
    ("workshop", "English word"),
    ("Theory of Change", "English phrase"),
    ("มยส.", "partner short name"),
    ("รพ.สต.", "two-part abbreviation"),
    ("เชียงใหม่", "province"),
    ("ปัตตานี", "province"),
    ("เยาวชน สงขลา", "two words"),
    ("ความรุนแรง ครอบครัว", "two words"),
    ("ทะเลสาบสงขลา ประมงพื้นบ้าน", "two rarer words"),
    ("มูลนิธิหญิงชายก้าวไกล", "partner name"),
    ("ไดโนเสาร์", "finds nothing"),
]


class Refused(Exception):
    """The database holds something this script must not touch."""


def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Benchmark Thai search: indexing speed and query latency."
    )
    parser.add_argument("--pages", type=int, default=1000, help="number of article pages (N)")
    parser.add_argument(
        "--queries-repeat", type=int, default=10, help="timed runs of each query (default 10)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the pages if the database already holds N of them built with this seed",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the generated text")
    parser.add_argument(
        "--query-budget",
        type=float,
        default=60.0,
        help="seconds a query may take over all its runs; slower ones run fewer times",
    )
    parser.add_argument(
        "--skip-indexing",
        action="store_true",
        help="with --reuse, keep a complete search index instead of timing a new one",
    )
    parser.add_argument(
        "--no-pages",
        action="store_true",
        help="time the queries only, not the whole search page",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="build, check the page tree, the pages and the search view, then stop",
    )
    args = parser.parse_args(argv)
    if args.pages < 1 or args.queries_repeat < 1:
        parser.error("--pages and --queries-repeat must be at least 1")
    return args


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        # Without it the dev settings fall back to the project's own db.sqlite3.
        raise Refused(
            "set DATABASE_URL to a database for the benchmark, e.g. sqlite:///bench.sqlite3"
        )
    if os.environ.get("SEARCH_URL", "").strip():
        raise Refused("SEARCH_URL is set: this benchmark measures the database search backend")
    # Python puts this file's directory first on the path, where this file would
    # stand in for the project's own "search" app.
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if entry not in (here, str(ROOT))]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django
    from django.conf import settings

    # WhiteNoise warns that collectstatic has not run; the benchmark serves no static files.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    django.setup()
    # The dev settings log every query (DEBUG); production does not, and the log
    # itself costs time and memory over 100,000 pages.
    settings.DEBUG = False


# --- Refusing other people's databases ----------------------------------------------


def benchmark_index():
    from articles.models import ArticleIndexPage

    return (
        ArticleIndexPage.objects.filter(slug=INDEX_SLUG, depth=3, intro__startswith=MARKER)
        .order_by("pk")
        .first()
    )


def foreign_content():
    """What the database holds besides what migrations and this script put there."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    from home.models import HomePage
    from network.models import PartnerOrganisation, Programme, Topic

    found = []
    pages = Page.objects.filter(depth__gt=1)
    index_page = benchmark_index()
    if index_page is not None:
        pages = pages.exclude(path__startswith=index_page.path)
    # The home page the project's migration creates.
    home_pages = list(HomePage.objects.filter(depth=2).values_list("pk", flat=True))
    if len(home_pages) == 1:
        pages = pages.exclude(pk=home_pages[0])
    if count := pages.count():
        found.append(f"{count} pages")
    for model in (
        get_user_model(),
        get_image_model(),
        get_document_model(),
        PartnerOrganisation,
        Programme,
        Topic,
    ):
        if count := model.objects.count():
            found.append(f"{count} {model._meta.label} rows")
    if (count := Site.objects.count()) > 1:
        found.append(f"{count} sites")
    return found


def refuse_foreign_databases():
    """Migrate an empty or benchmark-only database; refuse anything else."""
    from django.core.management import call_command
    from django.db import DatabaseError, connection

    tables = set(connection.introspection.table_names())
    if tables:
        if "wagtailcore_page" not in tables:
            raise Refused(f"the database holds {len(tables)} tables, but not this project's")
        try:
            found = foreign_content()
        except DatabaseError as error:
            raise Refused(
                f"the database has this project's tables but an older schema ({error}); "
                "use an empty database"
            ) from error
        if found:
            raise Refused(f"the database holds content of its own: {', '.join(found)}")
    call_command("migrate", verbosity=0, interactive=False)
    if found := foreign_content():
        raise Refused(f"the database holds content of its own: {', '.join(found)}")


# --- Building pages -------------------------------------------------------------------


def seed_of(index_page):
    try:
        return int(index_page.intro.removeprefix(MARKER))
    except ValueError:
        return None


def benchmark_children(index_page):
    from articles.models import ArticlePage

    return ArticlePage.objects.filter(path__startswith=index_page.path, depth=index_page.depth + 1)


def delete_benchmark_pages(index_page):
    """Delete the generated pages with plain SQL. Wagtail's delete collects every
    related row through the ORM, which is slow for 100,000 pages; rows only this
    script wrote have nothing related to collect."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    from articles.models import ArticlePage

    qn = connection.ops.quote_name
    content_type = ContentType.objects.get_for_model(ArticlePage)
    depth = index_page.depth + 1
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {qn(IndexEntry._meta.db_table)} WHERE content_type_id = %s",  # noqa: S608
            [content_type.pk],
        )
        table = qn(Page._meta.db_table)
        pages = f"SELECT id FROM {table} WHERE path LIKE %s AND depth = %s"  # noqa: S608
        cursor.execute(
            f"DELETE FROM {qn(ArticlePage._meta.db_table)} WHERE page_ptr_id IN ({pages})",  # noqa: S608
            [index_page.path + "%", depth],
        )
        cursor.execute(
            f"DELETE FROM {qn(Page._meta.db_table)} WHERE path LIKE %s AND depth = %s",  # noqa: S608
            [index_page.path + "%", depth],
        )
        Page.objects.filter(pk=index_page.pk).update(numchild=0)


def create_index_page(seed):
    from wagtail.models import Site

    from articles.models import ArticleIndexPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index_page = ArticleIndexPage(
        title=INDEX_TITLE, slug=INDEX_SLUG, intro=f"{MARKER}{seed}", locale=home.locale
    )
    home.add_child(instance=index_page)
    return index_page


def build_pages(index_page, count, seed):
    """Insert the pages as Wagtail would store them, a batch per statement:
    page rows with treebeard paths, then the article rows that extend them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from articles.models import ArticlePage
    from benchmarks.thai_text import ThaiTextGenerator

    rng = random.Random(seed)
    generator = ThaiTextGenerator(rng)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    depth = index_page.depth + 1
    kinds = ArticlePage.Kind.values
    fields = ArticlePage._meta.local_concrete_fields
    qn = connection.ops.quote_name
    columns = ", ".join(qn(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {qn(ArticlePage._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    body_field = ArticlePage._meta.get_field("body")
    step = max(1, count // PROGRESS_STEPS)
    for start in range(0, count, BUILD_BATCH):
        articles = [generator.article() for _ in range(start, min(count, start + BUILD_BATCH))]
        pages = []
        for number, article in enumerate(articles, start=start + 1):
            slug = f"article-{number:06d}"
            published_at = datetime.datetime(*article["published"], 9, tzinfo=datetime.UTC)
            pages.append(
                Page(
                    title=article["title"],
                    draft_title=article["title"],
                    slug=slug,
                    path=Page._get_path(index_page.path, depth, number),
                    depth=depth,
                    numchild=0,
                    url_path=f"{index_page.url_path}{slug}/",
                    locale_id=index_page.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    content_type=content_type,
                    translation_key=article["translation_key"],
                    first_published_at=published_at,
                    last_published_at=published_at,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows = []
            for page, article in zip(pages, articles, strict=True):
                values = {
                    "page_ptr_id": page.pk,
                    "intro": article["intro"],
                    "programme_id": None,
                    "kind": rng.choice(kinds),
                    "hero_image_id": None,
                    "author_name": article["author_name"],
                    "published_date": datetime.date(*article["published"]),
                    "updated_date": None,
                    "licence": ArticlePage.Licence.ALL_RIGHTS_RESERVED,
                }
                row = []
                for field in fields:
                    if field is body_field:
                        # Already in the stored JSON form; StreamField would otherwise
                        # take a list for a query value, not for a stream.
                        row.append(
                            field.get_db_prep_value(article["body"], connection, prepared=True)
                        )
                    else:
                        value = values.get(field.attname, field.get_default())
                        row.append(field.get_db_prep_save(value, connection))
                rows.append(row)
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
        done = start + len(articles)
        if done % step < len(articles) or done == count:
            log(f"  built {done:,} / {count:,} pages")
    Page.objects.filter(pk=index_page.pk).update(numchild=count)


def prepare_pages(args):
    """The benchmark's index page holding N pages, built unless --reuse finds them.
    Returns the index page and the seconds spent building (None if reused)."""
    index_page = benchmark_index()
    if index_page is not None and args.reuse:
        held = benchmark_children(index_page).count()
        if held == args.pages and seed_of(index_page) == args.seed:
            return index_page, None
        log(f"not reusing: the database holds {held:,} pages with seed {seed_of(index_page)}")
    started = time.perf_counter()
    if index_page is not None:
        log("deleting the previous benchmark pages")
        delete_benchmark_pages(index_page)
        index_page.delete()
    index_page = create_index_page(args.seed)
    log(f"building {args.pages:,} pages")
    build_pages(index_page, args.pages, args.seed)
    index_page.refresh_from_db()
    return index_page, time.perf_counter() - started


# --- Indexing -----------------------------------------------------------------------------


class Stopwatch:
    """Adds up the time spent in a function, called however deep."""

    def __init__(self, function):
        self.function = function
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def index_is_complete(index_page):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from articles.models import ArticlePage

    content_type = ContentType.objects.get_for_model(ArticlePage)
    entries = IndexEntry.objects.filter(content_type=content_type).count()
    return entries == benchmark_children(index_page).count()


def clear_index(index_page):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from articles.models import ArticlePage

    content_type = ContentType.objects.get_for_model(ArticlePage)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(IndexEntry._meta.db_table)} "  # noqa: S608
            "WHERE content_type_id = %s",
            [content_type.pk],
        )


def measure_indexing(index_page):
    """Index every benchmark page as update_index does: the model's indexed
    objects in primary-key order, add_items a batch at a time."""
    from wagtail.search.backends import get_search_backend

    from articles.models import ArticlePage
    from search import segment, segment_workers

    clear_index(index_page)
    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    # Loading the dictionaries happens once per process, not per page.
    started = time.perf_counter()
    segment.index_text("ภาคีเครือข่าย")
    dictionary_seconds = time.perf_counter() - started

    segmentation = Stopwatch(segment_workers.Segmentations.get)
    title_norms = Stopwatch(index._refresh_title_norms)
    segment_workers.Segmentations.get = lambda self, text: segmentation(self, text)
    index._refresh_title_norms = title_norms
    queryset = (
        ArticlePage.get_indexed_objects()
        .filter(path__startswith=index_page.path, depth=index_page.depth + 1)
        .order_by("pk")
    )
    total = benchmark_children(index_page).count()
    step = max(1, total // PROGRESS_STEPS)
    fetching = 0.0
    done = 0
    last_pk = 0
    try:
        started = time.perf_counter()
        cpu_started = time.process_time()
        while True:
            # Keyset batches: update_index's offsets get slower as they grow.
            fetch_started = time.perf_counter()
            batch = list(queryset.filter(pk__gt=last_pk)[:INDEX_BATCH])
            fetching += time.perf_counter() - fetch_started
            if not batch:
                break
            index.add_items(ArticlePage, batch)
            last_pk = batch[-1].pk
            done += len(batch)
            if done % step < len(batch) or done == total:
                log(f"  indexed {done:,} / {total:,} pages")
        # As update_index ends a rebuild: until this, PostgreSQL's searches are slow.
        settle = getattr(backend.rebuilder_class, "settle", None)
        if settle is not None:
            settle(index)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    finally:
        segment_workers.Segmentations.get = segmentation.function
        del index._refresh_title_norms
    return {
        "pages": done,
        "seconds": seconds,
        "cpu": cpu_seconds,
        "workers": backend.segmenting_workers,
        "dictionary": dictionary_seconds,
        "segmentation": segmentation.seconds,
        "segmentation_calls": segmentation.calls,
        "fetching": fetching,
        "title_norms": title_norms.seconds,
        "title_norm_calls": title_norms.calls,
    }


# --- Queries -------------------------------------------------------------------------------


def search_like_the_site(query, locale):
    """The query work of search/views.py for a first results page: the live
    public pages in the reader's language, their count and the first page of
    specific pages. Returns the number of results."""
    from django.conf import settings
    from django.core.paginator import Paginator
    from wagtail.models import Page

    from search.query import search_terms

    results = Page.objects.none()
    terms = search_terms(query)
    if terms:
        pages = Page.objects.live().public().filter(locale=locale)
        results = pages.specific().search(terms)
    paginator = Paginator(results, settings.LISTING_PAGE_SIZE)
    page_obj = paginator.get_page(1)
    list(page_obj.object_list)
    return paginator.count


def search_page(client, url, query):
    """The whole public search page: the view with its facets, excerpts and
    partners, the template, the middleware."""
    response = client.get(url, {"q": query})
    if response.status_code != 200:
        raise RuntimeError(f"the search page answered {response.status_code} for “{query}”")


def nearest_rank(sorted_values, fraction):
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def measure_queries(repeat, budget, whole_pages=True):
    """Milliseconds per query: the query alone and the whole search page. A
    query so slow that its runs would take more than the budget is repeated
    only as often as fits (at least once)."""
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    client = Client(HTTP_HOST="localhost")
    with translation.override("th"):
        locale = Locale.get_active()
        url = reverse("search:search")
    hits = {}
    runs = {}
    for query, _why in QUERIES:
        started = time.perf_counter()
        with translation.override("th"):
            hits[query] = search_like_the_site(query, locale)
        if whole_pages:
            search_page(client, url, query)
        warm_up = time.perf_counter() - started
        runs[query] = max(1, min(repeat, int(budget / warm_up))) if warm_up else repeat
    timings = {query: ([], []) for query, _why in QUERIES}
    # Round-robin, so noise from other processes spreads over all queries.
    for round_number in range(repeat):
        for query, _why in QUERIES:
            if round_number >= runs[query]:
                continue
            query_only, whole_page = timings[query]
            started = time.perf_counter()
            with translation.override("th"):
                search_like_the_site(query, locale)
            query_only.append((time.perf_counter() - started) * 1000)
            if whole_pages:
                started = time.perf_counter()
                search_page(client, url, query)
                whole_page.append((time.perf_counter() - started) * 1000)
    return hits, timings


# --- Checking the built pages ----------------------------------------------------------------


def self_check(index_page, count):
    """Are the bulk-inserted pages real pages? Tree, routing, rendering, search."""
    from django.test import Client
    from wagtail.models import Page

    problems = []
    names = ("bad characters", "bad path length", "orphans", "wrong depth", "wrong numchild")
    for name, ids in zip(names, Page.find_problems(), strict=True):
        if ids:
            problems.append(f"tree: {name}: page ids {sorted(ids)[:10]}")
    live = benchmark_children(index_page).live().count()
    if live != count:
        problems.append(f"{live} live pages under the index page, expected {count}")
    client = Client(HTTP_HOST="localhost")
    children = benchmark_children(index_page).order_by("path")
    samples = [children.first(), children.last()]
    for page in [index_page, *samples]:
        response = client.get(page.url)
        if response.status_code != 200 or page.title not in response.content.decode():
            problems.append(f"{page.url} answered {response.status_code} without its title")
    if index_page.get_children().count() != count:
        problems.append("the index page does not list its children")
    return problems, samples


def check_search_view(samples):
    from django.test import Client
    from wagtail.models import Page

    from search.query import search_terms

    client = Client(HTTP_HOST="localhost")
    problems = []
    for page in samples:
        response = client.get("/search/", {"q": page.title})
        if response.status_code != 200 or 'class="search-results"' not in response.content.decode():
            problems.append(f"the search page found nothing for “{page.title}”")
        # Only membership: ranking is not what this checks.
        found = {result.pk for result in Page.objects.live().search(search_terms(page.title))}
        if page.pk not in found:
            problems.append(f"searching for “{page.title}” did not find {page.url}")
    return problems


# --- Reporting ------------------------------------------------------------------------------------


def database_description():
    import sqlite3

    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            buffers = cursor.fetchone()[0]
            cursor.execute("SHOW jit")
            jit = cursor.fetchone()[0]
        return f"PostgreSQL {version} (shared_buffers {buffers}, jit {jit})"
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    return f"{connection.display_name}"


def database_size():
    """Bytes used by the whole database and by the search index table."""
    from django.db import connection
    from wagtail.search.models import IndexEntry

    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_database_size(current_database()), pg_total_relation_size(%s)", [table]
            )
            return cursor.fetchone()
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0], None
    return None, None


def megabytes(size):
    return "?" if size is None else f"{size / 1e6:,.0f} MB"


def verdict(met):
    return "met" if met else "MISSED"


def report_indexing(result):
    pages, seconds = result["pages"], result["seconds"]
    rate = pages / seconds if seconds else float("inf")
    rest = seconds - result["segmentation"] - result["fetching"] - result["title_norms"]
    print(f"Indexing (search backend add_items, batches of {INDEX_BATCH})")
    print(
        f"  {pages:,} pages in {seconds:.1f} s = {rate:,.0f} pages/s"
        f"    target >= {INDEXING_TARGET:.0f} pages/s: {verdict(rate >= INDEXING_TARGET)}"
    )

    def share(part):
        return f"{part:8.1f} s  {part / seconds:4.0%}" if seconds else f"{part:8.1f} s"

    workers = result["workers"]
    print(
        f"    this process's CPU time             {share(result['cpu'])}"
        f"  (segmenting in {workers if workers > 1 else 'no'} worker processes)"
    )
    print(
        f"    Thai segmentation (waited for)      {share(result['segmentation'])}"
        f"  ({result['segmentation_calls'] / pages:.0f} values per page)"
    )
    print(f"    reading pages (ORM)                 {share(result['fetching'])}")
    print(
        f"    title_norm refresh                  {share(result['title_norms'])}"
        f"  ({result['title_norm_calls']} calls)"
    )
    print(f"    rest (index values, SQL writes)     {share(rest)}")
    if result["dictionary"] >= 0.01:
        print(f"    (loading the dictionaries, once: {result['dictionary']:.2f} s, not counted)")


def percentiles(timings, repeat):
    """p50, p95 and max over all runs. A query cut short by the budget counts
    all its runs, at its median, so that slow queries weigh in p95 as much as
    the others."""
    runs = []
    for own in timings:
        runs += own + [statistics.median(own)] * (repeat - len(own))
    runs.sort()
    return statistics.median(runs), nearest_rank(runs, 0.95), runs[-1], len(runs)


def report_queries(hits, timings, repeat, vendor, pages):
    print(
        f"Queries ({len(QUERIES)} queries x {repeat} runs after one warm-up run)\n"
        "  query: count + first results page, as search/views.py does it\n"
        "  page:  the whole search page through the test client (facets, excerpts,\n"
        "         partners, template), for information"
    )
    print(f"  {'query':<28} {'query ms':>8} {'max':>7} {'page ms':>8} {'hits':>8}  why")
    cut_short = False
    for query, why in QUERIES:
        query_only, whole_page = timings[query]
        mark = ""
        if len(query_only) < repeat:
            mark = f" [{len(query_only)} runs: over the query budget]"
            cut_short = True
        print(
            f"  {query:<28} {statistics.median(query_only):8.1f} {max(query_only):7.1f}"
            f" {statistics.median(whole_page) if whole_page else float('nan'):8.1f}"
            f" {hits[query]:8,}  {why}{mark}"
        )
    figures = {}
    for label, index in (("query", 0), ("page", 1)):
        if not timings[QUERIES[0][0]][index]:
            print(f"  {label:<5} not measured (--no-pages)")
            continue
        p50, p95, most, count = percentiles([timings[q][index] for q, _why in QUERIES], repeat)
        figures[label] = p95
        print(
            f"  {label:<5} over all {count} runs: p50 {p50:.1f} ms   p95 {p95:.1f} ms"
            f"   max {most:.1f} ms"
        )
    if cut_short:
        print("  (runs a query did not make within the budget count at its median)")
    for query, _why in QUERIES:
        if hits[query] == 0 and query == QUERIES[-1][0]:
            nothing = statistics.median(timings[query][0])
            print(
                f"  nothing found ({query}): median {nothing:.1f} ms, max"
                f" {max(timings[query][0]):.1f} ms    target <= {NOTHING_FOUND_TARGET:.0f} ms:"
                f" {verdict(nothing <= NOTHING_FOUND_TARGET)}"
            )
    if vendor in LATENCY_TARGETS:
        target_pages, limit = LATENCY_TARGETS[vendor]
        note = ""
        if pages != target_pages:
            note = f" (the target is set at {target_pages:,} pages; this run has {pages:,})"
        print(f"  query p95 target <= {limit:.0f} ms: {verdict(figures['query'] <= limit)}{note}")


def main(argv=None):
    args = parse_args(argv)
    # Figures appear as they are measured, also when the output goes to a file.
    sys.stdout.reconfigure(line_buffering=True)
    try:
        setup_django()
        refuse_foreign_databases()
    except Refused as error:
        log(f"search benchmark: refusing to run: {error}")
        return 2

    import django
    import wagtail
    from django.db import connection

    index_page, build_seconds = prepare_pages(args)
    pages = benchmark_children(index_page).count()

    if args.check:
        problems, samples = self_check(index_page, args.pages)
        measure_indexing(index_page)
        problems += check_search_view(samples)
        for problem in problems:
            print(f"check: {problem}")
        print(f"check: {pages:,} pages, {'no problems' if not problems else 'FAILED'}")
        return 1 if problems else 0

    print("Search benchmark (benchmarks/search.py)")
    print(f"  CPU cores      {os.cpu_count()} (os.cpu_count())")
    print(
        f"  software       Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}"
    )
    print(f"  database       {database_description()}")
    print(f"  pages (N)      {pages:,} Thai article pages, seed {args.seed}")
    if build_seconds is None:
        print("  build          reused the pages already in the database")
    else:
        print(f"  build          {build_seconds:.1f} s (not part of the figures)")

    if args.skip_indexing and build_seconds is None and index_is_complete(index_page):
        print("Indexing skipped (--skip-indexing): the search index is complete")
    else:
        log("indexing")
        report_indexing(measure_indexing(index_page))

    total_size, index_size = database_size()
    print(f"  database size  {megabytes(total_size)}, search index table {megabytes(index_size)}")
    log("querying")
    hits, timings = measure_queries(
        args.queries_repeat, args.query_budget, whole_pages=not args.no_pages
    )
    report_queries(hits, timings, args.queries_repeat, connection.vendor, pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
