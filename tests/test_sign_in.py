"""Staff sign in at one door, /admin/login/, which stops password guessing."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("somchai", "somchai@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def sign_in(client, username, password, address="203.0.113.7", language="th"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/login/"])
def test_django_admin_is_gone(client, path):
    assert client.get(path).status_code == 404


def test_right_password_signs_in(client, moderator):
    response = sign_in(client, "somchai", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_guessing_one_account_locks_it_even_for_the_right_password(client, moderator):
    for attempt in range(25):
        # A new address each time: the account itself is what is locked.
        sign_in(client, "somchai", f"guess-{attempt}", address=f"198.51.100.{attempt + 1}")
    response = sign_in(client, "somchai", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert not signed_in(client)


def test_guessing_from_one_address_locks_it_for_every_account(client, moderator):
    for attempt in range(25):
        sign_in(client, f"user{attempt}", "guess")
    response = sign_in(client, "somchai", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_lockout_page_is_thai_and_names_whom_to_ask(client, moderator):
    for attempt in range(5):
        sign_in(client, "somchai", f"guess-{attempt}")
    page = sign_in(client, "somchai", PASSWORD).content.decode()
    assert 'lang="th"' in page
    assert "ลงชื่อเข้าใช้ถูกล็อกไว้ชั่วคราว" in page
    assert "ผู้ดูแลเว็บไซต์" in page
    assert "30" in page


def test_lockout_page_does_not_tell_whether_the_account_exists(client, moderator):
    for attempt in range(5):
        sign_in(client, "somchai", f"guess-{attempt}", address="198.51.100.1")
        sign_in(client, "nobody", f"guess-{attempt}", address="198.51.100.2")
    existing = sign_in(client, "somchai", "guess", address="198.51.100.1")
    missing = sign_in(client, "nobody", "guess", address="198.51.100.2")
    assert existing.status_code == missing.status_code == 429
    # Only the per-response CSRF token may differ.
    assert without_csrf_token(existing) == without_csrf_token(missing)


def without_csrf_token(response):
    return re.sub(r'"CSRF_TOKEN": "\w+"', "", response.content.decode())


def test_lock_lifts_after_the_cool_off(client, moderator, settings):
    for attempt in range(5):
        sign_in(client, "somchai", f"guess-{attempt}")
    assert sign_in(client, "somchai", PASSWORD).status_code == 429
    from axes.models import AccessAttempt

    # As if the cool-off had passed since the last failure.
    for row in AccessAttempt.objects.all():
        row.attempt_time -= settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
        row.save(update_fields=["attempt_time"])
    response = sign_in(client, "somchai", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_password_reset_does_not_tell_whether_the_account_exists(client, moderator):
    known = client.post("/admin/password_reset/", {"email": "somchai@example.org"})
    unknown = client.post("/admin/password_reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_staff_session_ends_after_a_working_day(client, moderator, settings):
    response = client.post(LOGIN, {"username": "somchai", "password": PASSWORD, "remember": "on"})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 9 * 3600
    assert client.session.get_expiry_age() <= 9 * 3600


def test_staff_session_without_remember_me_ends_with_the_browser(client, moderator, settings):
    response = sign_in(client, "somchai", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert client.session.get_expiry_age() <= 9 * 3600
