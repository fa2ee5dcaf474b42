"""Conditional requests on the API and the feeds, as RFC 9110 §13 reads (Django's
get_conditional_response): If-None-Match lists and `*`, HEAD, If-Match and If-Unmodified-Since."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

URLS = ["/api/v1/articles/", "/feeds/atom.xml"]


@pytest.fixture(autouse=True)
def article():
    return make_article(title="Tin có điều kiện")


@pytest.mark.parametrize("url", URLS)
def test_an_etag_anywhere_in_an_if_none_match_list_answers_304(client, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"khac", {etag}').status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 304


@pytest.mark.parametrize("url", URLS)
def test_head_with_the_current_etag_answers_304(client, url):
    etag = client.get(url)["ETag"]
    response = client.head(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


@pytest.mark.parametrize("url", URLS)
def test_a_304_keeps_the_validators_and_caching_headers(client, url):
    first = client.get(url)
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    for name in ("ETag", "Last-Modified", "Cache-Control"):
        assert response[name] == first[name], name
    if url.startswith("/api/"):
        assert response["Vary"].startswith("Authorization, X-Api-Key")


@pytest.mark.parametrize("url", URLS)
def test_if_match_another_etag_answers_412_and_the_current_one_200(client, url):
    etag = client.get(url)["ETag"]
    refused = client.get(url, HTTP_IF_MATCH='"phien-ban-cu"')
    assert refused.status_code == 412
    assert "Cache-Control" not in refused or "max-age" not in refused["Cache-Control"]
    assert client.get(url, HTTP_IF_MATCH=etag).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_if_unmodified_since_before_the_last_change_answers_412(client, url):
    assert client.get(url, HTTP_IF_UNMODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT").status_code == 412
    assert client.get(url, HTTP_IF_UNMODIFIED_SINCE=client.get(url)["Last-Modified"]).status_code == 200
