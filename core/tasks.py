from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError


@task()
def make_renditions(image_id, specs):
    """The AVIF and WebP renditions a page was first shown without (core.images)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0  # deleted since
    try:
        return len(image.get_renditions(*specs))
    except SourceImageIOError:
        return 0  # the original is missing: readers see Wagtail's placeholder


@task()
def purge_urls(urls):
    """Ask the CDN or proxy to drop these addresses (core.frontend_purge)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
    return len(urls)


@task()
def purge_every_page():
    """A setting every page shows has changed: drop them all from the CDN or proxy."""
    from .frontend_purge import every_page_address

    return purge_urls.call(every_page_address())
