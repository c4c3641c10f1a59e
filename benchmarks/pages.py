"""Server CPU, SQL queries, requests per second and memory of the public pages, as served.

    .venv/bin/python benchmarks/pages.py [--workers 2] [--requests 200] [--duration 5]
                                         [--connections 4] [--compare COMMIT]

Builds the demo site on a scratch SQLite database, serves it with gunicorn under the
production settings (deploy/gunicorn.conf.py) on loopback, once with the page cache off
(PAGE_CACHE_SECONDS=0, "cold") and once on ("cached"), and loads each page type from
this process. nginx serving the same HTML from a file is the ceiling. With --compare,
a second checkout (a git worktree of COMMIT) is built and served the same way, the two
servers taking turns page type by page type. benchmarks/README.md ("Pages") says more.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_load import WRK_INSTALL, fetch, python_load, timed_load, wrk_path
from page_servers import DemoBuild, Gunicorn, Nginx, NginxInFront

ROOT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git") or "git"
PAGE_TYPES = (
    "home",
    "article list",
    "article",
    "event summary list",
    "event summary",
    "e-book list",
    "e-book",
    "partner directory",
    "partner page",
    "search (Thai query)",
)
MODES = ("cold", "cached")
# The search page is never cached: it answers a reader's own query.
CACHEABLE = PAGE_TYPES[:-1]
MEMORY_REQUESTS = 1000
WARM_REQUESTS = 3


def arguments(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--requests",
        type=int,
        default=200,
        help="requests per page type and mode for the CPU figure (default 200)",
    )
    parser.add_argument(
        "--duration",
        type=int,
        default=5,
        help="seconds of load per page type and mode for requests per second (default 5)",
    )
    parser.add_argument(
        "--connections", type=int, default=4, help="concurrent connections (default 4)"
    )
    parser.add_argument(
        "--compare", metavar="COMMIT", help="also serve this commit and print both side by side"
    )
    parser.add_argument(
        "--log", help="write the build and server output here (default: a temp file, removed)"
    )
    return parser.parse_args(argv)


def describe_tree(tree):
    def git(*args):
        return subprocess.run(  # noqa: S603 (git of this checkout, fixed arguments)
            [GIT, *args], cwd=tree, capture_output=True, text=True, check=False
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    return f"{commit}{' + uncommitted changes' if dirty else ''}"


class Worktree:
    """A detached git worktree of `commit` in a temp dir, removed again at the end."""

    def __init__(self, commit):
        self.commit = commit
        self.parent = Path(tempfile.mkdtemp(prefix="bench-pages-tree-"))
        self.path = self.parent / "tree"

    def __enter__(self):
        subprocess.run(  # noqa: S603 (the commit is the caller's own)
            [GIT, "worktree", "add", "--detach", str(self.path), self.commit],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return self.path

    def __exit__(self, *exc):
        subprocess.run(  # noqa: S603
            [GIT, "worktree", "remove", "--force", str(self.path)],
            cwd=ROOT,
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.parent, ignore_errors=True)


def measure(server, path, args):
    """CPU per request over a fixed number of requests, then requests per second."""
    url = server.base_url + path
    for _ in range(WARM_REQUESTS):
        status, headers, body = fetch(url)
    before = server.cpu_seconds()
    counted = python_load([url], args.requests, args.connections)
    after = server.cpu_seconds()
    timed = timed_load(url, args.duration, args.connections)
    return {
        "cpu_ms": (after - before) * 1000 / max(counted.requests, 1),
        "hits": counted.x_cache.get("hit", 0),
        "counted": counted.requests,
        "rps": timed.rps,
        "not_ok": counted.not_ok + timed.not_ok,
        "warm_status": status,
        "body": body,
    }


def measure_in_front(front, path, args):
    """Requests per second through deploy/nginx, and gunicorn's CPU per request served."""
    before = front.gunicorn.cpu_seconds()
    timed = timed_load(front.base_url + path, args.duration, args.connections)
    after = front.gunicorn.cpu_seconds()
    return {"rps": timed.rps, "cpu_ms": (after - before) * 1000 / max(timed.requests, 1)}


