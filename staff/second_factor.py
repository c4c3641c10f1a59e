"""Who must pass a second factor, and the devices that give it.

Moderators publish and Administrators manage people: a guessed or reused
password alone must not be enough for them, nor for a superuser.
"""

import base64
import logging

from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

GROUPS_THAT_NEED_SECOND_FACTOR = ("Moderators", "Administrators")
RECOVERY_CODE_COUNT = 10

log = logging.getLogger(__name__)


def needs_second_factor(user):
    if not settings.REQUIRE_SECOND_FACTOR or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=GROUPS_THAT_NEED_SECOND_FACTOR).exists()


def has_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The authenticator being set up, kept until confirmed so a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_text(device):
    return base64.b32encode(device.bin_key).decode("ascii")


@transaction.atomic
def confirm_authenticator(device):
    """Mark the authenticator as confirmed and return fresh single-use recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name="recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    log.info("Second factor enrolled for user %s", device.user.pk)
    return codes


@transaction.atomic
def reset_second_factor(user, by=None):
    """Forget every device of the user, who enrols again at the next sign-in."""
    deleted = TOTPDevice.objects.filter(user=user).delete()[0]
    deleted += StaticDevice.objects.filter(user=user).delete()[0]
    log.warning(
        "Second factor reset for user %s (%s) by %s",
        user.pk,
        user.get_username(),
        by or "a management command",
    )
    return deleted
