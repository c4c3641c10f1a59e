"""Serve the demo site as production serves it, on loopback, on a throwaway database.

    .venv/bin/python scripts/demo_site.py [--port 8765] [--rebuild]

Production settings (DEBUG off, the real 404 and 500 pages, collected and
compressed static files, gunicorn), with HTTPS redirects off because it is
served over plain HTTP on 127.0.0.1, and media served by Django. The database is
a new SQLite file, or, when DATABASE_URL names a PostgreSQL server, a new
database on that server, dropped again at the end. The demo content is loaded
into it and the default Site is pointed at the served address, so every
absolute URL the pages print (canonical, feeds, sitemap, Open Graph) leads back
to this server.

Building the SQLite site (migrate, load_demo_content, collectstatic) takes most
of a minute, so what it makes (the database, the media files, the collected
static files and the manifest) is kept in .cache/demo-site/<key>/, where the key
is a hash of everything the build reads: the Python version and the installed
packages, and the project's code, migrations, demo content, static files and
translations. Templates are not part of the key, because pages are rendered from
the checkout on each request. A run with the same key copies the cache instead
of building; --rebuild builds anew. On PostgreSQL, or with SEARCH_URL set (the
search index lives outside the cache), every run builds.

Every response carries a `LinkChecker` header: linkchecker's documented way for
a site to let it crawl faster than about three requests a second.

When the site answers, one line goes to standard output:

    READY <base URL> <manifest path>

The manifest (JSON) lists every live public page with its type, language and
title, the partner pages, and what the reader journeys look for (translations,
parents, event dates and galleries, the pages linked to each partner), as the
database knows them: the tests check the served site against it. The server
runs until this process is interrupted or terminated; then everything it made
is removed, except the cache.
"""

import argparse
import fcntl
import hashlib
import importlib.metadata
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CACHE = ROOT / ".cache" / "demo-site"
# Directories the build does not read: pages are rendered from the templates at
# each request, and the tests are not part of the site.
NOT_BUILT_FROM = {"templates", "tests", "__pycache__"}
# Settings the manifest records (the site's name); the rest are given below.
BUILD_ENVIRONMENT = ("WAGTAIL_SITE_NAME",)

MANIFEST_SCRIPT = """
import json, os
from django.conf import settings
from wagtail.models import Page, Site
from articles.models import EventSummaryPage
from network.links import pages_linked_to
from network.models import PartnerIndexPage, PartnerOrganisation

site = Site.objects.get(is_default_site=True)
pages = []
for page in Page.objects.live().public().specific().select_related("locale"):
    url = page.get_url()
    if url is None:
        continue
    entry = {
        "url": url,
        "type": page._meta.label,
        "language": page.locale.language_code,
        "title": page.title,
        "translation_key": str(page.translation_key),
        "parent_url": page.get_parent().get_url(),
    }
    if isinstance(page, EventSummaryPage):
        entry["start_date"] = page.start_date.isoformat()
        entry["gallery_images"] = page.gallery_images.count()
    pages.append(entry)
for index in PartnerIndexPage.objects.live().public().select_related("locale"):
    for partner in PartnerOrganisation.objects.filter(locale_id=index.locale_id):
        pages.append({
            "url": index.partner_url(partner),
            "type": "network.PartnerOrganisation",
            "language": index.locale.language_code,
            "title": partner.name,
            "linked": [{"url": linked.url, "title": linked.title} for linked in pages_linked_to(partner)[:]],
        })
manifest = {"site_name": site.site_name or settings.WAGTAIL_SITE_NAME, "pages": pages}
json.dump(manifest, open(os.environ["DEMO_SITE_MANIFEST"], "w"), ensure_ascii=False)
"""


def crawlable_application():
    """The site's WSGI application, answering with the `LinkChecker` header (gunicorn loads it)."""
    from config.wsgi import application

    def respond(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, ("LinkChecker", "allowed")], exc_info)

        return application(environ, start)

    return respond


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_inputs():
    """The files whose content changes what a build makes."""
    packages = [path.parent for path in ROOT.glob("*/__init__.py")] + [ROOT / "site"]
    files = [Path(__file__).resolve()]
    for package in packages:
        if package.name in NOT_BUILT_FROM:
            continue
        for folder, subfolders, names in os.walk(package):
            subfolders[:] = sorted(name for name in subfolders if name not in NOT_BUILT_FROM)
            files += [Path(folder, name) for name in sorted(names) if not name.endswith(".pyc")]
    return sorted(files)


