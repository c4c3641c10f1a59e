from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    """The same page whether or not the username exists: it names neither."""
    cool_off = settings.AXES_COOLOFF_TIME
    return render(
        request,
        "staff/locked_out.html",
        {
            "minutes": int(cool_off.total_seconds() // 60),
            "until": timezone.localtime() + cool_off,
        },
        status=429,
    )
