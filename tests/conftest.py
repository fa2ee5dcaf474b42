"""Shared fixtures. Every test gets a clean cache; data comes from tests/factories.py."""

import pytest
from django.core.cache import cache

from cms.news import response_cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    response_cache.clear_local()
    yield
    cache.clear()
    response_cache.clear_local()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
