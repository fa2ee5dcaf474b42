"""One version stamp for "what the public may see", shared by every app server.

The API and the feeds key their cached responses and their ETags on `content_version()`.
Anything that can change what is published — publish, unpublish, move, delete, a view
restriction added or removed, a unit, category or author renamed — calls `bump_content_version()`
(the publish pipeline: cms/publishing/services.py).

What no signal announces is a publication window opening or closing (`go_live_at`,
`expire_at`) between two runs of `publish_scheduled`. `next_window_change()` gives, per content
version, the next moment that happens to a live page; a cached response lives no longer than
that moment (response_cache.py), so it never outlives what it shows.

The stamp is an integer in the shared cache that only grows (`incr`; after a flush it restarts
from the clock, above every earlier value). With Redis, each bump is also published on a
pub/sub channel, and every process keeps the latest stamp it heard in memory: reading the
version, which every cached response and every 304 needs, then costs no round trip to Redis.
A process trusts its copy only while its listener is connected and has heard from Redis (a
message or a ping answer) within `LISTENER_STALE_AFTER` seconds; otherwise it reads the shared
cache as before. The process that bumps adopts the new stamp at once, so its own next request
never sees the old one; the others hear of it within milliseconds.
"""

import datetime
import logging
import os
import threading
import time

from django.core.cache import cache, caches
from django.core.signals import setting_changed
from django.utils import timezone
from django_redis import get_redis_connection
from django_redis.cache import RedisCache

logger = logging.getLogger(__name__)

# A key of its own for the microsecond stamp: the earlier keys may still hold a hex stamp or a
# nanosecond one.
VERSION_KEY = "news:content-version"
WINDOW_KEY = "news:next-window"
LISTENER_PING_EVERY = 1.0
LISTENER_STALE_AFTER = 3.0


def content_version() -> str:
    """The current stamp; created on first use (and again if the cache was flushed)."""
    heard = _listener().current()
    if heard is not None:
        return str(heard)
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _restart_from_clock()
    return str(version)


def bump_content_version(**_signal_kwargs) -> None:
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # no stamp yet (first use, a flushed cache) or the cache unreachable
        version = _restart_from_clock()
    _listener().announce(version)


def now() -> float:
    """The clock every freshness decision reads (Django's, so a test that fixes
    `timezone.now` fixes it for the queries and for the caches alike)."""
    return timezone.now().timestamp()


# (content version, since when, next window change) as this process last learnt it.
_window_memo: tuple[str, float, float | None] = ("", 0.0, None)


def next_window_change(version: str, *, after: float | None = None) -> float | None:
    """Unix time of the first moment after `after` (default: now) at which a live page's
    publication window opens or closes, as of content `version`; None when there is none.

    Kept per process and in the shared cache, and read from the database (two index lookups
    in one query) only when the version is new or the moment has come: in the steady state a
    cached response costs no query and no round trip for it.
    """
    global _window_memo
    after = now() if after is None else after
    memo_version, since, moment = _window_memo
    if memo_version == version and since <= after and (moment is None or moment > after):
        return moment
    key = f"{WINDOW_KEY}:{version}"
    stored = cache.get(key)
    if stored is not None and stored[0] <= after and (stored[1] is None or stored[1] > after):
        since, moment = stored
    else:
        since, moment = after, _next_window_change_in_database(after)
        # The version keys it; a moment gone by is recomputed, whatever the cache's clock says.
        cache.set(key, (since, moment), 86400)
    _window_memo = (version, since, moment)
    return moment


def _next_window_change_in_database(after: float) -> float | None:
    from django.db import connection
    from wagtail.models import Page

    moment = datetime.datetime.fromtimestamp(after, tz=datetime.UTC)
    pages = connection.ops.quote_name(Page._meta.db_table)
    # One query, two scalar subqueries, each an index probe on its partial index (news 0009).
    # (The ORM cannot put two LIMITed queries in one statement on SQLite.)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MIN(go_live_at) FROM {pages} WHERE live AND go_live_at > %s),"
            f" (SELECT MIN(expire_at) FROM {pages} WHERE live AND expire_at > %s)",
            [connection.ops.adapt_datetimefield_value(moment)] * 2,
        )
        row = cursor.fetchone()
    moments = [_as_datetime(value) for value in row if value is not None]
    return min(moments).timestamp() if moments else None


