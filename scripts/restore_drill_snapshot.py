"""The restore drill's snapshot of a site, the partner stories it posts, and the
comparison of two snapshots (scripts/restore_drill.py).

write_snapshot and post_stories run inside the scratch site's own process;
differences needs no Django at all.
"""

import hashlib
import io
import json
import os
from pathlib import Path

# Thai and English queries that find demo pages, run in their own language.
SEARCHES = {
    "th": ["มูลนิธิ", "ภาคีเครือข่าย", "เยาวชน", "สุขภาพชุมชน"],
    "en": ["foundation", "partner network", "youth", "community health"],
}
# A snapshot taken before restore must hold at least this much, or the
# comparison would prove nothing.
MINIMUM = {
    "pages": 10,
    "draft_pages": 1,
    "submissions": 3,
    "submission_files": 9,
    "searches_with_results": 4,
}


def _setup():
    import django

    django.setup()


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def write_snapshot(path):
    _setup()
    snapshot = {
        "rows": model_rows(),
        "pages": pages(),
        "searches": searches(),
        "files": files(),
    }
    snapshot["summary"] = summary(snapshot)
    Path(path).write_text(json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True))


def model_rows():
    """{model label: {pk: sha256 of the row's fields}} for every table the site owns."""
    from django.apps import apps
    from django.core import serializers

    rows = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        objects = model._base_manager.order_by("pk")
        rows[model._meta.label] = {
            str(row["pk"]): _sha256(json.dumps(row["fields"], sort_keys=True, default=str).encode())
            for row in serializers.serialize("python", objects)
        }
    return rows


def pages():
    from wagtail.models import Page

    return [
        {
            "id": page.pk,
            "title": page.title,
            "locale": page.locale.language_code,
            "live": page.live,
            "draft": page.has_unpublished_changes,
            "latest_revision": page.latest_revision_id,
            "url_path": page.url_path,
        }
        for page in Page.objects.select_related("locale").order_by("path")
    ]


def searches():
    """The ids found by the site's search (search.views), in their order."""
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from network.models import PartnerOrganisation
    from search.query import search_terms

    found = {}
    for code, queries in SEARCHES.items():
        locale = Locale.objects.get(language_code=code)
        for query in queries:
            terms = search_terms(query)
            pages = Page.objects.live().filter(locale=locale).specific().search(terms)
            partners = get_search_backend().search(
                terms, PartnerOrganisation.objects.filter(locale=locale)
            )
            found[f"{code}: {query}"] = {
                "pages": [page.pk for page in pages],
                "partners": [partner.pk for partner in partners],
            }
    return found


def file_roots():
    from django.conf import settings

    return {
        "media": Path(settings.MEDIA_ROOT),
        "documents": Path(settings.DOCUMENTS_ROOT),
        "story-uploads": Path(settings.STORY_UPLOADS_ROOT),
    }


def files():
    """{"<root>/<relative path>": [sha256, size]} of every file in the three roots."""
    found = {}
    for name, root in file_roots().items():
        for directory, _subdirectories, filenames in os.walk(root):
            for filename in filenames:
                path = Path(directory) / filename
                data = path.read_bytes()
                found[f"{name}/{path.relative_to(root).as_posix()}"] = [_sha256(data), len(data)]
    return found


def summary(snapshot):
    rows = snapshot["rows"]
    return {
        "models": len(rows),
        "rows": sum(len(table) for table in rows.values()),
        "pages": len(snapshot["pages"]),
        "live_pages": sum(page["live"] for page in snapshot["pages"]),
        "draft_pages": sum(page["draft"] for page in snapshot["pages"]),
        "submissions": len(rows.get("network.StorySubmission", {})),
        "submission_files": len(rows.get("network.StorySubmissionFile", {})),
        "searches": len(snapshot["searches"]),
        "searches_with_results": sum(bool(hit["pages"]) for hit in snapshot["searches"].values()),
        "files": len(snapshot["files"]),
        "file_bytes": sum(size for _sha, size in snapshot["files"].values()),
        "files_by_root": {
            root: sum(name.startswith(f"{root}/") for name in snapshot["files"])
            for root in ("media", "documents", "story-uploads")
        },
    }


