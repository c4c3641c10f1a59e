from wagtail import hooks

from .page_cache import mark_served_as_page
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


@hooks.register("on_serve_page")
def offer_live_pages_to_the_page_cache(serve_page):
    # Wrapping the serve chain runs after the view-restriction checks of
    # before_serve_page: a private page's login or password answer is never marked.
    def serve(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        if page.live and not getattr(request, "is_preview", False):
            mark_served_as_page(response)
        return response

    return serve
