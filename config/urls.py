from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views.serve import authenticate_with_password

from articles.documents import serve_document
from core.sitemaps import SiteSitemap
from core.views import robots_txt
from operations.health import healthz

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, served only when a public page uses the document.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # One sitemap for both languages, with hreflang alternates between them.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path

    from core.media import serve_uploaded_file

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", serve_uploaded_file, name="media"))

# Thai (the default language) is served without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("cookie-consent/", include("privacy.urls")),
    # The page's script reports a view here (audience/counting.py).
    path("views/", include("audience.urls")),
    path("feeds/", include("articles.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page in the reader's language, without touching the database.
handler500 = "core.views.server_error"
