from wagtail import hooks

from .share_images import CanvasOperation


@hooks.register("register_image_operations")
def register_share_image_operations():
    # Link previews show covers and logos whole on a canvas (core/share_images.py).
    return [("canvas", CanvasOperation)]
