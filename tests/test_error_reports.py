"""Server errors reach people: Sentry when SENTRY_DSN is set, ADMINS by email otherwise,
and JSON log lines for a log collector.

Each test runs the site with production settings in its own process, on a database
file that is not a database (a disk gone bad), and posts a partner's story form to
it: the request fails for real, with a partner's personal data in it.
"""

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .story_helpers import parsed, smtp_server  # noqa: F401 - pytest fixture

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdef",
    "ALLOWED_HOSTS": "example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
}
# Variables of the machine that running the site must not depend on, or that would
# send these test errors somewhere real.
LEFT_OUT = {"SENTRY_DSN", "ADMINS", "LOG_FORMAT", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}

PARTNER_NAME = "สมศรี รักษ์ดี"
PARTNER_PHONE = "0812345678"
CSRF_TOKEN = "partnerCsrfToken0123456789abcdef"  # 32 letters and digits, as Django makes
COOKIES = f"sessionid=partner-session-abc123; csrftoken={CSRF_TOKEN}"

# What a reader's browser sends, handed to the site's WSGI application as gunicorn
# hands it: the story form posted with its cookies. The database fails on the first
# query, so the request ends in a 500 that Django logs as an error.
POST_A_STORY = f"""
import io, sys
from urllib.parse import urlencode
from config.wsgi import application

form = {{"csrfmiddlewaretoken": {CSRF_TOKEN!r}, "name": {PARTNER_NAME!r}, "phone": {PARTNER_PHONE!r}}}
body = urlencode(form).encode()
environ = {{
    "REQUEST_METHOD": "POST",
    "PATH_INFO": "/stories/",
    "QUERY_STRING": "",
    "SERVER_NAME": "example.org",
    "SERVER_PORT": "443",
    "HTTP_HOST": "example.org",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_COOKIE": {COOKIES!r},
    "HTTP_REFERER": "https://example.org/stories/",
    "CONTENT_TYPE": "application/x-www-form-urlencoded",
    "CONTENT_LENGTH": str(len(body)),
    "wsgi.input": io.BytesIO(body),
    "wsgi.errors": sys.stderr,
    "wsgi.url_scheme": "http",
    "wsgi.version": (1, 0),
    "wsgi.multithread": False,
    "wsgi.multiprocess": True,
    "wsgi.run_once": False,
}}
statuses = []
b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
print("status", statuses[0], flush=True)
"""


def run_site(tmp_path, **env):
    broken = tmp_path / "db.sqlite3"
    broken.write_bytes(b"this disk sector went bad " * 200)
    base_env = {key: value for key, value in os.environ.items() if key not in LEFT_OUT}
    return subprocess.run(
        [sys.executable, "-c", POST_A_STORY],
        cwd=PROJECT,
        env={
            **base_env,
            **PRODUCTION_ENV,
            "DATABASE_URL": f"sqlite:///{broken}",
            "STATIC_ROOT": str(tmp_path / "static"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


class CollectingSentry(BaseHTTPRequestHandler):
    """Sentry's ingest endpoint on loopback: keeps every envelope it is sent."""

    envelopes: list

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.envelopes.append({"path": self.path, "body": body})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    envelopes = []
    handler = type("Handler", (CollectingSentry,), {"envelopes": envelopes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], envelopes
    finally:
        server.shutdown()
        server.server_close()


def envelope_items(body):
    """The JSON items of a Sentry envelope: a header line, then item header and payload."""
    lines = body.split(b"\n")
    items = []
    for index in range(1, len(lines) - 1, 2):
        header = json.loads(lines[index])
        if header.get("type") == "event":
            items.append(json.loads(lines[index + 1]))
    return items


def test_a_server_error_reaches_sentry_without_the_partners_data(
    tmp_path,
    sentry_server,
    smtp_server,  # noqa: F811
):
    from django.conf import settings

    port, envelopes = sentry_server
    result = run_site(
        tmp_path,
        SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/42",
        SENTRY_ENVIRONMENT="staging",
        SENTRY_RELEASE="cms@2026.12",
        ADMINS="Ops <ops@example.org>",
        EMAIL_HOST=settings.EMAIL_HOST,
        EMAIL_PORT=str(settings.EMAIL_PORT),
    )

    assert "status 500" in result.stdout, result.stderr
    events = [event for envelope in envelopes for event in envelope_items(envelope["body"])]
    assert envelopes and all(e["path"] == "/api/42/envelope/" for e in envelopes)
    errors = [event for event in events if event.get("exception")]
    assert len(errors) == 1, envelopes  # one failure, one event: no duplicate from the log
    event = errors[0]
    exception = event["exception"]["values"][-1]
    assert exception["type"] == "DatabaseError"
    assert "file is not a database" in exception["value"]
    assert event["environment"] == "staging"
    assert event["release"] == "cms@2026.12"
    # http: the WSGI server speaks plain HTTP to the proxy in front of it.
    assert event["request"]["url"].removeprefix("http://") == "example.org/stories/"
    assert event["request"]["method"] == "POST"
    everything_sent = b"".join(envelope["body"] for envelope in envelopes).decode()
    for private in (PARTNER_PHONE, PARTNER_NAME, "partner-session-abc123", CSRF_TOKEN):
        assert private not in everything_sent
    assert "cookies" not in event["request"] and "data" not in event["request"]
    # Sentry groups repeats of an error; an email per failed request would flood ADMINS.
    assert smtp_server.messages == []


def test_without_sentry_the_admins_get_an_email(tmp_path, smtp_server):  # noqa: F811
    from django.conf import settings

    result = run_site(
        tmp_path,
        ADMINS="สมชาย ใจดี <somchai@example.org>",
        SERVER_EMAIL="cms@example.org",
        EMAIL_HOST=settings.EMAIL_HOST,
        EMAIL_PORT=str(settings.EMAIL_PORT),
        EMAIL_USE_TLS="0",
    )

    assert "status 500" in result.stdout, result.stderr
    assert len(smtp_server.messages) == 1, result.stderr
    message = smtp_server.messages[0]
    assert message["to"] == ["somchai@example.org"]
    mail = parsed(message)
    assert "Internal Server Error: /stories/" in mail["Subject"]
    body = mail.get_body(preferencelist=("plain",)).get_content()
    assert "file is not a database" in body
    for private in (PARTNER_PHONE, PARTNER_NAME, "partner-session-abc123", CSRF_TOKEN):
        assert private not in message["data"].decode(errors="replace")
        assert private not in body


def test_json_log_format_writes_one_json_object_per_line(tmp_path):
    result = run_site(tmp_path, LOG_FORMAT="json")

    assert "status 500" in result.stdout, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "the error was not logged"
    entries = [json.loads(line) for line in lines]
    error = next(entry for entry in entries if entry["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["message"] == "Internal Server Error: /stories/"
    assert "file is not a database" in error["exception"]
    assert error["time"].endswith("+00:00")
    assert {"time", "level", "logger", "message"} <= set(entries[0])


def test_an_unknown_log_format_stops_start_up(tmp_path):
    result = run_site(tmp_path, LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "LOG_FORMAT must be 'plain' or 'json'" in result.stderr
