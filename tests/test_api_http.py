"""HTTP citizenship: conditional GET, caching and its invalidation, CORS, gzip, rate limits, read-only."""

import gzip
import json

import pytest
from django.conf import settings as django_settings
from django.utils.http import http_date

from cms.news.models import ArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/articles/",
    "/api/v1/articles/most-viewed/",
    "/api/v1/units/",
    "/api/v1/categories/",
    "/api/v1/tags/",
    "/api/v1/changes/",
]


@pytest.fixture
def article():
    return make_article(tags=["an-toan"])


@pytest.mark.parametrize("url", ENDPOINTS + ["detail"])
def test_every_get_has_validators_and_a_short_max_age(client, article, url):
    url = f"/api/v1/articles/{article.pk}/" if url == "detail" else url
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"]
    # The browser's short max-age first; the shared cache's directives follow (test_http_shared_cache.py).
    assert response["Cache-Control"].startswith(f"public, max-age={django_settings.API_MAX_AGE}, s-maxage=")


@pytest.mark.parametrize("url", ENDPOINTS + ["detail"])
def test_if_none_match_answers_304(client, article, url):
    url = f"/api/v1/articles/{article.pk}/" if url == "detail" else url
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": '"autre"'}).status_code == 200


def test_weak_etag_from_gzip_still_matches(client, article):
    etag = client.get("/api/v1/articles/")["ETag"]
    assert client.get("/api/v1/articles/", headers={"If-None-Match": f"W/{etag}"}).status_code == 304


def test_if_modified_since_answers_304_until_something_changes(client, article):
    first = client.get("/api/v1/articles/")
    since = first["Last-Modified"]
    assert client.get("/api/v1/articles/", headers={"If-Modified-Since": since}).status_code == 304
    older = http_date(article.last_published_at.timestamp() - 3600)
    assert client.get("/api/v1/articles/", headers={"If-Modified-Since": older}).status_code == 200


def test_publishing_invalidates_the_cached_list(client, article):
    first = client.get("/api/v1/articles/")
    newer = make_article()
    second = client.get("/api/v1/articles/", headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert newer.pk in [item["id"] for item in second.json()["results"]]


def test_unpublishing_invalidates_the_cached_list_and_detail(client, article):
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200
    assert client.get("/api/v1/articles/").json()["results"]
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get("/api/v1/articles/").json()["results"] == []
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404


def test_cached_response_is_served_without_touching_the_database(client, article, django_assert_num_queries):
    client.get("/api/v1/articles/")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/articles/").status_code == 200


def test_gzip_when_the_client_accepts_it(client, article):
    response = client.get("/api/v1/articles/", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["results"][0]["id"] == article.pk


def test_cors_allows_configured_origins_without_credentials(client, settings, article):
    settings.CORS_ALLOWED_ORIGINS = ["https://nhietdiencantho.vn"]
    response = client.get("/api/v1/articles/", headers={"Origin": "https://nhietdiencantho.vn"})
    assert response["Access-Control-Allow-Origin"] == "https://nhietdiencantho.vn"
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_refuses_other_origins(client, settings, article):
    settings.CORS_ALLOWED_ORIGINS = ["https://nhietdiencantho.vn"]
    response = client.get("/api/v1/articles/", headers={"Origin": "https://ke-la.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_cors_preflight_for_an_allowed_origin(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://nhietdiencantho.vn"]
    response = client.options(
        "/api/v1/articles/",
        headers={"Origin": "https://nhietdiencantho.vn", "Access-Control-Request-Method": "GET"},
    )
    assert response["Access-Control-Allow-Origin"] == "https://nhietdiencantho.vn"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/articles/1/", "/api/v1/changes/", "/api/v1/units/"])
def test_write_methods_answer_405(client, method, url):
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response.json()["errors"]["detail"]


def test_anonymous_callers_are_rate_limited_with_retry_after(client, settings, article):
    settings.REST_FRAMEWORK = {
        **django_settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "3/min", "api_key": "100/min"},
    }
    statuses = [client.get("/api/v1/articles/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/articles/")
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["errors"]["detail"]


def test_rate_limit_counts_per_address_not_per_forged_header(client, settings, article):
    settings.REST_FRAMEWORK = {
        **django_settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "2/min", "api_key": "100/min"},
    }
    statuses = [client.get("/api/v1/units/", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code for n in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/units/", "/api/v1/articles/?limit=5&ordering=title"])
def test_a_stored_answer_has_the_same_headers_and_body_as_the_first(client, article, url):
    # The second GET is served from the response cache before DRF (api/http_caching.py).
    first, second = client.get(url), client.get(url)
    assert second.status_code == first.status_code == 200
    assert second.content == first.content
    for name in ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary", "Allow"):
        assert second.get(name) == first.get(name), name


def test_a_stored_answer_still_refuses_a_client_that_does_not_accept_json(client, article):
    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get("/api/v1/articles/", HTTP_ACCEPT="text/html").status_code == 406
    assert client.get("/api/v1/articles/", HTTP_ACCEPT="application/json").status_code == 200
