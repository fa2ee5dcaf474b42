"""Rendered responses (API JSON, feeds) cached per content version, in two tiers.

Tier 2 is the shared Django cache (Redis in production): every app server sees what another
rendered. Tier 1 is a small per-process LRU in front of it, so a warm hit costs one tiny Redis
read (the content version, freshness.py) instead of moving a large body out of Redis and
unpickling it on every request. Both tiers are keyed by the content version, which every
publish, unpublish, move, delete or view-restriction change bumps in the shared cache, so no
process can serve a response older than the last change: invalidation stays global.

A publication window opening or closing bumps no version, so an entry also lives no longer
than the next such moment (`freshness.next_window_change`), which it keeps as `window_moves_at`:
the `max-age` and `s-maxage` it is served with reach no further (cache_control.py).

Being keyed by the version, an entry is re-rendered after any publish; its validators stay the
same when its body does (validators.py).
"""

import math
import sys
import threading
from collections import OrderedDict
from typing import Any

from django.core.cache import cache

from .freshness import content_version, forget_window_memo, next_window_change, now

LOCAL_MAX_BYTES = 48 * 1024 * 1024
_local: "OrderedDict[str, tuple[float, int, Any]]" = OrderedDict()
_local_bytes = 0
_lock = threading.Lock()


def _size(entry: Any) -> int:
    body = entry.get("body", b"") if isinstance(entry, dict) else b""
    return len(body) + sys.getsizeof(entry)


def _remember(full_key: str, expires_at: float, entry: Any) -> None:
    global _local_bytes
    size = _size(entry)
    if size > LOCAL_MAX_BYTES // 4:
        return
    with _lock:
        if full_key in _local:
            _local_bytes -= _local.pop(full_key)[1]
        _local[full_key] = (expires_at, size, entry)
        _local_bytes += size
        while _local_bytes > LOCAL_MAX_BYTES and _local:
            _local_bytes -= _local.popitem(last=False)[1][1]


def lookup(key: str) -> tuple[str, Any | None]:
    """(current content version, the entry stored for `key` under it, or None)."""
    version = content_version()
    full_key = f"{key}:{version}"
    current = now()
    with _lock:
        hit = _local.get(full_key)
        if hit is not None and hit[0] > current:
            _local.move_to_end(full_key)
            return version, hit[2]
    stored = cache.get(full_key)
    # The entry's own deadline, not only the cache's timeout: Redis counts whole seconds on
    # its own clock, and a window that closed must not be served one second more.
    if stored is None or stored[0] <= current:
        return version, None
    expires_at, entry = stored
    _remember(full_key, expires_at, entry)
    return version, entry


def store(key: str, version: str, entry: Any, timeout: int, *, since: float | None = None) -> None:
    """Keep `entry` for `timeout` seconds under the version read before it was rendered (a
    change published meanwhile has a newer version, so this entry is simply never read), and
    never past the next moment a publication window opens or closes after `since` (when its
    content was read: `now()` before rendering). A dict entry gets that moment as
    `window_moves_at` (see cache_control.py)."""
    full_key = f"{key}:{version}"
    current = now()
    expires_at = current + timeout
    window = next_window_change(version, after=current if since is None else since)
    if window is not None:
        expires_at = min(expires_at, window)
    if isinstance(entry, dict):
        entry["window_moves_at"] = window
    if expires_at <= current:
        return
    cache.set(full_key, (expires_at, entry), max(1, math.ceil(expires_at - current)))
    _remember(full_key, expires_at, entry)


def clear_local() -> None:
    """Forget tier 1 (tests clear the shared cache between cases)."""
    global _local_bytes
    with _lock:
        _local.clear()
        _local_bytes = 0
    forget_window_memo()
