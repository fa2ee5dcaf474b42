"""Guessing secrets is limited per client address, as django-axes limits admin passwords.

Each wrong page view password or wrong API key counts against the caller's address
(cms.ops.client_address) in the shared cache; after settings.GUESS_LIMITS[kind] failures within
the window the address is refused, even with the right secret, until the window ends.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache


def _key(kind: str, address: str, part: str) -> str:
    digest = hashlib.sha256(address.encode()).hexdigest()[:24]
    return f"guesses:{kind}:{part}:{digest}"


def seconds_locked_out(kind: str, address: str, *, now: float | None = None) -> int:
    """How long this address must still wait before trying again (0: it may try)."""
    unlock_at = cache.get(_key(kind, address, "locked"))
    if unlock_at is None:
        return 0
    return max(math.ceil(unlock_at - (time.time() if now is None else now)), 0)


def record_failure(kind: str, address: str, *, now: float | None = None) -> None:
    """Count one wrong guess; the one that reaches the limit locks the address out."""
    limit, seconds = settings.GUESS_LIMITS[kind]
    key = _key(kind, address, "failures")
    cache.add(key, 0, seconds)
    try:
        failures = cache.incr(key)
    except ValueError:  # the window ended between add and incr: this is the first failure of a new one
        cache.add(key, 1, seconds)
        failures = 1
    if failures >= limit:
        cache.add(_key(kind, address, "locked"), (time.time() if now is None else now) + seconds, seconds)


def minutes(seconds: int) -> int:
    """A wait in whole minutes for a message (at least 1)."""
    return max(math.ceil(seconds / 60), 1)
