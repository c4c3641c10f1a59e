"""The network address of the client behind a request, as far as it can be trusted.

Every limit keyed on an address (story rate limit, popular searches, admin
sign-in lockouts) asks here, so that one sender cannot pick their own key by
writing a header: only the entries added by our own reverse proxies count.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address as a normalised string, or None when it cannot be trusted.

    With TRUSTED_PROXIES = 0 the web server's REMOTE_ADDR is the client. With N
    proxies, each appends the address it saw to CLIENT_IP_HEADER, so the Nth
    entry from the right is the last one a sender did not write themselves;
    anything to its left is theirs and is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return normalised(remote)
    if not remote.strip():
        # Without REMOTE_ADDR the request did not come through our proxies.
        return None
    entries = request.META.get(settings.CLIENT_IP_HEADER, "").split(",")
    if len(entries) < proxies:
        return None
    # The entries our proxies added must all be addresses; one that is not
    # means the chain is not what the configuration says it is.
    added_by_proxies = [normalised(entry) for entry in entries[-proxies:]]
    if None in added_by_proxies:
        return None
    return added_by_proxies[0]


def normalised(value):
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            # The same IPv4 client seen through a dual-stack socket.
            return str(address.ipv4_mapped)
        # A zone ("%eth0") names our interface, not the client: without this
        # every zone name would be a fresh key for the same address.
        address = ipaddress.IPv6Address(int(address))
    return str(address)
