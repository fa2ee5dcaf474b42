"""Issue 12, items 5 and 18: HEAD works wherever GET does, OPTIONS never fails."""

import pytest

from cms.website.preview_links import make_token
from tests.factories import CategoryFactory, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_urls(db) -> list[str]:
    category = CategoryFactory(slug="san-xuat")
    article = make_article(categories=[category])
    draft = make_article(publish=False)
    return [
        "/",
        article.url,
        "/tim-kiem/?q=dan+van",
        f"/gui-cho-ban-be/{article.pk}/",
        "/sitemap.xml",
        "/robots.txt",
        f"/chuyen-muc/{category.slug}/",
        f"/xem-truoc/{make_token(draft.pk)}/",
        "/feeds/rss.xml",
        "/api/v1/articles/",
        "/api/v1/docs/",
        "/api/v1/schema/",
    ]


def test_head_answers_like_get_without_a_body_on_every_page(client, site_urls):
    for url in site_urls:
        got = client.get(url)
        head = client.head(url)
        assert got.status_code == 200, url
        assert head.status_code == 200, url
        assert head.content == b"", url
        assert head["Content-Type"] == got["Content-Type"], url


def test_options_on_the_api_docs_answers_with_the_allowed_methods(client):
    response = client.options("/api/v1/docs/")
    assert response.status_code == 200
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("url", ["/api/v1/schema/", "/api/v1/articles/", "/api/v1/articles/1/", "/api/v1/changes/"])
def test_options_on_every_api_route_answers_without_a_server_error(client, url):
    assert client.options(url).status_code < 500
