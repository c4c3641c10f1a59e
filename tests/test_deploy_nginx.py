"""nginx in front of gunicorn, configured as deploy/ installs them.

Debian's nginx runs deploy/nginx/thai-foundation-cms.conf, rendered with this
run's paths, in front of gunicorn started with deploy/gunicorn.conf.py and
production settings, both on loopback. They serve the demo site's build
(scripts/demo_site.py: its database, media, documents and collected static
files), so the checks below see what a reader of a real installation sees.
Both servers start once for the module.
"""

import gzip
import http.client
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE_CONF = ROOT / "deploy" / "nginx" / "thai-foundation-cms.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
ACCEL_PREFIX = "/internal-documents/"
START_TIMEOUT_SECONDS = 60

pytestmark = [pytest.mark.validation, pytest.mark.xdist_group("served-site")]


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wait_for(url, process, log):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} stopped (exit {process.returncode}):\n{read(log)}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(
        f"{url} did not answer within {START_TIMEOUT_SECONDS} s:\n{read(log)}", pytrace=False
    )


def read(path):
    return Path(path).read_text(errors="replace") if Path(path).exists() else ""


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Installation:
    def __init__(self, site, nginx_url, gunicorn_url, gunicorn_log, env):
        self.site = site
        self.url = nginx_url
        self.gunicorn_url = gunicorn_url
        self.gunicorn_log = gunicorn_log
        self.env = env
        self.workdir = site.workdir
        self.manifest = json.loads((site.workdir / "manifest.json").read_text())

    def get(self, path, *, base=None, headers=None):
        request = urllib.request.Request((base or self.url) + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status, reply.headers, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def page(self, page_type, language="th"):
        for page in self.manifest["pages"]:
            if page["type"] == page_type and page["language"] == language:
                return page["url"].removeprefix(self.site.base_url)
        raise AssertionError(f"the demo site has no {page_type} in {language}")

    def gunicorn_requests(self):
        """The request lines gunicorn logged, once it has written what it was sent."""
        time.sleep(0.3)
        return read(self.gunicorn_log)


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is not installed (scripts/system-packages.sh installs it)"
    demo_site = load_script("demo_site")
    nginx_site = load_script("nginx_site")
    prefix = tmp_path_factory.mktemp("nginx")
    nginx_port, gunicorn_port = demo_site.free_port(), demo_site.free_port()
    with pytest.MonkeyPatch.context() as patch:
        # The demo build is a SQLite one, whatever database this test run uses.
        patch.delenv("DATABASE_URL", raising=False)
        # The Site's port is nginx's: the addresses the pages print lead back through it.
        site = demo_site.DemoSite(nginx_port)
    processes = []
    try:
        site.prepare()
        documents_root = Path(site.env["DOCUMENTS_ROOT"])
        documents_root.mkdir(exist_ok=True)
        gunicorn_log = prefix / "gunicorn-access.log"
        env = {
            **site.env,
            "SERVE_MEDIA": "false",
            "DOCUMENTS_SERVE": "x-accel-redirect",
            "DOCUMENTS_ACCEL_PREFIX": ACCEL_PREFIX,
            "TRUSTED_PROXIES": "1",
            "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": str(gunicorn_log),
        }
        conf = nginx_site.write_conf(
            prefix,
            listen=f"127.0.0.1:{nginx_port}",
            upstream=f"127.0.0.1:{gunicorn_port}",
            static_root=env["STATIC_ROOT"],
            media_root=env["MEDIA_ROOT"],
            documents_root=documents_root,
        )
        error_log = prefix / "error.log"
        nginx_command = nginx_site.command(nginx, prefix, conf)
        checked = subprocess.run([*nginx_command, "-t"], capture_output=True, text=True)
        assert checked.returncode == 0, f"nginx refuses the site file:\n{checked.stderr}"

        gunicorn_output = prefix / "gunicorn.log"
        with open(gunicorn_output, "w") as output:
            gunicorn = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF)],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        processes.append(gunicorn)
        nginx_process = subprocess.Popen(nginx_command, stderr=subprocess.DEVNULL)
        processes.append(nginx_process)
        gunicorn_url = f"http://127.0.0.1:{gunicorn_port}"
        wait_for(gunicorn_url + "/robots.txt", gunicorn, gunicorn_output)
        wait_for(f"http://127.0.0.1:{nginx_port}/robots.txt", nginx_process, error_log)
        yield Installation(site, f"http://127.0.0.1:{nginx_port}", gunicorn_url, gunicorn_log, env)
    finally:
        for process in reversed(processes):
            stop(process)
        site.close()


