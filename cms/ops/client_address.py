"""The client's address: the one rule every limit, counter and log line reads it by.

`REMOTE_ADDR` is the peer that opened the connection. When that peer is one of
settings.TRUSTED_PROXIES (addresses or CIDRs of our reverse proxies), the client is found in
`X-Forwarded-For`: walking the chain from the right, trusted proxies are skipped, and the first
hop that is not one of them is the client. Everything to the left of that hop was written by the
client itself and is never read, so sending a forged header (to a proxy, or straight to the app
server) changes nothing. With TRUSTED_PROXIES empty (the default) the header is ignored.
"""

from __future__ import annotations

import functools
import ipaddress
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:  # the settings import this module: it must not load Django's HTTP machinery
    from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_trusted_proxies(entries) -> tuple[Network, ...]:
    """Addresses or CIDRs (`10.0.0.5`, `10.0.0.0/8`, `::1`); ImproperlyConfigured names a bad one."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(f"TRUSTED_PROXIES: {entry!r} is not an address or a CIDR.") from error
    return tuple(networks)


@functools.lru_cache(maxsize=8)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_trusted_proxies(entries)


def _parse(value: str) -> Address | None:
    """One hop of the chain: `1.2.3.4`, `2001:db8::1`, `[2001:db8::1]:443`, `1.2.3.4:5678`."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent this request, as a normalised string ("" if unknown)."""
    remote = request.META.get("REMOTE_ADDR", "")
    peer = _parse(remote)
    if peer is None:
        return remote.strip()
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    client = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            # Only a client writes garbage: the trusted hop that passed it on is as far as we know.
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)
