"""benchmarks/pages.py: its options, and the bounded client its CPU figures rest on."""

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from page_load import python_load  # noqa: E402


def test_pages_benchmark_documents_its_options():
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "pages.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    for option in ("--workers", "--requests", "--duration", "--connections", "--compare"):
        assert option in completed.stdout


class CountingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def do_GET(self):
        self.seen.append(self.path)
        body = b"<p>page</p>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Cache", "hit" if self.path == "/cached/" else "miss")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def counting_server():
    CountingHandler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", CountingHandler.seen
    server.shutdown()
    server.server_close()


def test_bounded_client_sends_exactly_the_requests_asked_for(counting_server):
    base_url, seen = counting_server
    result = python_load([f"{base_url}/cached/", f"{base_url}/search/?q=x"], 101, 4)

    assert result.requests == 101 == len(seen)
    assert result.statuses == {200: 101}
    assert result.x_cache == {"hit": 51, "miss": 50}
    assert seen.count("/search/?q=x") == 50