def build_key():
    digest = hashlib.sha256(sys.version.encode())
    installed = sorted(
        f"{dist.name}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(installed).encode())
    for name in BUILD_ENVIRONMENT:
        digest.update(f"{name}={os.environ.get(name, '')}".encode())
    for path in build_inputs():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


@contextmanager
def locked(path):
    """One process at a time builds or copies the cache (test processes run side by side)."""
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def absolute_urls(value, base_url):
    """The manifest with every root-relative URL ("url", "parent_url") made absolute."""
    if isinstance(value, list):
        return [absolute_urls(item, base_url) for item in value]
    if isinstance(value, dict):
        return {
            key: base_url + item
            if key.endswith("url") and isinstance(item, str) and item.startswith("/")
            else absolute_urls(item, base_url)
            for key, item in value.items()
        }
    return value


class DemoSite:
    def __init__(self, port, rebuild=False):
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.rebuild = rebuild
        self.workdir = Path(tempfile.mkdtemp(prefix="demo-site-"))
        self.server = None
        self.pg_database = None
        self.env = self._environment()

    def _environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WAGTAILADMIN_BASE_URL=self.base_url,
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            SERVE_MEDIA="true",
            STORY_UPLOADS_ROOT=str(self.workdir / "private"),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            # One server and no worker: tasks (search index, renditions) run where
            # they are queued, so the built site is complete when it is served.
            TASKS_BACKEND="immediate",
            PYTHONUNBUFFERED="1",
            **self._places(self.workdir),
        )
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        server_url = os.environ.get("DATABASE_URL", "")
        if server_url.startswith(("postgres://", "postgresql://")):
            self.pg_database = f"demo_site_{os.getpid()}_{secrets.token_hex(3)}"
            self.pg_server_url = server_url
            env["DATABASE_URL"] = self._pg_url(self.pg_database)
        return env

    @staticmethod
    def _places(folder):
        return {
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            # E-book files: part of the build, not left in the checkout's private/.
            "DOCUMENTS_ROOT": str(folder / "documents"),
            # Its own page cache: never pages of another build on the same port.
            "CACHE_DIR": str(folder / "cache"),
        }

    def _pg_url(self, database):
        parts = urlsplit(self.pg_server_url)
        return urlunsplit(parts._replace(path=f"/{database}"))

    def _pg_admin(self, statement):
        import psycopg

        with psycopg.connect(self._pg_url("postgres"), autocommit=True) as connection:
            connection.execute(statement)

    def manage(self, *args, env):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=sys.stderr
        )

    def build(self, folder, env):
        """Migrate, load the demo content, collect static files, write the manifest
        (with root-relative URLs: the Site is pointed at the server afterwards)."""
        folder.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput", "-v", "0", env=env)
        self.manage("load_demo_content", "-v", "0", env=env)
        self.manage("collectstatic", "--noinput", "-v", "0", env=env)
        script = folder / "manifest.py"
        script.write_text(MANIFEST_SCRIPT)
        manifest_env = {**env, "DEMO_SITE_MANIFEST": str(folder / "manifest.json")}
        self.manage(
            "shell", "-v", "0", "-c", f"exec(open({str(script)!r}).read())", env=manifest_env
        )
        script.unlink()

    def prepare(self):
        """Everything the server needs in the work directory; the manifest's path."""
        if self.pg_database or os.environ.get("SEARCH_URL", "").strip():
            if self.pg_database:
                self._pg_admin(f'CREATE DATABASE "{self.pg_database}"')
            self.build(self.workdir, self.env)
            self.manage(
                "shell",
                "-v",
                "0",
                "-c",
                "from wagtail.models import Site; Site.objects.filter(is_default_site=True)"
                f".update(hostname='127.0.0.1', port={self.port})",
                env=self.env,
            )
            relative = json.loads((self.workdir / "manifest.json").read_text())
        else:
            relative = self._copy_from_cache()
        manifest = self.workdir / "manifest.json"
        manifest.write_text(
            json.dumps({"root_url": self.base_url, **absolute_urls(relative, self.base_url)})
        )
        return manifest

    def _copy_from_cache(self):
        """The cached SQLite build (made first if missing), copied: the server writes to its copy."""
        CACHE.mkdir(parents=True, exist_ok=True)
        entry = CACHE / build_key()
        with locked(CACHE / ".lock"):
            if self.rebuild or not (entry / "manifest.json").exists():
                partial = entry.with_name(entry.name + ".partial")
                shutil.rmtree(partial, ignore_errors=True)
                self.build(partial, {**self.env, **self._places(partial)})
                shutil.rmtree(entry, ignore_errors=True)
                partial.rename(entry)
                for other in CACHE.iterdir():  # only the newest build is kept
                    if other.is_dir() and other != entry:
                        shutil.rmtree(other, ignore_errors=True)
            source = sqlite3.connect(f"file:{entry / 'db.sqlite3'}?mode=ro", uri=True)
            copy = sqlite3.connect(self.workdir / "db.sqlite3")
            try:
                source.backup(copy)  # a consistent copy, whatever is still in the WAL
                with copy:
                    copy.execute(
                        "UPDATE wagtailcore_site SET hostname = '127.0.0.1', port = ?"
                        " WHERE is_default_site",
                        (self.port,),
                    )
            finally:
                source.close()
                copy.close()
            shutil.copytree(entry / "media", self.workdir / "media")
            shutil.copytree(entry / "static", self.workdir / "static")
            if (entry / "documents").exists():
                shutil.copytree(entry / "documents", self.workdir / "documents")
            return json.loads((entry / "manifest.json").read_text())

    def serve(self):
        self.server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "demo_site:crawlable_application()",
                "--pythonpath",
                str(ROOT / "scripts"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=sys.stderr,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped with exit code {self.server.returncode}")
            try:
                with urllib.request.urlopen(self.base_url + "/robots.txt", timeout=5):
                    return
            except urllib.error.HTTPError:
                return  # it answers; what it answers is the validators' business
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the site did not answer within 60 seconds")

    def close(self):
        if self.server and self.server.poll() is None:
            # A quick shutdown: a graceful one waits for renditions still being made.
            self.server.send_signal(signal.SIGINT)
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
        if self.pg_database:
            try:
                self._pg_admin(f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)')
            except Exception as error:  # the cluster may already be gone
                print(f"Could not drop {self.pg_database}: {error}", file=sys.stderr)
        shutil.rmtree(self.workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the SQLite site anew, not from the cache"
    )
    args = parser.parse_args()

    site = DemoSite(args.port, rebuild=args.rebuild)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        manifest = site.prepare()
        site.serve()
        print(f"READY {site.base_url} {manifest}", flush=True)
        site.server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.close()


if __name__ == "__main__":
    main()
