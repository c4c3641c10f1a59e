"""A per-address limit on stories, kept in the database so that it holds across
every worker process, and without storing anyone's address."""

import ipaddress
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.clients import client_address
from network.models import StorySubmission


def client_hash(request):
    """A keyed hash of the sender's network, or None when their address cannot
    be trusted (core.clients); such a post is refused rather than given a key
    of its own."""
    address = client_address(request)
    if address is None:
        return None
    if ipaddress.ip_address(address).version == 6:
        # One household or phone gets a whole /64 and moves around inside it.
        address = str(ipaddress.ip_network(f"{address}/64", strict=False))
    return salted_hmac("network.stories.client", address).hexdigest()[:32]


def rate_limited(client):
    since = timezone.now() - timezone.timedelta(seconds=settings.STORY_RATE_LIMIT_WINDOW)
    sent = StorySubmission.objects.filter(client_hash=client, submitted_at__gte=since).count()
    return sent >= settings.STORY_RATE_LIMIT


@contextmanager
def one_at_a_time(client):
    """A transaction in which no other story from the same network is counted
    or saved, so that posts sent at once cannot all pass the count before any
    of them is saved.

    SQLite's IMMEDIATE transactions (config.settings) already take the one
    write lock at BEGIN. PostgreSQL takes a lock on the client's key, released
    at commit, when the story is saved and visible to the next count.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            key = int.from_bytes(bytes.fromhex(client[:16]), "big", signed=True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
        yield
