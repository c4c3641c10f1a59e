"""The demo site of one checkout, built on a scratch database and served by gunicorn; nginx.

Server CPU is read from /proc: utime + stime of the gunicorn master and of each of its
live workers, plus cutime + cstime of the master (workers it has already reaped).
"""

import importlib.util
import json
import os
import pwd
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

PYTHON = sys.executable
PROBE = Path(__file__).resolve().parent / "page_probe.py"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
START_TIMEOUT_SECONDS = 90
# Settings that would point the scratch site at real services.
NOT_PASSED_ON = (
    "DATABASE_URL",
    "REDIS_URL",
    "SEARCH_URL",
    "SENTRY_DSN",
    "PAGE_CACHE_SECONDS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "GUNICORN_ACCESS_LOG",
    "FRONTEND_CACHE_PURGE_URL",
    "CLOUDFLARE_ZONE_ID",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url, process, what):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback http)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer within {START_TIMEOUT_SECONDS} s")


def stop_process(process, first_signal=signal.SIGTERM, timeout=20):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, first_signal)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except FileNotFoundError:
        return []


def stat_fields(pid):
    """/proc/<pid>/stat after the command name (which may hold spaces)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


class DemoBuild:
    """One checkout's demo site: database, media, collected static files in a temp dir."""

    def __init__(self, tree, label, log):
        self.tree = Path(tree)
        self.label = label
        self.log = log
        self.workdir = Path(tempfile.mkdtemp(prefix=f"bench-pages-{label}-"))
        self.env = self._environment()
        self.urls = {}
        self.queries = {}

    def _environment(self):
        env = {k: v for k, v in os.environ.items() if k not in NOT_PASSED_ON}
        folder = self.workdir
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WAGTAILADMIN_BASE_URL="http://127.0.0.1",
            # Plain HTTP on loopback: no redirect to an https:// that does not answer.
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            SERVE_MEDIA="true",
            DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
            MEDIA_ROOT=str(folder / "media"),
            STATIC_ROOT=str(folder / "static"),
            DOCUMENTS_ROOT=str(folder / "documents"),
            STORY_UPLOADS_ROOT=str(folder / "stories"),
            BACKUP_ROOT=str(folder / "backups"),
            CACHE_DIR=str(folder / "cache-build"),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            # No worker: the search index and renditions are made while the content loads.
            TASKS_BACKEND="immediate",
            GUNICORN_LOG_LEVEL="warning",
            PYTHONPATH=str(self.tree),
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args, env=None):
        subprocess.run(  # noqa: S603 (manage.py of a checkout)
            [PYTHON, "manage.py", *args],
            cwd=self.tree,
            env=env or self.env,
            check=True,
            stdout=self.log,
            stderr=self.log,
        )

    def build(self):
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_demo_content", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage(
            "shell",
            "-v",
            "0",
            "-c",
            "from wagtail.models import Site; "
            "Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port=80)",
        )

    def probe(self, cached):
        """URLs of the page types and queries per request, with the page cache on or off."""
        output = self.workdir / f"probe-{'cached' if cached else 'cold'}.json"
        env = self.server_env(cached, self.workdir / f"cache-probe-{cached}")
        env.update(PAGE_PROBE_OUTPUT=str(output), PAGE_PROBE_HOST="127.0.0.1")
        self.manage("shell", "-v", "0", "-c", f"exec(open({str(PROBE)!r}).read())", env=env)
        result = json.loads(output.read_text())
        if not Path(result["code_from"]).resolve().is_relative_to(self.tree.resolve()):
            raise RuntimeError(f"{self.label} ran the code in {result['code_from']}")
        self.urls = result["urls"]
        self.queries["cached" if cached else "cold"] = result["queries"]
        return result

    def server_env(self, cached, cache_dir):
        env = {**self.env, "CACHE_DIR": str(cache_dir)}
        if not cached:
            env["PAGE_CACHE_SECONDS"] = "0"
        return env

    def close(self):
        shutil.rmtree(self.workdir, ignore_errors=True)