def test_static_files_come_from_nginx_with_long_cache(installation):
    status, _, body = installation.get("/")
    assert status == 200
    static_paths = sorted(set(re.findall(r'(/static/[^"\'\s<>?#]+)', body.decode())))
    assert static_paths, "the home page links no static file"
    hashed = [path for path in static_paths if re.search(r"\.[0-9a-f]{12}\.\w+$", path)]
    assert hashed, "the home page links no collected (hashed) static file"
    static_root = Path(installation.env["STATIC_ROOT"])

    for path in static_paths:
        status, headers, body = installation.get(path)
        assert status == 200, path
        assert body == (static_root / path.removeprefix("/static/")).read_bytes(), path
        if path in hashed:
            assert "immutable" in headers["Cache-Control"], path
    # What collectstatic compressed goes out compressed, as it is on disk.
    stylesheet = next(path for path in hashed if path.endswith(".css"))
    status, headers, body = installation.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (static_root / stylesheet.removeprefix("/static/")).read_bytes()

    logged = installation.gunicorn_requests()
    assert '"GET / HTTP' in logged, "gunicorn logged no request at all"
    assert "/static/" not in logged, "a static file went through gunicorn"


def test_uploaded_images_carry_nosniff_and_sandbox(installation):
    _, _, body = installation.get(installation.page("articles.ArticlePage"))
    images = re.findall(r'(/media/[^"\'\s<>?#,]+\.(?:jpg|jpeg|png|webp|gif))', body.decode())
    assert images, "the article page shows no uploaded image"
    status, headers, body = installation.get(images[0])
    assert status == 200
    assert headers["Content-Type"].startswith("image/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "sandbox"
    media_root = Path(installation.env["MEDIA_ROOT"])
    assert body == (media_root / images[0].removeprefix("/media/")).read_bytes()
    assert images[0] not in installation.gunicorn_requests()


def test_an_uploaded_page_is_a_download_not_a_page(installation):
    """A file with markup that reached MEDIA_ROOT under a page's name stays inert."""
    planted = Path(installation.env["MEDIA_ROOT"]) / "images" / "planted.html"
    planted.parent.mkdir(exist_ok=True)
    planted.write_text("<script>document.cookie</script>")
    status, headers, body = installation.get("/media/images/planted.html")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Security-Policy"] == "sandbox"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_an_ebook_download_goes_through_the_internal_redirect(installation):
    _, _, body = installation.get(installation.page("articles.EbookPage"))
    downloads = re.findall(r'href="([^"]*/download/[a-z]+/)"', body.decode())
    assert downloads, "the e-book page offers no download"
    path = downloads[0].removeprefix(installation.site.base_url)

    # gunicorn alone answers with the internal address and no bytes...
    status, headers, body = installation.get(path, base=installation.gunicorn_url)
    assert status == 200
    internal = headers["X-Accel-Redirect"]
    assert internal.startswith(ACCEL_PREFIX) and body == b""
    document = Path(installation.env["DOCUMENTS_ROOT"]) / internal.removeprefix(ACCEL_PREFIX)

    # ...and through nginx the reader gets the file, with Django's headers.
    status, headers, body = installation.get(path)
    assert status == 200
    assert body == document.read_bytes()
    assert "X-Accel-Redirect" not in headers
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["Content-Type"] in ("application/pdf", "application/epub+zip")
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert headers["Cache-Control"] == "private"

    # The internal location itself is nothing from outside.
    status, _, body = installation.get(internal)
    assert status == 404
    assert document.read_bytes() not in body


def post_story_of(installation, size, *, send_body):
    """POST `size` bytes of multipart to the story form; the whole body only if asked."""
    form = installation.page("network.StoryFormPage")
    _status, headers, page = installation.get(form)
    cookies = "; ".join(headers.get_all("Set-Cookie") or [])
    cookie = re.search(r"csrftoken=([^;]+)", cookies).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    host, port = installation.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    boundary = "story"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n'
        "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    try:
        connection.putrequest("POST", form)
        connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        connection.putheader("Content-Length", str(size))
        connection.putheader("Cookie", f"csrftoken={cookie}")
        connection.putheader("Referer", installation.url + form)
        connection.endheaders(head)
        if send_body:
            chunk = b"\0" * (1024 * 1024)
            remaining = size - len(head) - len(tail)
            while remaining > 0:
                connection.send(chunk[: min(len(chunk), remaining)])
                remaining -= len(chunk)
            connection.send(tail)
        response = connection.getresponse()
        return form, response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_story_over_nginx_limit_gets_413_and_a_thai_page_from_nginx(installation):
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", SITE_CONF.read_text()).group(1))
    form, status, body = post_story_of(installation, megabytes * 1024 * 1024 + 1, send_body=False)
    assert status == 413
    assert "ไฟล์ที่เลือกใหญ่เกินไป" in body and "The files are too large" in body
    assert f'"POST {form}' not in installation.gunicorn_requests()


def test_a_story_over_the_forms_limit_reaches_django_which_keeps_the_text(installation):
    from network.stories.views import MAX_REQUEST_BYTES

    form, status, body = post_story_of(installation, MAX_REQUEST_BYTES + 1, send_body=True)
    assert status == 413
    assert "เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร" in body, "the title is still in the form"
    assert f'"POST {form}' in installation.gunicorn_requests()


def test_every_gunicorn_worker_serves_pages_from_one_shared_cache(installation):
    path = installation.page("articles.EventSummaryPage")
    for _ in range(2):  # the first view also makes the pictures' renditions
        installation.get(path, base=installation.gunicorn_url)
    for _ in range(40):
        status, headers, _body = installation.get(path, base=installation.gunicorn_url)
        assert (status, headers["X-Cache"]) == (200, "hit")
    line = rf'"GET {re.escape(path)} [^"]*" 200 .* hit pid=<(\d+)>'
    served_by = set(re.findall(line, installation.gunicorn_requests()))
    # Both workers answered from the cache that one of them filled.
    assert len(served_by) == 2, installation.gunicorn_requests()[-2000:]


def gunicorn_views_of(installation, path):
    return len(re.findall(rf'"GET {re.escape(path)} ', installation.gunicorn_requests()))


def test_nginx_answers_a_burst_of_readers_itself(installation):
    path = installation.page("articles.EbookPage")
    installation.get(path, base=installation.gunicorn_url)  # renditions, and Django's cache
    before = gunicorn_views_of(installation, path)
    started = time.monotonic()
    states = []
    for _ in range(50):
        status, headers, _body = installation.get(path)
        assert status == 200
        states.append(headers["X-Proxy-Cache"])
    seconds = time.monotonic() - started
    assert states.count("HIT") >= 40, states
    # Django is asked at most once a second (X-Accel-Expires: 1) while the burst lasts.
    assert gunicorn_views_of(installation, path) - before <= int(seconds) + 2
    # The reader is still told to ask again each time, and never sees nginx's header.
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "X-Accel-Expires" not in headers
    status, _headers, _body = installation.get(path, headers={"If-None-Match": headers["ETag"]})
    assert status == 304


def test_staff_forms_and_search_always_reach_django(installation):
    article = installation.page("articles.ArticlePage")
    form = installation.page("network.StoryFormPage")
    search = "/search/?q=" + urllib.parse.quote("เครือข่าย")
    for path, headers in (
        (article, {"Cookie": "sessionid=staff-session"}),
        (article, {"Cookie": "messages=pending"}),
        (form, {}),
        (search, {}),
    ):
        for _ in range(2):  # a reader's views first: nginx keeps what it may
            installation.get(path)
        before = gunicorn_views_of(installation, path)
        for _ in range(3):
            status, answer, _body = installation.get(path, headers=headers)
            assert status == 200
            assert answer["X-Proxy-Cache"] in ("BYPASS", "MISS"), (path, headers)
        assert gunicorn_views_of(installation, path) - before == 3, (path, headers)


def test_a_published_change_shows_through_nginx_a_second_later(installation):
    path = installation.page("articles.EbookPage", language="en")
    for _ in range(3):
        status, headers, body = installation.get(path)
    assert headers["X-Proxy-Cache"] == "HIT"
    renamed = "Butterfly Wings, revised edition"
    assert renamed.encode() not in body
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", RENAME_PAGE],
        cwd=ROOT,
        env={**installation.env, "PAGE_PATH": path, "PAGE_TITLE": renamed},
        check=True,
        timeout=120,
    )
    time.sleep(1.1)
    status, headers, body = installation.get(path)
    assert status == 200
    assert renamed.encode() in body


# Publishes a new title for the page at an address, as an editor's publish does.
RENAME_PAGE = """
import os
from wagtail.models import Page
path = os.environ["PAGE_PATH"]
page = next(p for p in Page.objects.live().specific() if p.get_url() == path)
page.title = os.environ["PAGE_TITLE"]
page.save_revision().publish()
"""


def test_healthz_answers_once_the_worker_has_run(installation):
    subprocess.run(
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=ROOT,
        env=installation.env,
        check=True,
        timeout=120,
    )
    status, headers, body = installation.get("/healthz")
    assert status == 200, body.decode(errors="replace")
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"
