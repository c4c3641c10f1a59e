"""Pictures for link previews: a shared page shows as a 1200×630 card.

LINE, Facebook and X show a 1.91:1 picture above a shared link. A page's own
photo is cropped to that shape around its focal point. A portrait e-book cover
or a partner's logo would lose too much to cropping, so it is shown whole on a
plain canvas instead (the `canvas` image operation, registered in
core/wagtail_hooks.py). A page without a picture shares the site's default
image, drawn once by scripts/make_share_images.py.
"""

import logging
import mimetypes
from dataclasses import dataclass

from django.templatetags.static import static
from PIL import Image, ImageOps
from wagtail.images.image_operations import FilterOperation
from wagtail.images.utils import parse_color_string
from willow.plugins.pillow import PillowImage

SHARE_WIDTH = 1200
SHARE_HEIGHT = 630
BRAND_COLOUR = "0b5d55"
WHITE = "ffffff"
DEFAULT_SHARE_IMAGE = "img/share-default.png"
SITE_LOGO = "img/logo.png"
SITE_LOGO_SIZE = 512
# The aspect ratios search engines ask for in an article's structured data.
STRUCTURED_DATA_SHAPES = ((SHARE_WIDTH, 675), (SHARE_WIDTH, 900), (SHARE_WIDTH, SHARE_WIDTH))
LARGEST_CANVAS = 4000

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    type: str
    alt: str


class CanvasOperation(FilterOperation):
    """`canvas-1200x630-0b5d55-40`: the whole picture, scaled to fit inside the
    margin (larger or smaller), centred on a canvas of exactly that size.

    After a `fill` of the same shape it only tops a too-small photo up to the
    full size, so a share card is always as large as its tags say.
    """

    def construct(self, size, color=WHITE, margin="0"):
        width, height = (int(part) for part in size.split("x"))
        self.margin = int(margin)
        if not (0 < width <= LARGEST_CANVAS and 0 < height <= LARGEST_CANVAS):
            raise ValueError(f"Canvas must be 1 to {LARGEST_CANVAS} pixels a side, not {size}")
        if not 0 <= self.margin * 2 < min(width, height):
            raise ValueError(f"Margin {margin} leaves no room on a {size} canvas")
        self.size = (width, height)
        self.color = parse_color_string(color)

    def run(self, willow, image, env):
        picture = willow.get_pillow_image()
        if picture.mode != "RGBA":
            picture = picture.convert("RGBA")
        width, height = self.size
        room = (width - 2 * self.margin, height - 2 * self.margin)
        picture = ImageOps.contain(picture, room, Image.Resampling.LANCZOS)
        canvas = Image.new("RGB", self.size, self.color)
        offset = ((width - picture.width) // 2, (height - picture.height) // 2)
        canvas.paste(picture, offset, picture)
        return PillowImage(canvas)


def cropped_spec(width, height):
    """A photo cropped to the shape around its focal point, never smaller than asked."""
    return f"fill-{width}x{height}|canvas-{width}x{height}-{BRAND_COLOUR}|format-jpeg"


def whole_spec(width, height, background, margin, output_format):
    return f"canvas-{width}x{height}-{background}-{margin}|format-{output_format}"


COVER_SPEC = whole_spec(SHARE_WIDTH, SHARE_HEIGHT, BRAND_COLOUR, 24, "jpeg")
LOGO_SPEC = whole_spec(SHARE_WIDTH, SHARE_HEIGHT, WHITE, 80, "png")
PHOTO_SPEC = cropped_spec(SHARE_WIDTH, SHARE_HEIGHT)


def can_render(image):
    return image is not None and not image.is_svg()


def renditions(image, *specs):
    """{spec: rendition} of an image, or None when its file is missing or unreadable:
    a broken upload must not take the page down with it."""
    try:
        return image.get_renditions(*specs)
    except (OSError, ValueError):  # SourceImageIOError is an OSError
        logger.exception("No share image from image %s", image.pk)
        return None


def share_image(image, spec, alt, absolute):
    """The share card of a Wagtail image made with `spec` (None if it cannot be made);
    `absolute` makes URLs absolute."""
    made = renditions(image, spec)
    if made is None:
        return None
    rendition = made[spec]
    return ShareImage(
        url=absolute(rendition.url),
        width=rendition.width,
        height=rendition.height,
        type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        alt=alt,
    )


def default_share_image(alt, absolute):
    return ShareImage(
        url=absolute(static(DEFAULT_SHARE_IMAGE)),
        width=SHARE_WIDTH,
        height=SHARE_HEIGHT,
        type="image/png",
        alt=alt,
    )
