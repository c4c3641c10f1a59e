"""Serve the demo site as production serves it, on loopback, on a throwaway database.

    .venv/bin/python scripts/demo_site.py [--port 8765]

Production settings (DEBUG off, the real 404 and 500 pages, collected and
compressed static files, gunicorn), with HTTPS redirects off because it is
served over plain HTTP on 127.0.0.1, and media served by Django. The database is
a new SQLite file, or, when DATABASE_URL names a PostgreSQL server, a new
database on that server, dropped again at the end. The demo content is loaded
into it and the default Site is pointed at the served address, so every
absolute URL the pages print (canonical, feeds, sitemap, Open Graph) leads back
to this server.

When the site answers, one line goes to standard output:

    READY <base URL> <manifest path>

The manifest (JSON) lists every live public page with its type and language,
and the partner pages, as the database knows them: the validators check the
served site against it. The server runs until this process is interrupted or
terminated; then everything it made is removed.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

MANIFEST_SCRIPT = """
import json, os
from wagtail.models import Page, Site
from network.models import PartnerIndexPage, PartnerOrganisation

site = Site.objects.get(is_default_site=True)
root = site.root_url
pages = []
for page in Page.objects.live().public().specific().select_related("locale"):
    url = page.get_url()
    if url is None:
        continue
    pages.append({
        "url": root + url,
        "type": page._meta.label,
        "language": page.locale.language_code,
        "title": page.title,
    })
for index in PartnerIndexPage.objects.live().public().select_related("locale"):
    for partner in PartnerOrganisation.objects.filter(locale_id=index.locale_id):
        pages.append({
            "url": root + index.partner_url(partner),
            "type": "network.PartnerOrganisation",
            "language": index.locale.language_code,
            "title": partner.name,
        })
json.dump({"root_url": root, "pages": pages}, open(os.environ["DEMO_SITE_MANIFEST"], "w"), ensure_ascii=False)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoSite:
    def __init__(self, port):
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
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
            MEDIA_ROOT=str(self.workdir / "media"),
            STATIC_ROOT=str(self.workdir / "static"),
            STORY_UPLOADS_ROOT=str(self.workdir / "private"),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            PYTHONUNBUFFERED="1",
        )
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        server_url = os.environ.get("DATABASE_URL", "")
        if server_url.startswith(("postgres://", "postgresql://")):
            self.pg_database = f"demo_site_{os.getpid()}_{secrets.token_hex(3)}"
            self.pg_server_url = server_url
            env["DATABASE_URL"] = self._pg_url(self.pg_database)
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.workdir / 'db.sqlite3'}"
        return env

    def _pg_url(self, database):
        parts = urlsplit(self.pg_server_url)
        return urlunsplit(parts._replace(path=f"/{database}"))

    def _pg_admin(self, statement):
        import psycopg

        with psycopg.connect(self._pg_url("postgres"), autocommit=True) as connection:
            connection.execute(statement)

    def manage(self, *args, extra_env=None):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            check=True,
            stdout=sys.stderr,
        )

    def build(self):
        if self.pg_database:
            self._pg_admin(f'CREATE DATABASE "{self.pg_database}"')
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_demo_content", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage(
            "shell",
            "-v",
            "0",
            "-c",
            "from wagtail.models import Site; "
            f"Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={self.port})",
        )
        manifest = self.workdir / "manifest.json"
        script = self.workdir / "manifest.py"
        script.write_text(MANIFEST_SCRIPT)
        self.manage(
            "shell",
            "-v",
            "0",
            "-c",
            f"exec(open({str(script)!r}).read())",
            extra_env={"DEMO_SITE_MANIFEST": str(manifest)},
        )
        return manifest

    def serve(self):
        self.server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi:application",
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
            self.server.terminate()
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
    args = parser.parse_args()

    site = DemoSite(args.port)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        manifest = site.build()
        site.serve()
        print(f"READY {site.base_url} {manifest}", flush=True)
        site.server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.close()


if __name__ == "__main__":
    main()
