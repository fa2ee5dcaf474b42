"""The service keeps answering when Redis or PostgreSQL fail (issue 6): a dead or stalled cache
degrades to cache misses, and a database outage answers 503 with Retry-After, never 500."""

import pytest
import redis
from django.db import OperationalError

from cms.ops import redis_cache
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nobody listens on port 1
        "OPTIONS": {
            "CLIENT_CLASS": "cms.ops.redis_cache.CircuitBreakerClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
}


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = DEAD_REDIS
    return settings


def test_with_redis_down_the_api_feeds_and_pages_still_answer(client, dead_redis):
    article = make_article(title="Tin khi Redis ngừng")
    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200
    assert client.get("/feeds/atom.xml").status_code == 200
    assert client.get(article.url).status_code == 200
    assert client.get("/").status_code == 200


def test_with_redis_down_editors_can_still_publish(dead_redis):
    article = make_article(title="Xuất bản khi Redis ngừng", publish=False)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.live


def test_with_redis_down_the_view_beacon_answers_without_counting(client, dead_redis):
    article = make_article()
    response = client.post(f"/luot-xem/{article.pk}/", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14)")
    assert response.status_code in (204, 404)  # never a 500


def test_after_one_failure_the_process_leaves_redis_alone_for_a_while(client, dead_redis, monkeypatch):
    calls = []
    original = redis.Redis.execute_command

    def counting(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    monkeypatch.setattr(redis_cache, "REDIS_RETRY_AFTER", 60.0)
    client.get("/api/v1/articles/")
    assert len(calls) == 1  # the first call failed and opened the circuit
    for _ in range(5):
        assert client.get("/api/v1/articles/").status_code == 200
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/api/v1/articles/", "application/json"), ("/feeds/rss.xml", "application/json"), ("/", "text/html")],
)
def test_a_database_outage_answers_503_with_retry_after(client, monkeypatch, path, content_type):
    import api.views
    import cms.news.models
    import feeds.scopes

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    for module in (api.views, feeds.scopes, cms.news.models):
        if hasattr(module, "published_articles"):
            monkeypatch.setattr(module, "published_articles", unreachable)
    monkeypatch.setattr("cms.news.selectors.published_articles", unreachable)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith(content_type)
