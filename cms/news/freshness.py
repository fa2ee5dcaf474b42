"""One version stamp for "what the public may see", shared by every app server through the cache.

The API and the feeds key their cached responses and their ETags on `content_version()`.
Anything that can change what is published — publish, unpublish, move, delete, a view
restriction added or removed, a unit, category or author renamed — calls `bump_content_version()`
(wired in signals.py). Because the stamp lives in the shared cache (Redis in production),
every process sees the change at once.
"""

import time

from django.core.cache import cache

VERSION_KEY = "news:content-version"


def content_version() -> str:
    """The current stamp; created on first use (and again if the cache was flushed)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = f"{time.time_ns():x}"
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY) or version
    return version


def bump_content_version(**_signal_kwargs) -> None:
    cache.set(VERSION_KEY, f"{time.time_ns():x}", timeout=None)
