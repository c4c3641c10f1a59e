"""Taking back what a story put on the site: its draft page, and the Wagtail
images made from its photos with every rendition's file.

Those images are under MEDIA_ROOT, which the web server publishes to anyone
with the address, so a rejected or purged story must not leave them behind.
Wagtail deletes an image's file only once a task runs after the commit; here
the files go at once, and a file already gone is no error.
"""

import logging

from django.db import transaction
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)


def images_made_from(submission):
    image_ids = submission.files.exclude(image=None).values_list("image_id", flat=True)
    return list(get_image_model().objects.filter(pk__in=list(image_ids)))


def stored_files_of(images):
    files = []
    for image in images:
        files.extend(rendition.file for rendition in image.renditions.all())
        files.append(image.file)
    return [(file.storage, file.name) for file in files if file.name]


def discard_draft(submission):
    """Delete the unpublished page made from the submission and the images made
    from its photos. A page that is live is published content and is kept, with
    its images. Returns the number of images deleted."""
    page = submission.page
    if page is not None and page.live:
        logger.warning(
            "Story %s has a live page; its page and photos were kept", submission.reference
        )
        return 0
    images = images_made_from(submission)
    files = stored_files_of(images)
    with transaction.atomic():
        if page is not None:
            # Its revisions and workflow states go with it; they name the images too.
            page.delete()
        for image in images:
            image.delete()
    submission.page = None
    for storage, name in files:
        storage.delete(name)
    return len(images)