def _as_datetime(value) -> datetime.datetime:
    """A raw column value as an aware datetime (SQLite hands back text)."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)
    return value


def forget_window_memo() -> None:
    """Forget this process's copy (tests that clear the shared cache)."""
    global _window_memo
    _window_memo = ("", 0.0, None)


def _clock_stamp() -> int:
    # Microseconds, below 2**53: django-redis increments in a Lua script, whose numbers are
    # doubles, so a larger stamp would come back rounded (and a bump could seem to change nothing).
    return time.time_ns() // 1000


def _restart_from_clock() -> int:
    """A stamp above every earlier one (they started from an earlier clock reading and only
    grew by one per change), stored unless another process stored one first."""
    cache.add(VERSION_KEY, _clock_stamp(), timeout=None)
    stored = cache.get(VERSION_KEY)
    return int(stored) if stored is not None else _clock_stamp()


class _VersionListener:
    """This process's subscription to the stamp's pub/sub channel (Redis caches only)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = None
        self._version: int | None = None
        self._heard_at = 0.0
        self._generation = 0  # bumped by reset(): older listener threads then stop

    def current(self) -> int | None:
        """The stamp heard from Redis, or None when this process cannot vouch for it."""
        if self._pid != os.getpid():
            if _redis_cache():
                self._start()
            return None
        if self._version is None or time.monotonic() - self._heard_at > LISTENER_STALE_AFTER:
            return None
        return self._version

    def announce(self, version: int) -> None:
        """Tell every process (this one at once) about a new stamp."""
        if not _redis_cache():
            return
        self._advance(version)
        try:
            get_redis_connection(write=True).publish(_channel(), version)
        except Exception as error:  # Redis down: the others read the shared stamp themselves
            logger.warning("Could not announce content version %s: %s", version, error)

    def _advance(self, version: int, generation: int | None = None) -> None:
        with self._lock:
            if generation is not None and generation != self._generation:
                return  # a listener that reset() retired
            if self._version is None or version > self._version:
                self._version = version
            self._heard_at = time.monotonic()

    def _heard(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._heard_at = time.monotonic()

    def _forget(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._version = None

    def reset(self, **_signal_kwargs) -> None:
        """Forget the stamp and stop listening (the cache settings changed, in tests)."""
        with self._lock:
            self._pid = None
            self._version = None
            self._generation += 1

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()  # a forked worker starts its own listener
            self._version = None
            self._generation += 1
            generation = self._generation
        threading.Thread(target=self._listen, args=(generation,), name="content-version", daemon=True).start()

    def _current_generation(self, generation: int) -> bool:
        return generation == self._generation

    def _listen(self, generation: int) -> None:
        while self._current_generation(generation):
            try:
                self._follow(generation)
            except Exception as error:
                logger.info("Content version listener reconnecting: %s", error)
            if self._current_generation(generation):
                self._forget(generation)
                time.sleep(LISTENER_PING_EVERY)

    def _follow(self, generation: int) -> None:
        pubsub = get_redis_connection(write=True).pubsub(ignore_subscribe_messages=True)
        try:
            pubsub.subscribe(_channel())
            pubsub.get_message(timeout=LISTENER_PING_EVERY)  # the subscription is confirmed
            # Subscribed first, read second: a bump in between is heard, not lost.
            stored = cache.get(VERSION_KEY)
            self._advance(int(stored) if stored is not None else _restart_from_clock(), generation)
            last_ping = time.monotonic()
            while self._current_generation(generation):
                message = pubsub.get_message(timeout=LISTENER_PING_EVERY)
                if message is not None and message["type"] == "message":
                    self._advance(int(message["data"]), generation)
                elif message is not None and message["type"] == "pong":
                    self._heard(generation)
                if time.monotonic() - last_ping >= LISTENER_PING_EVERY:
                    pubsub.ping()
                    last_ping = time.monotonic()
        finally:
            pubsub.close()


def _redis_cache() -> bool:
    return isinstance(caches["default"], RedisCache)


def _channel() -> str:
    # Pub/sub ignores database numbers: the channel names the database and the key prefix.
    database = get_redis_connection().connection_pool.connection_kwargs.get("db", 0)
    return f"{cache.make_key(VERSION_KEY)}:db{database}"


_LISTENER = _VersionListener()
setting_changed.connect(lambda setting, **kwargs: _LISTENER.reset() if setting == "CACHES" else None, weak=False)


def _listener() -> _VersionListener:
    return _LISTENER
