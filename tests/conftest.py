"""Shared fixtures. Every test gets a clean cache; data comes from tests/factories.py."""

import pytest
from django.core.cache import cache

from cms.news import response_cache


def _close_redis_breaker():
    # A test that stalled Redis (or a slow moment on a loaded machine) leaves the resilient client's
    # circuit breaker open in this process: the next test would run with no cache at all.
    client = getattr(cache, "_cache", None)
    if hasattr(client, "_down_until"):
        client._down_until = 0.0


@pytest.fixture(autouse=True)
def _clear_cache():
    _close_redis_breaker()
    cache.clear()
    response_cache.clear_local()
    yield
    cache.clear()
    response_cache.clear_local()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
