"""From a saved submission to a draft page in moderation.

The submission and its files are saved first, in a transaction of their own,
with the task that does the rest (network.stories.tasks), so nothing the partner
sent is lost if a later step fails, and the partner does not wait for it. The
later steps record their problem on the submission for staff.
"""

import logging
from io import BytesIO

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from network.models import StorySubmission, StorySubmissionFile
from network.models.stories import new_reference

from .storage import EXTENSIONS, random_file_name
from .text import clean_line, paragraph_html, paragraphs
from .uploads import reencode_photo

logger = logging.getLogger(__name__)

COLLECTION_NAME = "เรื่องจากภาคี"
INTRO_LENGTH = 240


def save_submission(form, form_page, language, client):
    data = form.cleaned_data
    submission = StorySubmission(
        language=language,
        form_page=form_page,
        partner=data["partner"],
        new_organisation_name="" if data["partner"] else data["new_organisation_name"],
        contact_name=data["contact_name"],
        email=data["email"],
        phone=data["phone"],
        kind=data["kind"],
        title=data["title"],
        start_date=data["start_date"],
        end_date=data["end_date"],
        participants=data["participants"],
        story=data["story"],
        consent_at=timezone.now(),
        notice_version=form_page.notice_version,
        notice_text=form_page.notice_text,
        retention_days=form_page.retention_days,
        client_hash=client,
    )
    with transaction.atomic():
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    submission.save()
                break
            except IntegrityError:
                # Two references alike in 32^6; draw again.
                submission.pk = None
                submission.reference = new_reference()
        else:
            raise IntegrityError("Could not find a free submission reference")
        submission.provinces.set(data["provinces"])
        for order, (upload, photo) in enumerate(getattr(form, "checked_photos", [])):
            StorySubmissionFile.objects.create(
                submission=submission,
                kind=StorySubmissionFile.Kind.PHOTO,
                file=upload,
                original_name=clean_line(upload.name)[:255],
                content_type=photo.content_type,
                size=upload.size,
                width=photo.width,
                height=photo.height,
                sort_order=order,
            )
        if data.get("pdf"):
            upload = data["pdf"]
            StorySubmissionFile.objects.create(
                submission=submission,
                kind=StorySubmissionFile.Kind.PDF,
                file=upload,
                original_name=clean_line(upload.name)[:255],
                content_type="application/pdf",
                size=upload.size,
            )
        # In the same transaction: the story is queued exactly when it is saved.
        # (The tasks module imports this one, hence the import here.)
        from .tasks import TO_PARTNER, queue_email, queue_story

        queue_story(submission)
        queue_email(submission, TO_PARTNER)
    return submission


def strip_photo_metadata(photo):
    """Replace the stored photo with a re-encoded copy that has no metadata."""
    if photo.metadata_removed:
        return
    storage = photo.file.storage
    old_name = photo.file.name
    with storage.open(old_name, "rb") as source:
        data, width, height = reencode_photo(source.read())
    photo.file.save(old_name.rsplit("/", 1)[-1], ContentFile(data), save=False)
    photo.size, photo.width, photo.height = len(data), width, height
    photo.metadata_removed = True
    photo.save(update_fields=["file", "size", "width", "height", "metadata_removed"])
    storage.delete(old_name)


def story_collection():
    return (
        Collection.objects.filter(name=COLLECTION_NAME).first() or Collection.get_first_root_node()
    )


def create_image(photo, submission, number, collection):
    with photo.file.open("rb") as source:
        data = source.read()
    image = get_image_model()(
        title=Truncator(f"{submission.title} ({number})").chars(255),
        collection=collection,
        # Public, so not named after the reference: that would let anyone find
        # a story's photos before it is published, or after it is rejected.
        file=ContentFile(data, name=random_file_name(EXTENSIONS[photo.content_type])),
    )
    image.file_size, image.file_hash = len(data), hash_filelike(BytesIO(data))
    image.save()
    photo.image = image
    photo.save(update_fields=["image"])
    return image


def index_page_for(submission):
    model_name = (
        "EventIndexPage" if submission.kind == StorySubmission.Kind.EVENT else "ArticleIndexPage"
    )
    index_model = apps.get_model("articles", model_name)
    form_page = submission.form_page
    parents = index_model.objects.filter(locale_id=form_page.locale_id)
    return parents.sibling_of(form_page).first() or parents.first()


