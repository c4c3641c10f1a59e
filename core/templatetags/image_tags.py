"""{% load image_tags %}: responsive <picture> elements for the public site (core.images)."""

from django import template

from core import images

register = template.Library()


@register.simple_tag(takes_context=True)
def responsive_image(context, image, spec_name, sizes="100vw", priority=False, **attrs):
    """A <picture> of `image` cut to `spec_name` (a key of core.images.SPECS).

    `sizes` says how wide the image is shown (CSS lengths, media conditions);
    `priority` marks the image a detail page opens with. Other keyword arguments
    (alt, class) become attributes of the <img>. Renders nothing without an image.
    """
    if not image:
        return ""
    during_request = context.get("request") is not None
    return images.picture(image, spec_name, sizes, priority, attrs, during_request)


@register.simple_tag(takes_context=True)
def large_photo(context, image):
    """{% large_photo image as large %}: large.url to link to, large.sources for the lightbox."""
    if not image:
        return None
    return images.large_photo(image, during_request=context.get("request") is not None)


@register.simple_tag
def prefetch_renditions(items, field):
    """{% prefetch_renditions partners "logo" as partners %}

    Loads the renditions of every item's image in one query, instead of one query
    per image, and returns the items as a list. For lists whose images were
    loaded without their renditions (StreamField blocks, a filtered directory).
    """
    return images.prefetch_renditions(items, field)


@register.simple_tag(takes_context=True)
def prefetch_page_renditions(context):
    """{% prefetch_page_renditions %} in a block template: the first image or gallery
    block of a page loads the renditions of every image in the page's StreamFields,
    so a body with many image and gallery blocks still costs one query."""
    images.prefetch_stream_renditions(context.get("page"))
    return ""
