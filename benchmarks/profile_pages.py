"""Server CPU and SQL queries per public page type, in-process, with the page cache off.

    DATABASE_URL=sqlite:///perf.sqlite3 .venv/bin/python benchmarks/profile_pages.py
        [--settings config.settings.dev] [--requests 60] [--only article]
        [--profile article] [--sort cumulative] [--lines 40]

Runs against a database that already holds the demo content (manage.py migrate and
load_demo_content, then manage.py db_worker --batch so that the deferred image
renditions exist, as a running worker makes them), with DEBUG off whatever the settings say. Each page is fetched
once first (image renditions, warm caches), then --requests times: the median CPU
time of one request (time.process_time) and the SQL queries of the last one are
printed. --profile runs cProfile over the requests of one page type.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--settings", default="config.settings.dev")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--only", action="append", help="page type (repeatable)")
    parser.add_argument("--profile", metavar="PAGE_TYPE")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=40)
    return parser.parse_args()


def page_urls():
    """The benchmark's pages (page_probe.py), with a filtered listing and without
    search, which benchmarks/search.py measures."""
    from page_probe import page_urls as benchmark_urls

    from network.models import Topic

    urls = {}
    for name, url in benchmark_urls().items():
        if name == "search (Thai query)":
            continue
        urls[name] = url
        if name == "article list":
            topic = Topic.objects.filter(locale__language_code="th").order_by("pk").first()
            urls["article list by topic"] = f"{url}?topic={topic.slug or topic.pk}"
    return urls


def measure(client, url, requests, profiler=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url
    times = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            if profiler:
                profiler.enable()
            start = time.process_time()
            response = client.get(url)
            times.append(time.process_time() - start)
            if profiler:
                profiler.disable()
        assert response.status_code == 200, url
    return statistics.median(times) * 1000, len(queries)


def main():
    args = parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request is rendered: the cold cost
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    from django.test import Client

    client = Client()
    urls = page_urls()
    chosen = [args.profile] if args.profile else (args.only or list(urls))
    print(f"{'page type':24} {'CPU ms':>8} {'queries':>8}  url")
    for name in chosen:
        profiler = cProfile.Profile() if args.profile else None
        cpu_ms, queries = measure(client, urls[name], args.requests, profiler)
        print(f"{name:24} {cpu_ms:8.1f} {queries:8d}  {urls[name]}")
        if profiler:
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)


if __name__ == "__main__":
    main()