def _some(items, limit=8):
    items = list(items)
    shown = ", ".join(str(item) for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def differences(before, after):
    """What differs between two snapshots, one line each; [] when they are the same."""
    found = [
        f"the snapshot before restore has only {before['summary'][key]} {key} "
        f"(at least {least} needed for the drill to mean something)"
        for key, least in MINIMUM.items()
        if before["summary"][key] < least
    ]
    found += [
        f"the snapshot before restore has no files in {root}"
        for root, count in before["summary"]["files_by_root"].items()
        if not count
    ]
    found += _row_differences(before["rows"], after["rows"])
    found += _page_differences(before["pages"], after["pages"])
    for query in sorted(set(before["searches"]) | set(after["searches"])):
        was, now = before["searches"].get(query), after["searches"].get(query)
        if was != now:
            found.append(f"search {query!r}: {was} before, {now} after restore")
    found += _file_differences(before["files"], after["files"])
    return found


def _row_differences(before, after):
    found = []
    for label in sorted(set(before) | set(after)):
        was, now = before.get(label, {}), after.get(label, {})
        missing = [pk for pk in was if pk not in now]
        extra = [pk for pk in now if pk not in was]
        changed = [pk for pk in was if pk in now and was[pk] != now[pk]]
        if missing:
            found.append(f"{label}: {len(missing)} rows missing after restore: pk {_some(missing)}")
        if extra:
            found.append(f"{label}: {len(extra)} rows not there before: pk {_some(extra)}")
        if changed:
            found.append(f"{label}: {len(changed)} rows changed: pk {_some(changed)}")
    return found


def _page_differences(before, after):
    was = {page["id"]: page for page in before}
    now = {page["id"]: page for page in after}
    found = []
    for page_id in sorted(set(was) | set(now)):
        if was.get(page_id) != now.get(page_id):
            found.append(f"page {page_id}: {was.get(page_id)} before, {now.get(page_id)} after")
    return found


def _file_differences(before, after):
    found = [f"file missing after restore: {name}" for name in sorted(set(before) - set(after))]
    found += [f"file not there before: {name}" for name in sorted(set(after) - set(before))]
    found += [
        f"file changed: {name} (sha256 {before[name][0][:12]}… before, {after[name][0][:12]}… after)"
        for name in sorted(set(before) & set(after))
        if before[name] != after[name]
    ]
    return found


def post_stories(count):
    """count stories, each with two photos and a PDF, through the story form as a
    browser posts it (network.stories), so that their files are stored as for a
    real partner."""
    _setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from network.models import PartnerOrganisation, Province, StoryFormPage, StorySubmission
    from network.stories.forms import opened_token

    form_page = StoryFormPage.objects.live().filter(locale__language_code="th").first()
    if form_page is None:
        raise SystemExit("the demo site has no live Thai story form")
    partners = list(PartnerOrganisation.objects.filter(locale=form_page.locale).order_by("pk"))
    provinces = list(Province.objects.order_by("pk").values_list("pk", flat=True)[:2])
    client = Client()
    for number in range(count):
        before = StorySubmission.objects.count()
        data = {
            "partner": str(partners[number % len(partners)].pk),
            "new_organisation_name": "",
            "contact_name": "สมศรี ใจดี",
            "email": f"partner{number}@example.org",
            "phone": "081 234 5678",
            "kind": "event",
            "title": f"เวทีแลกเปลี่ยนเครือข่ายอาสาสมัคร ครั้งที่ {number + 1}",
            "start_date": "2024-06-14",
            "end_date": "2024-06-15",
            "provinces": [str(pk) for pk in provinces],
            "participants": str(20 + number),
            "story": "ภาคีอาสาสมัครร่วมวางแผนการทำงานปีหน้า\nมีเยาวชนเข้าร่วมจากสามจังหวัด",
            "consent": "on",
            "website": "",
            "opened": opened_token(),
            "photos": [
                SimpleUploadedFile("ภาพกิจกรรม.jpg", _image("JPEG", number), "image/jpeg"),
                SimpleUploadedFile("เวที.png", _image("PNG", number + 7), "image/png"),
            ],
            "pdf": SimpleUploadedFile("รายงาน.pdf", _image("PDF", number), "application/pdf"),
        }
        response = client.post(form_page.get_url(), data)
        if StorySubmission.objects.count() != before + 1:
            form = response.context and response.context.get("form")
            raise SystemExit(
                f"story {number + 1} was refused (status {response.status_code}): "
                f"{form.errors if form else response.content[:500]}"
            )


def save_a_draft():
    """A published article with changes not yet published, as an editor leaves one."""
    _setup()
    from articles.models import ArticlePage

    article = ArticlePage.objects.live().filter(locale__language_code="th").order_by("pk").first()
    article.title = f"{article.title} (ฉบับแก้ไข)"
    article.save_revision()


def _image(image_format, seed):
    from PIL import Image

    output = io.BytesIO()
    color = (40 + seed * 30 % 200, 120, 200 - seed * 20 % 150)
    Image.new("RGB", (320 + seed, 240), color).save(output, format=image_format)
    return output.getvalue()
