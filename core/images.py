"""Responsive images for the public site: one <picture> per image, in modern formats.

Each image is cut to one of a few named specs, each a small set of widths, so that
a listing card, a hero and a related card reuse the same renditions. Every width
is made in AVIF (when this Pillow can write it), in WebP, and in a fallback that
every browser reads: JPEG, or PNG for originals that may be transparent (logos).

    {% load image_tags %}   (core/templatetags/image_tags.py)
    {% responsive_image page.hero_image "hero" sizes="100vw" priority=True %}
    {% responsive_image photo.image "thumb" sizes="50vw" alt=photo.alt %}

Images are lazy and decoded off the main thread, except the one a page opens with
(priority=True), which the browser fetches first. Width and height are always set,
so the page does not jump as images arrive.

Wagtail makes renditions when a page is first shown, and AVIF takes several times
longer than WebP to encode: a home page of cards and logos, or a gallery of fourteen
photos, would keep its first reader waiting many seconds. So during a request only
the fallbacks are made at once; an image whose AVIF and WebP files do not exist yet
is shown from its fallback, and those files are made by the background worker
(queued on request_finished, connected in core.apps), for every later reader.
"""

import hashlib
import logging
import threading
from dataclasses import dataclass
from functools import cache

from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db.models import Prefetch, prefetch_related_objects
from django.template import TemplateSyntaxError
from django.utils.html import format_html, format_html_join
from PIL import features
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

logger = logging.getLogger(__name__)

SPECS = {
    # 16:9 crops. Cards take the two smaller widths of the hero's set, so a page's
    # card and its hero share renditions.
    "card": "fill-{480x270,800x450}",
    "hero": "fill-{480x270,800x450,1200x675,1600x900}",
    # Whole e-book covers, never cropped: on cards and on the e-book's page.
    "cover": "max-{300x400,600x800}",
    # Images in the body of a page, at their own proportions.
    "body": "width-{480,800,1200}",
    # 4:3 gallery thumbnails, and the large photo each one links to.
    "thumb": "fill-{320x240,640x480}",
    "large": "max-1600x1600",
    # Partner logos, never cropped, wherever they are shown.
    "logo": "max-{240x120,480x240}",
}

# A large photo is seen only when a reader opens it, yet made for every photo of a
# gallery; a 1600-pixel AVIF takes the server most of a second: WebP is enough there.
WITHOUT_AVIF = {"large"}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
# Originals that may have transparent parts keep it in their fallback.
TRANSPARENT_EXTENSIONS = (".png", ".gif", ".webp")


@cache
def avif_supported():
    """Whether this Pillow can write AVIF (Pillow 11.3+ built with libavif)."""
    return bool(features.check("avif"))


def fallback_format(image):
    return "png" if image.file.name.lower().endswith(TRANSPARENT_EXTENSIONS) else "jpeg"


def formats_for(image, spec_name):
    """Output formats, best first; the last is the fallback in the <img> itself."""
    modern = ["webp"]
    if avif_supported() and spec_name not in WITHOUT_AVIF:
        modern.insert(0, "avif")
    return [*modern, fallback_format(image)]


def _spec(spec_name):
    try:
        return SPECS[spec_name]
    except KeyError:
        raise TemplateSyntaxError(
            f"Unknown image spec {spec_name!r}; choose one of {', '.join(SPECS)}"
        ) from None


@dataclass
class Source:
    format: str
    renditions: list

    @property
    def mime_type(self):
        return MIME_TYPES[self.format]

    @property
    def srcset(self):
        # Width descriptors even for a single candidate, so `sizes` stays valid HTML.
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in self.renditions)

    @property
    def largest(self):
        return self.renditions[-1]


_deferred = threading.local()
# How long a queued set of renditions is not queued again, should its task be lost.
QUEUED_RENDITIONS_TIMEOUT = 600


def defer_renditions(image, specs):
    """Make these renditions of `image` after the response (see above)."""
    work = getattr(_deferred, "work", None)
    if work is None:
        work = _deferred.work = {}
    work.setdefault(image.pk, (image, set()))[1].update(specs)


def deferred_renditions_count():
    """How many renditions this response goes without so far: a fragment rendered
    while some were missing shows fewer formats and must not be kept."""
    work = getattr(_deferred, "work", None) or {}
    return sum(len(specs) for _image, specs in work.values())


