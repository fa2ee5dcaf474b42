"""Health probes and the per-request JSON log line (issue 6)."""

import json
import logging

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}


def test_readyz_names_an_unreachable_cache_with_503(client, settings):
    # A Redis port nobody listens on, with the short timeouts production uses.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "CLIENT_CLASS": "cms.ops.redis_cache.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "fail"


def test_readyz_names_an_unreachable_database_with_503(client, monkeypatch):
    from cms.ops import health

    class BrokenCursor:
        def __enter__(self):
            raise OperationalError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", lambda: BrokenCursor())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "fail", "cache": "ok"}


def test_each_request_logs_one_json_line_with_status_duration_and_queries(client, caplog):
    with caplog.at_level(logging.INFO, logger="cms.requests"):
        client.get("/readyz")
    lines = [json.loads(record.getMessage()) for record in caplog.records if record.name == "cms.requests"]
    assert len(lines) == 1
    assert lines[0]["path"] == "/readyz"
    assert lines[0]["status"] == 200
    assert lines[0]["queries"] >= 1
    assert lines[0]["duration_ms"] >= 0
