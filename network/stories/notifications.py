"""Emails about partners' stories: plain text only, so nothing a partner typed
can become markup in anyone's mail client. A failed email is logged and never
fails the request; the submission is already saved."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import GroupApprovalTask

logger = logging.getLogger(__name__)


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def moderator_addresses(submission):
    """People in the groups of the page's moderation tasks, and STORY_MODERATOR_EMAILS."""
    addresses = set(settings.STORY_MODERATOR_EMAILS)
    page = submission.page
    workflow = page.get_workflow() if page is not None else None
    if workflow is not None:
        group_ids = GroupApprovalTask.objects.filter(
            workflow_tasks__workflow=workflow, active=True
        ).values_list("groups", flat=True)
        users = get_user_model().objects.filter(is_active=True, groups__in=group_ids)
        addresses.update(users.exclude(email="").values_list("email", flat=True))
    return sorted(addresses)


def send(subject, template, context, to, language):
    with translation.override(language):
        message = EmailMessage(
            subject=" ".join(str(subject).split()),
            body=render_to_string(template, context),
            to=to,
        )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send %r to %s", template, ", ".join(to))
        return False
    return True


def submission_context(submission):
    from .admin_urls import submission_admin_url

    page = submission.page
    return {
        "submission": submission,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "submission_url": admin_url(submission_admin_url(submission)),
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])) if page else "",
    }


def notify_moderators(submission):
    to = moderator_addresses(submission)
    if not to:
        logger.warning("Story %s arrived and nobody is set to hear about it", submission.reference)
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New partner story %(reference)s: %(title)s") % {
            "reference": submission.reference,
            "title": submission.title,
        }
    return send(
        subject,
        "network/emails/story_received_staff.txt",
        submission_context(submission),
        to,
        settings.LANGUAGE_CODE,
    )


def email_partner(submission, subject, template, **context):
    """Write to the partner in the language they used on the form."""
    with translation.override(submission.language):
        subject = gettext(subject) % {"reference": submission.reference}
    return send(
        subject,
        template,
        {"submission": submission, "site_name": settings.WAGTAIL_SITE_NAME, **context},
        [submission.email],
        submission.language,
    )


def confirmations_used_today(submission):
    """How many of today's stories, up to and including this one, give the
    same address, whatever its case and spacing. Counted on the stories
    themselves (a day's are few: the rate limit sees to it), in the order
    they were saved, so stories sent at once cannot all count as the first."""
    from network.models import StorySubmission

    address = " ".join(submission.email.split()).casefold()
    # The day the story was sent, not the day the worker got to it.
    sent_at = timezone.localtime(submission.submitted_at)
    day_start = sent_at.replace(hour=0, minute=0, second=0, microsecond=0)
    today = StorySubmission.objects.filter(submitted_at__gte=day_start, pk__lte=submission.pk)
    return sum(
        1
        for email in today.values_list("email", flat=True)
        if " ".join(email.split()).casefold() == address
    )


def confirm_to_partner(submission):
    """The confirmation, unless the address has had its day's share: anyone can
    type any address into the form, and the story is saved all the same.
    True when sent, False when the mail server failed, None when not to send."""
    if not submission.email:
        return None
    if confirmations_used_today(submission) > settings.STORY_CONFIRMATIONS_PER_ADDRESS_PER_DAY:
        logger.warning(
            "Story %s saved; no confirmation, as its address had enough today",
            submission.reference,
        )
        return None
    return email_partner(
        submission,
        gettext_noop("We have received your story (reference %(reference)s)"),
        "network/emails/story_received_partner.txt",
    )


def rejection_to_partner(submission):
    return email_partner(
        submission,
        gettext_noop("About your story (reference %(reference)s)"),
        "network/emails/story_rejected_partner.txt",
    )


def published_to_partner(submission, page_url):
    return email_partner(
        submission,
        gettext_noop("Your story is published (reference %(reference)s)"),
        "network/emails/story_published_partner.txt",
        page_url=page_url,
    )
