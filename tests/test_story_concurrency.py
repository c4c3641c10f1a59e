"""Partners' stories sent all at once over real HTTP all arrive, once each.

16 workers each send 3 stories to the live server (a threaded WSGI server, so
the requests really run side by side) through the public form, the way a
browser does: GET the form for its CSRF cookie and tokens, then POST
multipart/form-data with a photo. Every story saves its submission, makes a
draft page under the events index (inserted into Wagtail's page tree while
the index's row is locked) and starts moderation. Afterwards every story is
there exactly once, as a submission and as a draft page, and Wagtail's tree
check (the one behind `manage.py fixtree`) finds nothing wrong.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL pointing at one
(scripts/pg-test-cluster.sh). `pytest -s` shows the figures.
"""

import datetime
import http.client
import io
import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from PIL import Image
from wagtail.models import Page, WorkflowState

from articles.models import EventSummaryPage
from network.models import StorySubmission, StorySubmissionFile

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Sixteen requests at once make the overlap; more stories from each worker
# repeat it. The server takes the stories one at a time where it matters (the
# parent page's row lock, SQLite's one writer, one interpreter), so the time
# grows with the number of stories: 320 took most of a minute.
WORKERS = 16
STORIES_PER_WORKER = 3
TOTAL = WORKERS * STORIES_PER_WORKER
HTTP_TIMEOUT = 120
EVENT_DATE = datetime.date(2024, 11, 23)

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OPENED_INPUT = re.compile(r'name="opened" value="([^"]+)"')
ALERT = re.compile(r'role="alert"[^>]*>(.*?)</div>', re.S)
THANKS_LOCATION = re.compile(r"/thanks/(?P<reference>\d{4}-[A-Z0-9]{6})-[0-9a-f]{20}/$")


def title_for(number):
    return f"เวทีเครือข่าย รุ่นที่ {number}"


def small_jpeg():
    output = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(output, format="JPEG", quality=80)
    return output.getvalue()


def multipart(fields, files):
    """A multipart/form-data body: fields as (name, value), files as
    (name, filename, content type, bytes). Returns (content type, body)."""
    boundary = f"----story-{secrets.token_hex(12)}"
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, filename, content_type, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


def describe(number, status, location, content):
    """A failed story: its status, where it went, the start of the response and
    any notice the form showed."""
    text = content.decode(errors="replace")
    notices = [" ".join(re.sub(r"<[^>]+>", " ", notice).split()) for notice in ALERT.findall(text)]
    return f"#{number}: {status} {location} notices={notices} body={text[:500]!r}"


class Partner:
    """One partner organisation's office, sending its stories one after another."""

    def __init__(self, origin, form_path, partner_id, photo):
        self.origin = urlsplit(origin)
        self.form_path = form_path
        self.partner_id = partner_id
        self.photo = photo
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            self.origin.hostname, self.origin.port, timeout=HTTP_TIMEOUT
        )
        try:
            headers = dict(headers or {})
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            return response.status, response.headers, content
        finally:
            connection.close()

    def open_form(self):
        status, _headers, content = self.request("GET", self.form_path)
        html = content.decode()
        assert status == 200, f"GET {self.form_path}: {status} {html[:500]!r}"
        assert "csrftoken" in self.cookies, "the form set no csrftoken cookie"
        self.csrf_token = CSRF_INPUT.search(html).group(1)
        self.opened = OPENED_INPUT.search(html).group(1)

    def send(self, number):
        content_type, body = multipart(
            [
                ("csrfmiddlewaretoken", self.csrf_token),
                ("opened", self.opened),
                ("website", ""),
                ("partner", str(self.partner_id)),
                ("new_organisation_name", ""),
                ("contact_name", f"ผู้ประสานงาน {number}"),
                ("email", f"partner{number}@example.org"),
                ("phone", "081 234 5678"),
                ("kind", StorySubmission.Kind.EVENT),
                ("title", title_for(number)),
                ("start_date", EVENT_DATE.isoformat()),
                ("end_date", ""),
                ("participants", "25"),
                (
                    "story",
                    f"ภาคีเครือข่ายรุ่นที่ {number} พบกันเพื่อวางแผนงาน\n\nผู้เข้าร่วมแลกเปลี่ยนบทเรียนจากพื้นที่",
                ),
                ("consent", "on"),
            ],
            [("photos", f"เวที-{number}.jpg", "image/jpeg", self.photo)],
        )
        try:
            status, headers, content = self.request(
                "POST",
                self.form_path,
                body=body,
                headers={"Content-Type": content_type, "Content-Length": str(len(body))},
            )
        except (OSError, http.client.HTTPException) as error:
            return number, None, "", f"{type(error).__name__}: {error}".encode()
        return number, status, headers.get("Location", ""), content


