"""The content version that keys every cached response: it changes on every change, only grows,
and with Redis every process learns of a bump through pub/sub instead of asking Redis per request."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from cms.http_cache import freshness
from cms.http_cache.freshness import bump_content_version, content_version

ROOT = Path(__file__).resolve().parent.parent
needs_redis = pytest.mark.skipif(
    "Redis" not in settings.CACHES["default"]["BACKEND"], reason="pub/sub needs the Redis cache (set REDIS_URL)"
)


def wait_for(condition, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_every_bump_gives_a_larger_version():
    versions = [int(content_version())]
    for _ in range(3):
        bump_content_version()
        versions.append(int(content_version()))
    assert versions == sorted(set(versions))


def test_the_version_a_bump_announces_is_exactly_the_one_stored():
    # django-redis increments in Lua, whose numbers are doubles: a stamp past 2**53 came back rounded.
    for _ in range(3):
        bump_content_version()
        assert int(content_version()) == int(cache.get(freshness.VERSION_KEY))


def test_a_flushed_cache_restarts_above_every_earlier_version():
    bump_content_version()
    before = int(content_version())
    cache.clear()
    freshness._LISTENER.reset()
    assert int(content_version()) > before
    bump_content_version()
    assert int(content_version()) > before


@needs_redis
def test_a_bump_in_another_process_reaches_this_one_without_a_redis_read_per_request(monkeypatch):
    content_version()  # starts this process's listener
    assert wait_for(lambda: freshness._LISTENER.current() is not None), "the listener never connected"
    before = content_version()

    commands = []
    original = redis.Redis.execute_command

    def counting(self, *args, **kwargs):
        commands.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    for _ in range(100):
        assert content_version() == before
    assert commands == []  # answered from memory

    code = "import django; django.setup(); from cms.http_cache import freshness; freshness.bump_content_version()"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=60)
    assert wait_for(lambda: content_version() != before), "the other process's bump was never heard"
    assert int(content_version()) > int(before)


@needs_redis
def test_without_its_listener_a_process_reads_the_shared_version(monkeypatch):
    monkeypatch.setattr(freshness, "LISTENER_STALE_AFTER", -1.0)  # never trust the copy in memory
    before = content_version()
    cache.incr(freshness.VERSION_KEY)  # a bump that announced nothing
    assert int(content_version()) == int(before) + 1
