"""The staff side of partners' stories: a listing, the full submission with its
files and consent record, and the two things staff do to a submission (reject
it, or make its draft page again after processing failed).

Submissions only ever come from the public form, so there is no add, edit,
copy or delete view: staff change a submission through the actions alone,
which keeps the consent record and what the partner sent as they were.
"""

import logging

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from network.models import StorySubmission, StorySubmissionFile

from . import discard, notifications
from .tasks import queue_story

logger = logging.getLogger(__name__)

OPEN_STATUSES = (StorySubmission.Status.NEW, StorySubmission.Status.IN_REVIEW)


def field_label(name, model=StorySubmission):
    return capfirst(model._meta.get_field(name).verbose_name)


def can_reject(submission):
    return submission.status in OPEN_STATUSES


def cannot_reject_message(submission):
    return gettext("Story %(reference)s is %(status)s and cannot be rejected now.") % {
        "reference": submission.reference,
        "status": submission.get_status_display(),
    }


def can_make_draft_again(submission):
    return (
        submission.status == StorySubmission.Status.NEW
        and submission.page_id is None
        and bool(submission.processing_error)
    )


def organisation_display(submission):
    if submission.partner_id:
        return submission.partner.name
    if submission.new_organisation_name:
        # Typed by the partner: not a partner of the foundation until staff add it.
        return gettext("%(name)s (to confirm)") % {"name": submission.new_organisation_name}
    return ""


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else ""


class StorySubmissionFilterSet(WagtailFilterSet):
    submitted_at = django_filters.DateFromToRangeFilter(
        label=field_label("submitted_at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = StorySubmission
        fields = ["status", "needs_attention", "kind", "language", "submitted_at"]


class OrganisationColumn(Column):
    cell_template_name = "network/admin/organisation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["partner"] = instance.partner if instance.partner_id else None
        context["new_name"] = instance.new_organisation_name
        return context


class DraftPageColumn(Column):
    cell_template_name = "network/admin/draft_page_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["edit_url"] = page_edit_url(instance.page_id)
        context["processing_error"] = instance.processing_error
        context["needs_attention"] = instance.needs_attention
        context["attempts"] = instance.processing_attempts
        context["waiting"] = (
            instance.status == StorySubmission.Status.NEW and not instance.personal_data_purged_at
        )
        return context


class SubmissionIndexView(generic.IndexView):
    # Seeing submissions needs the view permission itself; the menu item asks
    # the same question (ModelViewSet.menu_item_class reads this attribute).
    any_permission_required = ["view"]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("partner")


class SubmissionInspectView(generic.InspectView):
    any_permission_required = ["view"]
    template_name = "network/admin/submission_inspect.html"
    reject_url_name = None
    make_draft_url_name = None
    file_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            StorySubmission.objects.select_related("partner", "page", "reviewed_by"),
            pk=self.pk,
        )

    def get_page_title(self):
        return capfirst(StorySubmission._meta.verbose_name)

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.can_change and can_reject(self.object):
            buttons.append(
                Button(
                    gettext("Reject"),
                    url=reverse(self.reject_url_name, args=[self.object.pk]),
                    icon_name="cross",
                    priority=10,
                )
            )
        if self.object.page_id:
            buttons.append(
                Button(
                    gettext("Edit the draft page"),
                    url=page_edit_url(self.object.page_id),
                    icon_name="edit",
                    priority=20,
                )
            )
        return buttons

    def sent_rows(self):
        submission = self.object
        rows = [
            (field_label("reference"), submission.reference),
            (field_label("status"), submission.get_status_display()),
            (field_label("submitted_at"), submission.submitted_at),
            (field_label("language"), submission.get_language_display()),
            (field_label("kind"), submission.get_kind_display()),
            (_("Organisation"), organisation_display(submission)),
            (field_label("title"), submission.title),
            (field_label("contact_name"), submission.contact_name),
            (field_label("email"), submission.email),
            (field_label("phone"), submission.phone),
        ]
        if submission.start_date:
            rows.append((field_label("start_date"), submission.start_date))
        if submission.end_date:
            rows.append((field_label("end_date"), submission.end_date))
        provinces = ", ".join(province.name for province in submission.provinces.all())
        if provinces:
            rows.append((field_label("provinces"), provinces))
        if submission.participants is not None:
            rows.append((field_label("participants"), submission.participants))
        return rows

    def get_files(self):
        files = []
        for submitted in self.object.files.select_related("image"):
            submitted.download_url = reverse(self.file_url_name, args=[submitted.pk])
            files.append(submitted)
        return files

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        context.update(
            submission=submission,
            sent_rows=self.sent_rows(),
            labels={
                field.name: capfirst(field.verbose_name)
                for field in StorySubmission._meta.get_fields()
                if hasattr(field, "verbose_name")
            },
            file_labels={
                field.name: capfirst(field.verbose_name)
                for field in StorySubmissionFile._meta.get_fields()
                if hasattr(field, "verbose_name")
            },
            submitted_files=self.get_files(),
            page_edit_url=page_edit_url(submission.page_id),
            page_draft_url=(
                reverse("wagtailadmin_pages:view_draft", args=[submission.page_id])
                if submission.page_id
                else ""
            ),
            can_reject=self.can_change and can_reject(submission),
            reject_url=reverse(self.reject_url_name, args=[submission.pk]),
            can_make_draft_again=self.can_change and can_make_draft_again(submission),
            make_draft_url=reverse(self.make_draft_url_name, args=[submission.pk]),
        )
        return context


class SubmissionBreadcrumbsMixin:
    index_url_name = None
    inspect_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(StorySubmission._meta.verbose_name_plural),
            },
            {
                "url": reverse(self.inspect_url_name, args=[self.object.pk]),
                "label": self.object.reference,
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.object.reference},
        ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=field_label("rejection_reason"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_("The partner receives this text by email, in their language."),
    )


