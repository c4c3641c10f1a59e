from wagtail import hooks

from .counting import count_view


@hooks.register("on_serve_page")
def count_page_views(serve_page):
    # Wrapping the serve chain runs after the view-restriction checks of
    # before_serve_page, and sees the response: only a page actually shown counts.
    # The page's TemplateResponse renders after this, so it shows the new count.
    def serve_and_count(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        count_view(page, request, response)
        return response

    return serve_and_count
