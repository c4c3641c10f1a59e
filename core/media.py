"""Serving MEDIA_ROOT from Django, for a site run without a web server in front.

Everything under MEDIA_ROOT was uploaded by someone: partners through the story
form, editors through the admin. Whatever its bytes, a browser must show it as
the type its name says or not at all, never run it as a page of this site:
hence no sniffing, and a sandbox that gives any document found there no origin,
no scripts and no forms. The nginx site (deploy/nginx/) sets the same headers.
"""

from django.conf import settings
from django.views.static import serve

UPLOADED_FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox",
}


def serve_uploaded_file(request, path):
    # MEDIA_ROOT is read on each request, so that a changed setting (tests) applies.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in UPLOADED_FILE_HEADERS.items():
        response[header] = value
    return response
