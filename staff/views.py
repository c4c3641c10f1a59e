import qrcode
import qrcode.image.svg
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as pass_second_factor
from django_otp import match_token

from .forms import CodeForm
from .second_factor import confirm_authenticator, has_enrolled, pending_authenticator, secret_text


def set_up(request):
    user = request.user
    if user.is_verified():
        return redirect("wagtailadmin_home")
    if has_enrolled(user):
        # A new authenticator only after passing the existing one.
        return redirect("staff_second_factor_verify")
    device = pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = confirm_authenticator(device)
            pass_second_factor(request, device)
            # Shown in this response only, never again on any page.
            return render(request, "staff/recovery_codes.html", {"codes": codes})
        form.add_error(
            "code", _("That code is not right. Check the time on your phone and try again.")
        )
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return render(
        request,
        "staff/second_factor_setup.html",
        {
            "form": form,
            # Our own SVG, made from the device's URI: no user text in it.
            "qr_code": mark_safe(image.to_string(encoding="unicode")),
            "secret": secret_text(device),
            "config_url": device.config_url,
        },
    )


def verify(request):
    user = request.user
    if user.is_verified():
        return redirect("wagtailadmin_home")
    if not has_enrolled(user):
        return redirect("staff_second_factor_setup")
    form = CodeForm(request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            pass_second_factor(request, device)
            safe = url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
            return redirect(next_url if safe and next_url else reverse("wagtailadmin_home"))
        form.add_error("code", _("That code is not right, or it has been used already."))
    return render(request, "staff/second_factor_verify.html", {"form": form, "next": next_url})
