from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .second_factor import has_enrolled, needs_second_factor

# Reachable before the second factor: without them no one could finish signing in.
OPEN_BEFORE_SECOND_FACTOR = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    # The icons, which the admin's script fetches into every page, these included.
    "wagtailadmin_sprite",
    "staff_second_factor_setup",
    "staff_second_factor_verify",
)


class SecondFactorMiddleware:
    """Keeps a signed-in user who needs a second factor out of the admin until they pass it.

    Runs after django_otp's OTPMiddleware, which tells whether this session
    has passed a device.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request):
        if self.must_pass_second_factor(request):
            name = (
                "staff_second_factor_verify"
                if has_enrolled(request.user)
                else "staff_second_factor_setup"
            )
            return redirect(reverse(name))
        return self.get_response(request)

    def must_pass_second_factor(self, request):
        if not settings.REQUIRE_SECOND_FACTOR or not request.path.startswith(self.admin_prefix):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if request.path in {reverse(name) for name in OPEN_BEFORE_SECOND_FACTOR}:
            return False
        return needs_second_factor(user)
