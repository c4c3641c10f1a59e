"""Moderators, Administrators and superusers need a code from their phone as well as a password."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SETUP = "/admin/second-factor/set-up/"
VERIFY = "/admin/second-factor/verify/"

# Screens and API endpoints a half-signed-in attacker might try instead of /admin/.
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/3/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/settings/",
    "/admin/api/main/pages/",
    "/admin/api/main/pages/?child_of=root",
    "/admin/api/main/documents/",
    "/admin/reports/site-history/",
]


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.REQUIRE_SECOND_FACTOR = True


def staff_member(django_user_model, username, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture(params=["Moderators", "Administrators", "superuser"])
def guarded_user(request, django_user_model):
    if request.param == "superuser":
        return staff_member(django_user_model, "root", superuser=True)
    user = staff_member(django_user_model, "somchai", request.param)
    # Administrators in this project manage people; they must reach the admin.
    user.user_permissions.add(*access_admin())
    return user


def access_admin():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


@pytest.fixture
def moderator(django_user_model):
    return staff_member(django_user_model, "somchai", "Moderators")


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.get_username(), "password": PASSWORD})
    assert response.status_code == 302
    return response


def current_code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(client, user):
    page = client.get(SETUP).content.decode()
    secret = re.search(r"data-second-factor-secret>([A-Z2-7]+)<", page).group(1)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"code": current_code(device)})
    return secret, device, response


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_password_alone_does_not_open_the_admin(client, guarded_user, url):
    sign_in(client, guarded_user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_setup_page_shows_qr_code_and_secret(client, moderator):
    sign_in(client, moderator)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page
    secret = re.search(r"data-second-factor-secret>([A-Z2-7]+)<", page).group(1)
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert secret
    assert "ตั้งค่าการลงชื่อเข้าใช้แบบสองขั้นตอน" in page
    assert device.config_url.startswith("otpauth://totp/")


def test_enrolling_with_a_real_code_opens_the_admin(client, guarded_user):
    sign_in(client, guarded_user)
    _secret, _device, response = enrol(client, guarded_user)
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200
    # What they see there is up to their group's permissions, not the second factor.
    assert client.get("/admin/pages/").get("Location") not in {SETUP, VERIFY}


def test_wrong_code_does_not_enrol(client, moderator):
    sign_in(client, moderator)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()
    assert client.get("/admin/")["Location"] == SETUP


def enrolled_and_signed_out(client, user):
    sign_in(client, user)
    _secret, device, response = enrol(client, user)
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    client.logout()
    device.refresh_from_db()
    return device, codes


def test_next_sign_in_asks_for_the_code(client, moderator):
    device, _codes = enrolled_and_signed_out(client, moderator)
    sign_in(client, moderator)
    assert client.get("/admin/pages/")["Location"] == VERIFY
    # Enrolling afresh is no way around the code.
    assert client.get(SETUP)["Location"] == VERIFY
    response = client.post(VERIFY, {"code": current_code(device, steps_ahead=1)})
    assert response.status_code == 302
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.parametrize("code", ["000000", "12345", "abcdef", ""])
def test_wrong_code_is_refused(client, moderator, code):
    enrolled_and_signed_out(client, moderator)
    sign_in(client, moderator)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert client.get("/admin/")["Location"] == VERIFY


def test_replayed_code_is_refused(client, moderator):
    device, _codes = enrolled_and_signed_out(client, moderator)
    # The code used to enrol, sent again by someone who saw it.
    replayed = current_code(device)
    sign_in(client, moderator)
    client.post(VERIFY, {"code": replayed})
    assert client.get("/admin/")["Location"] == VERIFY


def test_recovery_code_works_once(client, moderator):
    _device, codes = enrolled_and_signed_out(client, moderator)
    sign_in(client, moderator)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, moderator)
    client.post(VERIFY, {"code": codes[0]})
    assert client.get("/admin/")["Location"] == VERIFY


def test_reset_command_makes_them_enrol_again(client, moderator, caplog):
    enrolled_and_signed_out(client, moderator)
    call_command("reset_second_factor", "somchai")
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    assert "Second factor reset" in caplog.text
    sign_in(client, moderator)
    assert client.get("/admin/")["Location"] == SETUP


def test_editor_without_a_device_reaches_the_admin(client, django_user_model):
    editor = staff_member(django_user_model, "malee", "Editors")
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_verify_does_not_redirect_off_site(client, moderator):
    device, _codes = enrolled_and_signed_out(client, moderator)
    sign_in(client, moderator)
    response = client.post(
        VERIFY, {"code": current_code(device, steps_ahead=1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_the_icons_the_sign_in_pages_use_are_not_redirected(client, moderator):
    """The admin's script fetches its icon sprite into every page, the set-up page too."""
    sign_in(client, moderator)
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert b"<svg" in sprite.content and b"second-factor" not in sprite.content