def make_deferred_renditions(**kwargs):
    """Queue the renditions this response went without, once per image and set
    of specs for a while: a burst of readers queues them once, not per reader."""
    work = getattr(_deferred, "work", None)
    if not work:
        return
    _deferred.work = {}
    from .tasks import make_renditions

    for image, specs in work.values():
        specs = sorted(specs)
        key = "renditions-queued:{}:{}".format(
            image.pk, hashlib.sha256("|".join(specs).encode()).hexdigest()
        )
        if not caches["default"].add(key, True, timeout=QUEUED_RENDITIONS_TIMEOUT):
            continue
        try:
            make_renditions.enqueue(image.pk, specs)
        except Exception:  # the reader has the page; the next view queues them again
            caches["default"].delete(key)
            logger.exception("Could not queue renditions %s of image %s", specs, image.pk)


def forget_deferred_renditions(**kwargs):
    """Drop work left by a render outside any request: it belongs to no response."""
    _deferred.work = {}


def connect_deferred_renditions():
    request_started.connect(forget_deferred_renditions, dispatch_uid="core.images.forget")
    request_finished.connect(make_deferred_renditions, dispatch_uid="core.images.deferred")


def renditions_by_format(image, spec_name, during_request):
    """[Source] for `image` cut to `spec_name`, best format first, fallback last.

    During a request, a modern format is shown only once all its widths exist (a
    format with some of them would make browsers pick a small file for a large slot);
    the missing ones are deferred. Widths an original is too small for come out at
    the same size as a smaller one; they are left out, since a srcset must not
    repeat a width.
    """
    cuts = Filter.expand_spec(_spec(spec_name))
    *modern, fallback = formats_for(image, spec_name)
    specs = {fmt: [f"{cut}|format-{fmt}" for cut in cuts] for fmt in [*modern, fallback]}
    if during_request:
        existing = {
            found.spec
            for found in image.find_existing_renditions(
                *(Filter(spec=spec) for fmt in modern for spec in specs[fmt])
            )
        }
        missing = [spec for fmt in modern for spec in specs[fmt] if spec not in existing]
        if missing:
            defer_renditions(image, missing)
        modern = [fmt for fmt in modern if not set(specs[fmt]) & set(missing)]
    shown = [*modern, fallback]
    # Wagtail makes what is still missing (the fallback) and caches what it found.
    renditions = get_renditions_or_not_found(image, [spec for fmt in shown for spec in specs[fmt]])
    sources = []
    for fmt in shown:
        unique = {}
        for spec in specs[fmt]:
            unique.setdefault(renditions[spec].width, renditions[spec])
        sources.append(Source(fmt, sorted(unique.values(), key=lambda r: r.width)))
    return sources


@dataclass
class LargePhoto:
    """The large version of a gallery photo: a plain link target, and the sources
    the lightbox shows it from."""

    sources: list

    @property
    def fallback(self):
        return self.sources[-1]

    @property
    def url(self):
        return self.fallback.largest.url

    @property
    def width(self):
        return self.fallback.largest.width

    @property
    def height(self):
        return self.fallback.largest.height

    @property
    def modern_sources(self):
        return self.sources[:-1]


def _image_of(item, field):
    if isinstance(item, dict):
        return item.get(field)
    return getattr(item, field, None)


def _load_renditions(images):
    """Give each image its renditions (prefetched_renditions), in one query for all."""
    images = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if images:
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.all(),
                to_attr="prefetched_renditions",
            ),
        )


def _images_in(value):
    """Every image in a StreamField value, however deep in lists and structs."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _images_in(child.value)
    elif isinstance(value, dict):
        for child in value.values():
            yield from _images_in(child)
    elif isinstance(value, list | ListValue):
        for child in value:
            yield from _images_in(child)


def picture(image, spec_name, sizes, priority, attrs, during_request):
    """A <picture> of `image` cut to `spec_name` (a key of SPECS); see image_tags."""
    *modern, fallback = renditions_by_format(image, spec_name, during_request)
    if priority:
        attrs.update(loading="eager", fetchpriority="high")
    else:
        attrs.update(loading="lazy", decoding="async")
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((source.mime_type, source.srcset, sizes) for source in modern),
    )
    smallest = fallback.renditions[0]
    img = smallest.img_tag({**attrs, "srcset": fallback.srcset, "sizes": sizes})
    return format_html("<picture>{}{}</picture>", sources, img)


def large_photo(image, during_request):
    return LargePhoto(renditions_by_format(image, "large", during_request))


def prefetch_renditions(items, field):
    """The items as a list, the renditions of every item's image loaded in one query."""
    items = list(items or [])
    _load_renditions([image for item in items if (image := _image_of(item, field))])
    return items


def prefetch_stream_renditions(page):
    """Load the renditions of every image in the page's StreamFields in one query,
    once per page object."""
    if not hasattr(page, "_meta") or getattr(page, "stream_renditions_loaded", False):
        return
    page.stream_renditions_loaded = True
    images = []
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            images += _images_in(getattr(page, field.attname))
    _load_renditions(images)
