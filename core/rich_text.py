"""Rich text as readers get it: only the elements the editor offers, and pictures
through the responsive images.

The admin's editor stores only what its features allow, but rich text can come
from elsewhere (an import, text saved before a feature was taken away), and
Wagtail's `richtext` filter prints whatever is stored. `reader_html` keeps the
elements and attributes rich text may hold, and drops the rest (scripts, event
handlers, frames, styles, javascript: and data: links) before Wagtail expands
its links and embeds.

Rich text no longer offers images (articles.blocks.RICH_TEXT_FEATURES), but text
saved before may hold <embed embedtype="image" id="…">. Wagtail would show it as
one plain JPEG rendition; here it becomes the same <picture> as an image block,
or nothing when the image is gone.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text import RichText, expand_db_html
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

from . import images

# As wide as the body column (core.images: "body" images).
BODY_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"


class ResponsiveImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # A hand-edited id ("x") would make the lookup fail for the whole page.
        known = [attrs for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]
        found = dict(zip(map(id, known), cls.get_many(known), strict=True))
        pictures = []
        for attrs in attrs_list:
            image = found.get(id(attrs))
            if image is None:
                pictures.append("")
                continue
            alt = attrs.get("alt", "")
            picture = images.picture(image, "body", BODY_SIZES, False, {"alt": alt}, True)
            pictures.append(format_html('<figure class="figure">{}</figure>', picture))
        return pictures


_PLAIN_ELEMENTS = ("p", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "ol", "ul", "li")
_PLAIN_ELEMENTS += ("br", "hr", "sub", "sup", "code", "s", "blockquote")


class StoredRichTextWhitelister(Whitelister):
    """Rich text in Wagtail's database form: <a linktype id> and <embed embedtype>
    stay for Wagtail to expand (through the consent gate and core.images)."""

    element_rules = {
        "[document]": allow_without_attributes,
        **dict.fromkeys(_PLAIN_ELEMENTS, allow_without_attributes),
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
        "embed": attribute_rule(
            {"embedtype": True, "url": check_url, "id": True, "alt": True, "format": True}
        ),
    }


def reader_html(value):
    """The front-end HTML of a rich text value (RichText or its stored string)."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    return mark_safe(expand_db_html(StoredRichTextWhitelister().clean(source)))
