"""A per-address limit on stories, kept in the database so that it holds across
every worker process, and without storing anyone's address."""

import ipaddress

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from network.models import StorySubmission


def client_address(request):
    header = settings.STORY_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    # A proxy's header may list several addresses; the first is the client's.
    value = value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return value
    if address.version == 6:
        # One household or phone gets a whole /64 and moves around inside it.
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_hash(request):
    return salted_hmac("network.stories.client", client_address(request)).hexdigest()[:32]


def rate_limited(client):
    since = timezone.now() - timezone.timedelta(seconds=settings.STORY_RATE_LIMIT_WINDOW)
    sent = StorySubmission.objects.filter(client_hash=client, submitted_at__gte=since).count()
    return sent >= settings.STORY_RATE_LIMIT