class RejectView(
    SubmissionBreadcrumbsMixin,
    PermissionCheckedMixin,
    BaseObjectMixin,
    WagtailAdminTemplateMixin,
    FormView,
):
    model = StorySubmission
    permission_required = "change"
    form_class = RejectForm
    template_name = "network/admin/submission_reject.html"
    page_title = _("Reject")
    header_icon = "cross"
    http_method_names = ["get", "post"]

    def get_page_subtitle(self):
        return self.object.reference

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        if not can_reject(self.object):
            messages.error(request, cannot_reject_message(self.object))
            return redirect(self.inspect_url_name, self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submission"] = self.object
        context["inspect_url"] = reverse(self.inspect_url_name, args=[self.object.pk])
        return context

    def form_valid(self, form):
        with transaction.atomic():
            # Locked and read again: another moderator may have acted meanwhile.
            submission = (
                StorySubmission.objects.select_for_update(of=("self",))
                .select_related("page")
                .get(pk=self.object.pk)
            )
            if not can_reject(submission):
                messages.error(self.request, cannot_reject_message(submission))
                return redirect(self.inspect_url_name, submission.pk)
            submission.status = StorySubmission.Status.REJECTED
            submission.rejection_reason = form.cleaned_data["reason"]
            submission.reviewed_at = timezone.now()
            submission.reviewed_by = self.request.user
            submission.save(
                update_fields=["status", "rejection_reason", "reviewed_at", "reviewed_by"]
            )
            page = submission.page
            workflow_state = page.current_workflow_state if page is not None else None
            if workflow_state is not None:
                # Otherwise the draft stays in moderators' queues, one approval away from going live.
                workflow_state.cancel(user=self.request.user)
            # The photos made public for the draft would otherwise stay at their addresses.
            discard.discard_draft(submission)

        sent = bool(submission.email) and notifications.rejection_to_partner(submission)
        if sent:
            messages.success(
                self.request,
                gettext("Story %(reference)s was rejected and the partner was told why by email.")
                % {"reference": submission.reference},
            )
        else:
            messages.warning(
                self.request,
                gettext(
                    "Story %(reference)s was rejected, but the email to the partner could not "
                    "be sent. Please tell them yourself."
                )
                % {"reference": submission.reference},
            )
        return redirect(self.inspect_url_name, submission.pk)


class MakeDraftAgainView(PermissionCheckedMixin, BaseObjectMixin, View):
    model = StorySubmission
    permission_required = "change"
    inspect_url_name = None
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Locked, so that a second click waits and then finds the story queued.
            submission = StorySubmission.objects.select_for_update().get(pk=self.object.pk)
            possible = can_make_draft_again(submission)
            if possible:
                # A fresh round of retries, and staff are told again once it is done.
                StorySubmission.objects.filter(pk=submission.pk).update(
                    processing_attempts=0, needs_attention=False, moderators_notified_at=None
                )
                queue_story(submission)
        submission.refresh_from_db()
        if not possible:
            messages.error(
                request,
                gettext("Story %(reference)s already has a draft page, or needs none.")
                % {"reference": submission.reference},
            )
        elif submission.page_id:
            messages.success(
                request,
                gettext("The draft page for story %(reference)s was made and is in moderation.")
                % {"reference": submission.reference},
                buttons=[
                    messages.button(
                        page_edit_url(submission.page_id), gettext("Edit the draft page")
                    )
                ],
            )
        elif submission.needs_attention:
            messages.error(
                request,
                gettext("The draft page could still not be made: %(problem)s")
                % {"problem": submission.processing_error},
            )
        else:
            messages.success(
                request,
                gettext(
                    "Story %(reference)s is queued again. Its draft page is made in the "
                    "background, usually within a minute; moderators are emailed when it is."
                )
                % {"reference": submission.reference},
            )
        return redirect(self.inspect_url_name, submission.pk)


class SubmissionFileView(PermissionCheckedMixin, View):
    """A partner's file, to staff only, always as a download: the bytes are the
    partner's, so the browser must never render them as part of the admin."""

    model = StorySubmission
    permission_required = "view"
    http_method_names = ["get", "head"]

    def get(self, request, pk):
        submitted = get_object_or_404(StorySubmissionFile, pk=pk)
        if not submitted.file.name:
            raise Http404
        try:
            handle = submitted.file.storage.open(submitted.file.name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=submitted.original_name,
            content_type=submitted.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class SubmissionURLFinder(ModelAdminURLFinder):
    """Submissions have no edit view; their page in the admin is the inspect view."""

    inspect_url_name = None

    def construct_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    def get_edit_url(self, instance):
        policy = policy_registry.get_by_type(StorySubmission)
        if self.user and not policy.user_has_permission(self.user, "view"):
            return None
        return self.construct_edit_url(instance)


class StorySubmissionViewSet(ModelViewSet):
    model = StorySubmission
    name = "story_submissions"
    url_prefix = "stories"
    icon = "mail"
    menu_label = _("Partner stories")
    add_to_admin_menu = True
    # Saving a submission happens in the partner's request; keep it free of admin bookkeeping.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    filterset_class = StorySubmissionFilterSet
    search_fields = ["reference", "title", "contact_name", "email", "new_organisation_name"]
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50

    list_display = [
        "reference",
        "title",
        OrganisationColumn("organisation", label=_("Organisation")),
        "kind",
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=field_label("status"),
            sort_key="status",
            primary=lambda submission: submission.status in OPEN_STATUSES,
        ),
        DateColumn("submitted_at", label=field_label("submitted_at"), sort_key="submitted_at"),
        DraftPageColumn("page", label=field_label("page")),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No such views: their URL names must not be reversed anywhere.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            reject_url_name=self.get_url_name("reject"),
            make_draft_url_name=self.get_url_name("make_draft"),
            file_url_name=self.get_url_name("file"),
            **kwargs,
        )

    @property
    def reject_view(self):
        return self.construct_view(
            RejectView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    @property
    def make_draft_view(self):
        return self.construct_view(
            MakeDraftAgainView, inspect_url_name=self.get_url_name("inspect")
        )

    @property
    def file_view(self):
        return self.construct_view(SubmissionFileView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("reject/<int:pk>/", self.reject_view, name="reject"),
            path("make-draft/<int:pk>/", self.make_draft_view, name="make_draft"),
            path("file/<int:pk>/", self.file_view, name="file"),
        ]

    @property
    def url_finder_class(self):
        return type(
            "SubmissionURLFinder",
            (SubmissionURLFinder,),
            {"inspect_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        # Adding and deleting are not things staff can do here; offer only what is.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_storysubmission", "change_storysubmission"])
        )


story_submission_viewset = StorySubmissionViewSet()
