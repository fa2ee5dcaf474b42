"""Django's RedisCache, made cheap per call and safe when Redis is down.

1. One redis-py client per connection pool. Django's `RedisCacheClient.get_client()` builds a
   `redis.Redis(connection_pool=…)` for every call, and redis-py 8 fills ~170 response callbacks
   in each constructor (bench/README.md).
2. Degrade to a cache miss. The cache only ever holds what can be rebuilt (rendered responses,
   the content version, rate-limit and view-count counters), so when Redis is unreachable or
   stalled every operation answers as if the key were absent instead of failing the request.
   After a failure this process leaves Redis alone for `REDIS_RETRY_AFTER` seconds (a circuit
   breaker), so a stalled Redis costs one socket timeout per process, not one per cache call.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
REDIS_RETRY_AFTER = 2.0


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._down_until = 0.0
        self._lock = threading.Lock()

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _call(self, operation: str, fallback, *args):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), operation)(*args)
        except RedisError as error:
            with self._lock:
                first = time.monotonic() >= self._down_until
                self._down_until = time.monotonic() + REDIS_RETRY_AFTER
            if first:
                logger.warning("Redis unavailable (%s); serving cache misses for %.0f s", error, REDIS_RETRY_AFTER)
            return fallback

    def add(self, key, value, timeout):
        return self._call("add", False, key, value, timeout)

    def get(self, key, default):
        return self._call("get", default, key, default)

    def set(self, key, value, timeout):
        return self._call("set", None, key, value, timeout)

    def touch(self, key, timeout):
        return self._call("touch", False, key, timeout)

    def delete(self, key):
        return self._call("delete", False, key)

    def get_many(self, keys):
        return self._call("get_many", {}, keys)

    def has_key(self, key):
        return self._call("has_key", False, key)

    def incr(self, key, delta):
        # Django's contract for a missing key is ValueError; callers already handle it.
        result = self._call("incr", None, key, delta)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def set_many(self, data, timeout):
        return self._call("set_many", [], data, timeout)

    def delete_many(self, keys):
        return self._call("delete_many", None, keys)

    def clear(self):
        return self._call("clear", False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