def run(builds, args, log):
    """Every figure, keyed (tree label, mode, page type)."""
    figures, memory, ceiling, in_front = {}, {}, {}, {}
    pages = [page for page in PAGE_TYPES if all(b.urls.get(page) for b in builds)]
    nginx = front = None
    try:
        for mode in MODES:
            servers = [Gunicorn(b, mode == "cached", args.workers, log) for b in builds]
            try:
                for server in servers:
                    server.start()
                for server in servers:
                    urls = [server.base_url + server.build.urls[page] for page in pages]
                    before = server.worker_cpu_seconds()
                    python_load(urls, MEMORY_REQUESTS, args.connections)
                    after = server.worker_cpu_seconds()
                    memory[(server.build.label, mode)] = [
                        (rss, after.get(pid, 0) - before.get(pid, 0))
                        for pid, rss in server.worker_rss_mb().items()
                    ]
                if mode == "cached":
                    nginx = Nginx(log, args.workers)
                    nginx.start()
                    front = NginxInFront(servers[0], log, args.workers)
                    front.start()
                for number, page in enumerate(pages):
                    progress(f"{mode}: {page}")
                    turn = servers if number % 2 == 0 else servers[::-1]
                    for server in turn:
                        result = measure(server, server.build.urls[page], args)
                        figures[(server.build.label, mode, page)] = result
                    if nginx:
                        body = figures[(builds[0].label, mode, page)]["body"]
                        url = nginx.save(f"page-{number}.html", body)
                        ceiling[page] = timed_load(url, args.duration, args.connections).rps
                    if front and page in CACHEABLE:
                        in_front[page] = measure_in_front(front, builds[0].urls[page], args)
            finally:
                if front:
                    front.stop()
                    front = None
                for server in servers:
                    server.stop()
    finally:
        if nginx:
            nginx.stop()
    return pages, figures, memory, ceiling, in_front


def progress(text):
    print(f"… {text}", file=sys.stderr, flush=True)


