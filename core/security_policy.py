"""The Content-Security-Policy header: the site's policy, and the admin's own.

Wagtail's admin needs inline scripts and styles, which a nonce cannot cover
(its templates do not carry one), so its screens get the looser
CONTENT_SECURITY_POLICY_ADMIN. A page that needs one more origin (the analytics
script a site's staff configure) names it with `allow_sources` while it renders.
"""

from functools import cache
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefixes():
    # Wagtail's is the only admin: Django's admin has no route.
    return (reverse("wagtailadmin_home"),)


def allow_sources(request, **directives):
    """Add sources to this response's policy, e.g. script_src=["https://stats.example"]."""
    extra = request.__dict__.setdefault("_csp_extra_sources", {})
    for directive, sources in directives.items():
        extra.setdefault(directive.replace("_", "-"), []).extend(sources)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(admin_prefixes()):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
            # A nonce beside 'unsafe-inline' would switch 'unsafe-inline' off.
            parts.nonce = None
        extra = getattr(request, "_csp_extra_sources", None)
        if extra and parts.update is None:
            parts.update = extra
        return parts


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
