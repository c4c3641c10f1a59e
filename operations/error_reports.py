"""What Django's error emails to ADMINS may contain about the failed request.

A failed request is often a partner sending a story: its form fields (names, phone
numbers, the story itself) and cookies stay out of the email, as they stay out of
Sentry (operations.observability). The traceback and the address are what help.
"""

from django.views.debug import SafeExceptionReporterFilter


class PrivateRequestDataFilter(SafeExceptionReporterFilter):
    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        if not self.is_active(request):
            return meta
        # Django copies the CSRF cookie into META["CSRF_COOKIE"], beside HTTP_COOKIE.
        return {
            name: self.cleansed_substitute if "COOKIE" in name or "CSRF" in name else value
            for name, value in meta.items()
        }

    def get_post_parameters(self, request):
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_cookies(self, request):
        if not self.is_active(request):
            return super().get_safe_cookies(request)
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)