def table(title, header, rows):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [title, "-" * len(title)]
    for index, row in enumerate([header, *rows]):
        cells = [
            str(cell).ljust(width) if column == 0 else str(cell).rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(new, old):
    return "-" if not old or new is None else f"{new / old:.2f}"


def report(builds, pages, figures, memory, ceiling, in_front, args):
    labels = [b.label for b in builds]
    columns = [f"{label} {mode}" for label in labels for mode in MODES]
    pairs = [(label, mode) for label in labels for mode in MODES]
    compare = len(labels) == 2
    out = []

    def with_ratios(page, key, digits):
        values = [figures[(label, mode, page)][key] for label, mode in pairs]
        row = [page, *(number(v, digits) for v in values)]
        if compare:
            row += [ratio(values[0], values[2]), ratio(values[1], values[3])]
        return row

    ratio_header = [f"{labels[0]}/{labels[1]} {mode}" for mode in MODES] if compare else []
    out.append(
        table(
            "Server CPU ms per request (gunicorn master + workers, utime+stime from /proc)",
            ["page", *columns, *ratio_header],
            [with_ratios(page, "cpu_ms", 2) for page in pages],
        )
    )
    query_rows = []
    for page in pages:
        counts = [b.queries[mode][page]["queries"] for b in builds for mode in MODES]
        query_rows.append([page, *counts])
    out.append(
        table(
            "SQL queries per request (in-process: django.test.Client + CaptureQueriesContext)",
            ["page", *columns],
            query_rows,
        )
    )
    rps_rows = []
    for page in pages:
        row = with_ratios(page, "rps", 0)
        row.append(number(ceiling.get(page), 0))
        for label in labels:
            row.append(ratio(figures[(label, "cached", page)]["rps"], ceiling.get(page)))
        rps_rows.append(row)
    out.append(
        table(
            f"Requests per second ({'wrk' if wrk_path() else 'Python client'}, "
            f"{args.connections} connections, {args.duration} s each)",
            [
                "page",
                *columns,
                *ratio_header,
                "nginx",
                *(f"{label} cached/nginx" for label in labels),
            ],
            rps_rows,
        )
    )
    front_rows = [
        [
            page,
            number(in_front[page]["rps"], 0),
            number(ceiling.get(page), 0),
            ratio(in_front[page]["rps"], ceiling.get(page)),
            number(in_front[page]["cpu_ms"], 3),
        ]
        for page in pages
        if page in in_front
    ]
    out.append(
        table(
            f"{labels[0]} cached behind deploy/nginx (nginx keeps a page PROXY_CACHE_SECONDS)",
            ["page", "rps", "nginx file rps", "ratio", "gunicorn CPU ms per request served"],
            front_rows,
        )
    )
    hit_rows = []
    for page in pages:
        row = [page]
        for label, mode in pairs:
            result = figures[(label, mode, page)]
            row.append(f"{result['hits']}/{result['counted']}")
        for label in labels:
            row.append(builds[labels.index(label)].queries["cached"][page]["x_cache"] or "none")
        hit_rows.append(row)
    out.append(
        table(
            "X-Cache: hit among the counted requests (pages warmed first); in-process header",
            ["page", *columns, *(f"{label} in-process" for label in labels)],
            hit_rows,
        )
    )
    memory_rows = [
        [
            f"{label} {mode}",
            ", ".join(f"{mb:.1f} ({cpu:.1f} s)" for mb, cpu in memory[(label, mode)]),
        ]
        for label, mode in pairs
    ]
    out.append(
        table(
            f"Resident memory of each gunicorn worker after {MEMORY_REQUESTS:,} requests"
            " spread over the page types",
            ["server", "each worker: RSS MB (its CPU s in those requests)"],
            memory_rows,
        )
    )
    failures = [
        f"{label} {mode} {page}: {result['not_ok']} responses not OK"
        for (label, mode, page), result in figures.items()
        if result["not_ok"] or result["warm_status"] != 200
    ]
    out.append("Errors: " + ("; ".join(failures) if failures else "none") + "\n")
    return "\n".join(out)


def main(argv=None):
    args = arguments(argv)
    if not wrk_path():
        print(
            f"wrk is not installed ({WRK_INSTALL}); requests per second come from the"
            " Python client, which competes with the server for the CPU.",
            file=sys.stderr,
        )

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    log_path = Path(args.log) if args.log else Path(tempfile.mkstemp(suffix=".log")[1])
    builds = []
    try:
        with open(log_path, "w") as log:
            trees = [("new", ROOT)]
            worktree = Worktree(args.compare) if args.compare else None
            if worktree:
                trees.append(("old", worktree.__enter__()))
            try:
                for label, tree in trees:
                    progress(f"building the demo site of {label} ({tree.name})")
                    build = DemoBuild(tree, label, log)
                    builds.append(build)
                    build.build()
                    build.probe(cached=False)
                    build.probe(cached=True)
                pages, figures, memory, ceiling, in_front = run(builds, args, log)
            finally:
                if worktree:
                    worktree.__exit__(None, None, None)
        print(
            f"CPUs: {os.cpu_count()}; gunicorn: {args.workers} workers x deploy/gunicorn.conf.py"
            f" threads, no worker recycling; {args.requests} requests per CPU figure"
        )
        for label, tree in trees:
            print(f"{label}: {describe_tree(tree) if label == 'new' else args.compare}")
        print()
        print(report(builds, pages, figures, memory, ceiling, in_front, args))
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f"Failed: {error}; the log's end:", file=sys.stderr)
        print("".join(log_path.read_text(errors="replace").splitlines(True)[-40:]), file=sys.stderr)
        return 1
    finally:
        for build in builds:
            build.close()
        if not args.log:
            log_path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
