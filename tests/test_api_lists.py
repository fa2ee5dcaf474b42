"""Units, categories, tags with article counts, and the most-viewed list."""

import datetime

import pytest
from django.utils import timezone

from cms.news.models import ArticleDailyViews
from tests.factories import CategoryFactory, MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_units_list_counts_published_articles_only(client):
    unit = MemberUnitFactory(name="Thủy điện Đa Nhim", slug="da-nhim", short_name="ĐN")
    make_article(units=[unit])
    make_article(units=[unit])
    make_article(units=[unit], publish=False)
    found = {item["slug"]: item for item in results(client, "/api/v1/units/")}
    assert found["da-nhim"] == {
        "slug": "da-nhim",
        "name": "Thủy điện Đa Nhim",
        "short_name": "ĐN",
        "website": "",
        "article_count": 2,
    }


def test_categories_list_counts_articles(client):
    category = CategoryFactory(name="Sản xuất", slug="san-xuat")
    make_article(categories=[category])
    empty = CategoryFactory()
    found = {item["slug"]: item["article_count"] for item in results(client, "/api/v1/categories/")}
    assert found == {"san-xuat": 1, empty.slug: 0}


def test_tags_list_shows_tags_of_published_articles_with_counts(client):
    make_article(tags=["an-toan", "chuyen-doi-so"])
    make_article(tags=["an-toan"])
    make_article(tags=["ban-nhap"], publish=False)
    found = {item["slug"]: item["article_count"] for item in results(client, "/api/v1/tags/")}
    assert found == {"an-toan": 2, "chuyen-doi-so": 1}


def _views(article, count, days_ago=0):
    ArticleDailyViews.objects.create(
        article=article, day=timezone.localdate() - datetime.timedelta(days=days_ago), views=count
    )


def test_most_viewed_ranks_by_recent_views(client):
    unit = MemberUnitFactory()
    popular, quiet, stale = make_article(units=[unit]), make_article(), make_article()
    _views(popular, 50)
    _views(quiet, 5, days_ago=2)
    _views(stale, 500, days_ago=30)
    found = results(client, "/api/v1/articles/most-viewed/", days=7)
    assert [(item["id"], item["views"]) for item in found] == [(popular.pk, 50), (quiet.pk, 5)]
    assert found[0]["title"] == popular.title and found[0]["url"].startswith("http://testserver/")
    assert [item["id"] for item in results(client, "/api/v1/articles/most-viewed/", days=90)][0] == stale.pk
    assert [item["id"] for item in results(client, "/api/v1/articles/most-viewed/", unit=unit.slug)] == [popular.pk]


def test_most_viewed_is_empty_until_views_are_recorded(client):
    make_article()
    assert results(client, "/api/v1/articles/most-viewed/") == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [({"days": "0"}, "days"), ({"days": "91"}, "days"), ({"days": "tuần"}, "days"), ({"unit": "khong-co"}, "unit")],
)
def test_most_viewed_rejects_bad_parameters(client, query, parameter):
    response = client.get("/api/v1/articles/most-viewed/", query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]
