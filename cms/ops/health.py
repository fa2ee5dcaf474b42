"""Liveness and readiness probes, cheap enough to poll every second.

`/healthz`: the process answers (no database, no cache). `/readyz`: the database and the cache
both answer; 503 with the failing part named otherwise, never a 500.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
READY_KEY = "ops:ready-probe"


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver error means "not ready", not a 500
        logger.warning("readyz: database unreachable", exc_info=True)
        return False


def _cache_ok() -> bool:
    try:
        stamp = str(time.monotonic_ns())
        cache.set(READY_KEY, stamp, timeout=10)
        return cache.get(READY_KEY) == stamp
    except Exception:  # any cache client error means "not ready", not a 500
        logger.warning("readyz: cache unreachable", exc_info=True)
        return False


@never_cache
def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    ready = all(checks.values())
    body = {"status": "ok" if ready else "unavailable", "checks": {k: "ok" if v else "fail" for k, v in checks.items()}}
    return JsonResponse(body, status=200 if ready else 503)