@pytest.fixture
def story_form(story_site, story_settings, django_user_model):
    story_settings.STORY_MIN_FILL_SECONDS = 0
    story_settings.STORY_RATE_LIMIT = TOTAL * 10
    # Someone in the moderation workflow's group, to be told about each story.
    moderator = django_user_model.objects.create_user(
        "moderator", "moderator@example.org", "not-used"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return story_site


def test_concurrent_submissions_all_arrive_once_and_the_tree_stays_sound(
    live_server, story_form, mailoutbox, record_property
):
    form_path = urlsplit(story_form["form"].url).path
    events = story_form["events"]
    photo = small_jpeg()
    partners = [
        Partner(live_server.url, form_path, story_form["partner"].pk, photo) for _ in range(WORKERS)
    ]
    start = threading.Barrier(WORKERS + 1)

    def worker(index):
        partner = partners[index]
        try:
            partner.open_form()
        except BaseException:
            start.abort()  # no one waits for a worker that cannot start
            raise
        start.wait()
        first = index * STORIES_PER_WORKER + 1
        return [partner.send(n) for n in range(first, first + STORIES_PER_WORKER)]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(worker, index) for index in range(WORKERS)]
        try:
            start.wait(timeout=HTTP_TIMEOUT)
        except threading.BrokenBarrierError:
            for future in futures:
                future.result()  # the worker's own error, if one failed to start
            raise
        began = time.perf_counter()
        results = [result for future in futures for result in future.result()]
        elapsed = time.perf_counter() - began

    vendor = connection.vendor
    rate = TOTAL / elapsed
    figures = (
        f"{TOTAL} stories ({WORKERS} workers × {STORIES_PER_WORKER}) on {vendor}: "
        f"{elapsed:.1f} s, {rate:.1f} submissions/s"
    )
    print(f"\n{figures}")
    record_property("database", vendor)
    record_property("elapsed_seconds", round(elapsed, 2))
    record_property("submissions_per_second", round(rate, 2))

    failures = [
        describe(number, status, location, content)
        for number, status, location, content in results
        if status != 302 or not THANKS_LOCATION.search(location)
    ]
    assert not failures, f"{len(failures)} of {TOTAL} not redirected to thanks:\n" + "\n".join(
        failures[:10]
    )
    references = [THANKS_LOCATION.search(location)["reference"] for _n, _s, location, _c in results]
    assert len(results) == TOTAL
    assert len(set(references)) == TOTAL

    titles = {title_for(number) for number in range(1, TOTAL + 1)}
    submissions = list(StorySubmission.objects.all())
    assert len(submissions) == TOTAL
    assert sorted(s.title for s in submissions) == sorted(titles)
    assert {s.reference for s in submissions} == set(references)
    problems = [
        f"{s.reference} {s.title}: {s.status} page={s.page_id} {s.processing_error}"
        for s in submissions
        if s.status != StorySubmission.Status.IN_REVIEW or s.page_id is None or s.processing_error
    ]
    assert not problems, "\n".join(problems[:10])

    pages = EventSummaryPage.objects.child_of(events)
    assert pages.count() == TOTAL
    assert sorted(pages.values_list("title", flat=True)) == sorted(titles)
    assert not pages.filter(live=True).exists()
    assert {s.page_id for s in submissions} == set(pages.values_list("pk", flat=True))
    assert dict(pages.values_list("pk", "title")) == {s.page_id: s.title for s in submissions}
    events.refresh_from_db()
    assert events.numchild == TOTAL
    assert (
        WorkflowState.objects.filter(
            object_id__in=[str(s.page_id) for s in submissions],
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).count()
        == TOTAL
    )
    photos = StorySubmissionFile.objects.filter(kind=StorySubmissionFile.Kind.PHOTO)
    assert photos.count() == TOTAL
    unprocessed = photos.filter(metadata_removed=False) | photos.filter(image=None)
    assert not unprocessed.exists(), list(
        unprocessed.values_list("submission__reference", "file", "metadata_removed", "image")
    )

    # Each story: a confirmation to the partner and a note to the moderator, both
    # naming its reference. (Wagtail's own "submitted for moderation" email to
    # the moderator names the title only.)
    for submission in submissions:
        about = [m.to for m in mailoutbox if submission.reference in m.subject]
        assert sorted(about) == sorted([[submission.email], ["moderator@example.org"]]), (
            submission.reference,
            about,
        )

    tree_problems = Page.find_problems()
    print(f"Page.find_problems(): {tree_problems}")
    record_property("find_problems", repr(tree_problems))
    assert all(not problem for problem in tree_problems), tree_problems
