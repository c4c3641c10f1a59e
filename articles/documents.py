"""Where e-book documents live and how their bytes leave the site.

Documents are kept under DOCUMENTS_ROOT, outside MEDIA_ROOT, because the web server
publishes MEDIA_ROOT as it is: a draft or private e-book's file must not be one
guessed address away. Only views that have checked who may read it hand a file
out: the e-book page's own routes (``articles.ebooks.serve_file``) and
``serve_document`` below, which replaces Wagtail's ``/documents/<id>/<name>``.
"""

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from core.visibility import readable_pages

# Wagtail uploads documents to "documents/<name>" in the default storage.
DOCUMENTS_PREFIX = "documents/"

# The only types a document is ever sent as, whatever its bytes or stored name.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "epub": "application/epub+zip",
    "mobi": "application/x-mobipocket-ebook",
    "txt": "text/plain; charset=utf-8",
    "zip": "application/zip",
}
FALLBACK_CONTENT_TYPE = "application/octet-stream"
SERVE_METHODS = ("django", "x-accel-redirect", "x-sendfile")


class MediaAndDocumentsStorage(FileSystemStorage):
    """MEDIA_ROOT for uploads, except documents, which go under DOCUMENTS_ROOT.

    Routing by name keeps Wagtail's own document model (and its migrations) as it is.
    """

    def path(self, name):
        if _is_document(name):
            return documents_storage().path(name.removeprefix(DOCUMENTS_PREFIX))
        return super().path(name)

    def _save(self, name, content):
        if _is_document(name):
            saved = documents_storage().save(name.removeprefix(DOCUMENTS_PREFIX), content)
            return DOCUMENTS_PREFIX + saved
        return super()._save(name, content)


def _is_document(name):
    return str(name).replace("\\", "/").startswith(DOCUMENTS_PREFIX)


def documents_storage():
    # Built on each use, so that a changed setting (tests) applies.
    return FileSystemStorage(location=settings.DOCUMENTS_ROOT, base_url=None)


def content_type_for(name):
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lstrip(".").lower(), FALLBACK_CONTENT_TYPE)


def file_response(request, document, disposition, content_type=None):
    """The document's bytes, by the serving method of DOCUMENTS_SERVE.

    With x-accel-redirect or x-sendfile the web server sends the bytes itself,
    after this view has checked the reader; the headers set here still apply.
    """
    content_type = content_type or content_type_for(document.file.name)
    method = settings.DOCUMENTS_SERVE
    if method not in SERVE_METHODS:
        raise ImproperlyConfigured(f"DOCUMENTS_SERVE must be one of {', '.join(SERVE_METHODS)}")
    if method == "django":
        try:
            response = FileResponse(document.file.open("rb"), content_type=content_type)
        except (OSError, ValueError):
            raise Http404 from None
    else:
        path = Path(document.file.path)
        if not path.is_file():
            raise Http404
        response = HttpResponse(content_type=content_type)
        if method == "x-accel-redirect":
            relative = path.relative_to(Path(settings.DOCUMENTS_ROOT)).as_posix()
            response["X-Accel-Redirect"] = settings.DOCUMENTS_ACCEL_PREFIX + relative
        else:
            response["X-Sendfile"] = str(path)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    if disposition.startswith("inline"):
        # A PDF shown in the browser gets no origin, scripts or forms of this site.
        response["Content-Security-Policy"] = "sandbox"
    # Not for shared caches: they would hand a private page's file to anyone.
    response["Cache-Control"] = "private"
    return response


def pages_using(document):
    """The pages whose content refers to the document (Wagtail's reference index)."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def is_used_by_a_readable_page(document):
    return pages_using(document).filter(readable_pages()).exists()


def serve_document(request, document_id, document_filename):
    """``/documents/<id>/<name>``: the file only if a public page uses it.

    A document that no public page uses is given to staff who may edit it, and to
    nobody else: they answer 404 as if it did not exist.
    """
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    policy = policy_registry.get_by_type(get_document_model())
    may_edit = policy.user_has_permission_for_instance(request.user, "change", document)
    if not may_edit and not is_used_by_a_readable_page(document):
        raise Http404
    disposition = f"attachment; filename*=UTF-8''{quote(document.filename, safe='')}"
    return file_response(request, document, disposition)