def body_blocks(submission, images):
    blocks = [
        ("paragraph", RichText(paragraph_html(part))) for part in paragraphs(submission.story)
    ]
    if submission.kind == StorySubmission.Kind.ARTICLE and images:
        blocks.append(
            (
                "gallery",
                {
                    "title": "",
                    "images": [{"image": image, "alt_text": "", "caption": ""} for image in images],
                },
            )
        )
    return blocks


def build_page(submission, images):
    models = apps.get_app_config("articles").models_module
    first_paragraph = next(iter(paragraphs(submission.story)), "")
    common = {
        "title": submission.title,
        "intro": Truncator(" ".join(first_paragraph.split())).chars(INTRO_LENGTH),
        "hero_image": images[0] if images else None,
        "live": False,
        "locale_id": submission.form_page.locale_id,
    }
    if submission.kind == StorySubmission.Kind.EVENT:
        page = models.EventSummaryPage(
            **common,
            start_date=submission.start_date or timezone.localdate(),
            end_date=submission.end_date,
            participants_people=submission.participants,
        )
        page.provinces = list(submission.provinces.all())
        page.body = body_blocks(submission, images)
        page.gallery_images = [models.EventGalleryImage(image=image) for image in images]
        if submission.partner_id:
            page.partner_links = [
                models.EventPartner(
                    partner_id=submission.partner_id, role=models.EventPartner.ORGANISER
                )
            ]
    else:
        page = models.ArticlePage(**common, kind=models.ArticlePage.Kind.NEWS)
        page.body = body_blocks(submission, images)
        if submission.partner_id:
            page.partner_links = [models.ArticlePartner(partner_id=submission.partner_id)]
    return page


def create_draft_page(submission):
    parent = index_page_for(submission)
    if parent is None:
        raise LookupError(f"No {submission.get_kind_display()} index page to put the story under")
    collection = story_collection()
    photos = [f for f in submission.files.all() if f.kind == StorySubmissionFile.Kind.PHOTO]
    images = [create_image(photo, submission, n, collection) for n, photo in enumerate(photos, 1)]
    page = build_page(submission, images)
    # Pages are added at the end of the parent's children; lock the parent so
    # that stories arriving together take their places one after another.
    Page.objects.select_for_update().filter(pk=parent.pk).first()
    parent = type(parent).objects.get(pk=parent.pk)
    parent.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    return page, revision


def start_moderation(page):
    workflow = page.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(page, user=None)
    return workflow


class AlreadyHandled(Exception):
    """The submission has its page, or staff have decided on it: nothing to make."""


def make_draft(submission_id):
    """Re-encode the photos, make the draft page and start its moderation, once.

    Safe to run again after a failure or a killed worker: photos already
    re-encoded are skipped, and the page is made in one transaction that first
    locks the submission and looks whether a page was made meanwhile."""
    photos = StorySubmissionFile.objects.filter(
        submission_id=submission_id, kind=StorySubmissionFile.Kind.PHOTO, metadata_removed=False
    )
    for photo in photos:
        strip_photo_metadata(photo)
    with transaction.atomic():
        submission = StorySubmission.objects.select_for_update().get(pk=submission_id)
        if submission.page_id is not None or submission.status != StorySubmission.Status.NEW:
            raise AlreadyHandled(submission.reference)
        page, _revision = create_draft_page(submission)
        start_moderation(page)
        submission.page = page
        submission.status = StorySubmission.Status.IN_REVIEW
        submission.processing_error = ""
        submission.needs_attention = False
        submission.save(update_fields=["page", "status", "processing_error", "needs_attention"])
        from .tasks import TO_STAFF, queue_email

        queue_email(submission, TO_STAFF)
    return submission


def record_failure(submission_id, error, attempt, final):
    logger.error(
        "Story %s: draft page not made (attempt %s%s)",
        submission_id,
        attempt,
        ", giving up" if final else "",
        exc_info=error,
    )
    StorySubmission.objects.filter(pk=submission_id).update(
        processing_error=f"{type(error).__name__}: {error}"[:2000],
        processing_attempts=attempt,
        needs_attention=final,
    )
