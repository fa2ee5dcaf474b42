"""Django's RedisCache, without building a new redis-py client for every cache operation.

Django's `RedisCacheClient.get_client()` makes a `redis.Redis(connection_pool=…)` per call, and
redis-py 8 fills ~170 response callbacks in each constructor: two cache reads per request cost
more CPU than the rest of a cached API response. The client is thread-safe and tied to its
connection pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PooledClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
