from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_userbar(context):
    """Wagtail's user bar, for a request that is signed in or may be.

    Without a session cookie nobody is signed in, and not asking who the user is
    keeps the page free of the session (no Vary: Cookie), so it can be cached.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
