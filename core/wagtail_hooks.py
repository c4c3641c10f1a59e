from wagtail import hooks

from .rich_text import ResponsiveImageEmbedHandler
from .share_images import CanvasOperation


@hooks.register("register_image_operations")
def register_share_image_operations():
    # Link previews show covers and logos whole on a canvas (core/share_images.py).
    return [("canvas", CanvasOperation)]


# Runs after wagtail.images registers its handler for the same embed type.
@hooks.register("register_rich_text_features", order=100)
def show_rich_text_images_responsively(features):
    features.register_embed_type(ResponsiveImageEmbedHandler)
