"""Fixed-window rate limits counted in the shared cache (so every app server sees the same count)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _window_key(kind: str, identity: str, seconds: int, now: float) -> str:
    digest = hashlib.sha256(identity.encode()).hexdigest()[:24]
    return f"ratelimit:{kind}:{digest}:{int(now // seconds)}"


def hit(kind: str, identity: str, *, now: float | None = None) -> bool:
    """Count one use of `kind` (a key of settings.SHARE_RATE_LIMITS) by `identity`.

    True while the use is within the limit. Counting first and comparing after keeps it
    atomic: two requests at once can never both take the last allowed use.
    """
    limit, seconds = settings.SHARE_RATE_LIMITS[kind]
    key = _window_key(kind, identity, seconds, time.time() if now is None else now)
    cache.add(key, 0, seconds + 60)
    try:
        used = cache.incr(key)
    except ValueError:  # the window expired between add and incr: a fresh window
        cache.add(key, 1, seconds + 60)
        used = 1
    return used <= limit
