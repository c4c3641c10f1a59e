"""Load from this process: a bounded Python client (a fixed number of requests), and wrk."""

import http.client
import re
import shutil
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

WRK_INSTALL = "apt-get install -y --no-install-recommends wrk"


@dataclass
class LoadResult:
    requests: int
    seconds: float
    statuses: Counter = field(default_factory=Counter)
    x_cache: Counter = field(default_factory=Counter)
    errors: int = 0

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def not_ok(self):
        return self.errors + sum(n for status, n in self.statuses.items() if status >= 400)


def fetch(url):
    """One request on a new connection: status, headers, body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def python_load(urls, total, connections):
    """`total` GETs spread over `connections` keep-alive connections, URLs taken in turn."""
    lock = threading.Lock()
    result = LoadResult(requests=0, seconds=0.0)
    next_index = iter(range(total))

    def worker():
        parts = urlsplit(urls[0])
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            while True:
                with lock:
                    index = next(next_index, None)
                if index is None:
                    return
                target = urlsplit(urls[index % len(urls)])
                path = target.path + (f"?{target.query}" if target.query else "")
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    status, cache = response.status, response.headers.get("X-Cache", "none")
                    if response.will_close:
                        connection.close()
                except (OSError, http.client.HTTPException):
                    connection.close()
                    with lock:
                        result.errors += 1
                    continue
                with lock:
                    result.requests += 1
                    result.statuses[status] += 1
                    result.x_cache[cache] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def wrk_path():
    return shutil.which("wrk")


def wrk_load(url, duration, connections):
    threads = max(1, min(2, connections))
    completed = subprocess.run(  # noqa: S603 (wrk with numeric options)
        [wrk_path(), f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    text = completed.stdout
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    seconds = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    result = LoadResult(requests=requests, seconds=requests / seconds if seconds else 0.0)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    result.statuses[200] = requests - (int(bad.group(1)) if bad else 0)
    if bad:
        result.statuses[500] = int(bad.group(1))
    if socket_errors:
        result.errors = sum(int(n) for n in socket_errors.groups())
    return result


def timed_load(url, duration, connections):
    """wrk for `duration` seconds if installed; otherwise the Python client, bounded in time."""
    if wrk_path():
        return wrk_load(url, duration, connections)
    total = 0
    merged = LoadResult(requests=0, seconds=0.0)
    deadline = time.monotonic() + duration
    batch = 50
    while time.monotonic() < deadline:
        part = python_load([url], batch, connections)
        total += part.requests
        merged.seconds += part.seconds
        merged.statuses.update(part.statuses)
        merged.errors += part.errors
    merged.requests = total
    return merged