class Gunicorn:
    """deploy/gunicorn.conf.py of the checkout, on a loopback port, without worker recycling."""

    def __init__(self, build, cached, workers, log):
        self.build = build
        self.cached = cached
        self.workers = workers
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.name = f"{build.label} {'cached' if cached else 'cold'}"

    def start(self):
        cache_dir = self.build.workdir / f"cache-{'cached' if self.cached else 'cold'}"
        shutil.rmtree(cache_dir, ignore_errors=True)
        env = self.build.server_env(self.cached, cache_dir)
        env.update(GUNICORN_BIND=f"127.0.0.1:{self.port}", GUNICORN_WORKERS=str(self.workers))
        command = [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
        # A worker replaced mid-run would count its start-up as page CPU.
        command += ["--max-requests", "0"]
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=self.build.tree,
            env=env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        wait_until_answering(self.base_url + "/robots.txt", self.process, f"gunicorn ({self.name})")
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while len(self.worker_pids()) < self.workers and time.monotonic() < deadline:
            time.sleep(0.2)

    def worker_pids(self):
        return children(self.process.pid)

    def cpu_seconds(self):
        master = stat_fields(self.process.pid)
        # Fields after the name: utime, stime, cutime, cstime are 12..15 (from 0).
        ticks = sum(int(value) for value in master[11:15])
        for pid in self.worker_pids():
            try:
                fields = stat_fields(pid)
            except FileNotFoundError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / CLOCK_TICKS

    def worker_cpu_seconds(self):
        seconds = {}
        for pid in self.worker_pids():
            fields = stat_fields(pid)
            seconds[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        return seconds

    def worker_rss_mb(self):
        sizes = {}
        for pid in self.worker_pids():
            resident_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            sizes[pid] = resident_pages * PAGE_SIZE / 1024 / 1024
        return sizes

    def stop(self):
        stop_process(self.process, signal.SIGINT)


class Nginx:
    """Debian's nginx serving saved HTML files from a temp dir: the ceiling."""

    def __init__(self, log, workers):
        self.log = log
        self.workers = workers
        self.prefix = Path(tempfile.mkdtemp(prefix="bench-pages-nginx-"))
        self.root = self.prefix / "html"
        self.root.mkdir()
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def save(self, name, body):
        self.root.joinpath(name).write_bytes(body)
        return f"{self.base_url}/{name}"

    def start(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise RuntimeError(
                "nginx is not installed: apt-get install -y --no-install-recommends nginx"
            )
        # As root, nginx's workers would run as "nobody" and could not read the files.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
        temp = "\n".join(
            f"    {kind}_temp_path {self.prefix / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            f"""{user}
worker_processes {self.workers};
events {{ worker_connections 256; }}
http {{
    default_type text/html;
    access_log off;
    keepalive_requests 1000000;
{temp}
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
    }}
}}
"""
        )
        command = [nginx, "-p", str(self.prefix), "-e", str(self.prefix / "error.log")]
        command += ["-c", str(conf), "-g", f"daemon off; pid {self.prefix / 'nginx.pid'};"]
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=self.log, stderr=self.log, start_new_session=True
        )
        self.root.joinpath("ready.html").write_text("ready")
        wait_until_answering(self.base_url + "/ready.html", self.process, "nginx")

    def stop(self):
        stop_process(self.process, signal.SIGQUIT)
        shutil.rmtree(self.prefix, ignore_errors=True)


def _nginx_site():
    path = Path(__file__).resolve().parent.parent / "scripts" / "nginx_site.py"
    spec = importlib.util.spec_from_file_location("nginx_site", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class NginxInFront:
    """deploy/nginx's site file in front of a gunicorn, as a server runs them: the pages
    a reader gets while nginx keeps them (PROXY_CACHE_SECONDS)."""

    def __init__(self, gunicorn, log, workers):
        self.gunicorn = gunicorn
        self.log = log
        self.workers = workers
        self.prefix = Path(tempfile.mkdtemp(prefix="bench-pages-front-"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        nginx_site = _nginx_site()
        env = self.gunicorn.build.env
        conf = nginx_site.write_conf(
            self.prefix,
            listen=f"127.0.0.1:{self.port}",
            upstream=f"127.0.0.1:{self.gunicorn.port}",
            static_root=env["STATIC_ROOT"],
            media_root=env["MEDIA_ROOT"],
            documents_root=env["DOCUMENTS_ROOT"],
            workers=self.workers,
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(  # noqa: S603
            nginx_site.command(nginx, self.prefix, conf),
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        wait_until_answering(self.base_url + "/robots.txt", self.process, "nginx in front")

    def stop(self):
        stop_process(self.process, signal.SIGQUIT)
        shutil.rmtree(self.prefix, ignore_errors=True)
