"""django-redis's client with a circuit breaker, so that a stalled Redis never holds up requests.

The cache only ever holds what can be rebuilt (rendered responses, the content version,
rate-limit and view-count counters). django-redis already answers a miss when Redis fails
(`IGNORE_EXCEPTIONS`), each attempt bounded by `SOCKET_CONNECT_TIMEOUT`/`SOCKET_TIMEOUT`; but it
tries again on the next call, so with Redis stalled every cache call of every request would
wait out its timeout. After a failure this client leaves Redis alone for `REDIS_RETRY_AFTER`
seconds, failing at once (django-redis then answers the miss): a stalled Redis costs one
timeout per client and window, not one per cache call.

`incr` and `decr` keep Django's contract for a key the cache does not have, ValueError (the
callers start their counter again), instead of the None django-redis answers on a failure.

Settings: `CACHES["default"]["OPTIONS"]["CLIENT_CLASS"] = "cms.ops.redis_cache.CircuitBreakerClient"`.
"""

import logging
import time

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger(__name__)
REDIS_RETRY_AFTER = 2.0


class CircuitBreakerClient(DefaultClient):
    """django-redis's `DefaultClient`; after a failure, its cache operations fail at once for a while."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._open_until = 0.0

    def close_circuit(self) -> None:
        """Try Redis again at the next call."""
        self._open_until = 0.0

    def _guarded(self, operation, *args, **kwargs):
        if time.monotonic() < self._open_until:
            # What django-redis raises for a failed call, so that IGNORE_EXCEPTIONS answers the miss.
            raise ConnectionInterrupted(connection=None) from RedisConnectionError("circuit open")
        try:
            return operation(*args, **kwargs)
        except ConnectionInterrupted as error:
            if time.monotonic() >= self._open_until:
                logger.warning("Redis unavailable (%s); serving cache misses for %.0f s", error, REDIS_RETRY_AFTER)
            self._open_until = time.monotonic() + REDIS_RETRY_AFTER
            raise

    def _counted(self, operation, key, *args, **kwargs):
        try:
            return self._guarded(operation, key, *args, **kwargs)
        except ConnectionInterrupted as error:
            raise ValueError(f"Key {key!r} not found (Redis unavailable)") from error

    def add(self, *args, **kwargs):
        return self._guarded(super().add, *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._guarded(super().get, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guarded(super().set, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded(super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded(super().delete, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guarded(super().get_many, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded(super().set_many, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded(super().delete_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded(super().has_key, *args, **kwargs)

    def ttl(self, *args, **kwargs):
        return self._guarded(super().ttl, *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._guarded(super().clear, *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        return self._counted(super().incr, key, *args, **kwargs)

    def decr(self, key, *args, **kwargs):
        return self._counted(super().decr, key, *args, **kwargs)
