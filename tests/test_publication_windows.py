"""Publication windows hold at every read: an article before its `go_live_at` or past its
`expire_at` is gone from the page, the API and the feeds at that very moment, warm caches or
not, without waiting for `publish_scheduled`; no cached response or max-age outlives it."""

import datetime
import re

import pytest
from django.utils import timezone

from cms.news.models import ArticlePage
from tests.factories import CategoryFactory, make_article
from tests.feeds_data.reader import read_feed

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
FEEDS = ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"]


class Clock:
    """Django's clock, fixed and moved by hand (every freshness decision reads it)."""

    def __init__(self, monkeypatch):
        self.moment = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.moment)

    def advance(self, delta: datetime.timedelta) -> None:
        self.moment += delta


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def expiring(clock):
    """An article that expires in an hour, beside one that stays; both tagged and in one category."""
    category = CategoryFactory(slug="san-xuat", name="Sản xuất")
    staying = make_article(title="Tin còn lại", slug="tin-con-lai", categories=[category], tags=["điện"])
    leaving = make_article(
        title="Tin hết hạn sớm", slug="tin-het-han", lead="Sapo độc nhất hanhan", categories=[category], tags=["hạn"]
    )
    ArticlePage.objects.filter(pk=leaving.pk).update(expire_at=clock.moment + HOUR)
    return staying, leaving


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def _max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


def test_expired_article_is_404_at_its_url_before_publish_scheduled_runs(client, clock, expiring):
    _staying, leaving = expiring
    assert client.get(leaving.url).status_code == 200

    clock.advance(2 * HOUR)

    assert client.get(leaving.url).status_code == 404
    assert ArticlePage.objects.get(pk=leaving.pk).live  # the periodic job has not run
    assert leaving.make_preview_request().status_code == 200  # editors still preview it


def test_live_article_whose_go_live_at_is_ahead_is_404_until_its_window_opens(client, clock):
    article = make_article(title="Tin nhập sẵn", slug="tin-nhap-san")
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=clock.moment + HOUR)  # as an import leaves it
    assert client.get(article.url).status_code == 404
    assert article.pk not in _ids(client.get("/api/v1/articles/"))

    clock.advance(2 * HOUR)

    assert client.get(article.url).status_code == 200
    assert article.pk in _ids(client.get("/api/v1/articles/"))


def test_warm_api_caches_drop_an_expired_article_from_list_detail_related_tags_and_search(client, clock, expiring):
    staying, leaving = expiring
    list_url, search_url = "/api/v1/articles/", "/api/v1/articles/?q=hanhan"
    assert _ids(client.get(list_url)) == [leaving.pk, staying.pk] or set(_ids(client.get(list_url))) == {
        leaving.pk,
        staying.pk,
    }
    assert client.get(f"/api/v1/articles/{leaving.pk}/").status_code == 200
    related = client.get(f"/api/v1/articles/{staying.pk}/").json()["related"]
    assert [item["id"] for item in related] == [leaving.pk]
    assert "hạn" in [tag["name"] for tag in client.get("/api/v1/tags/").json()["results"]]
    assert _ids(client.get(search_url)) == [leaving.pk]

    clock.advance(2 * HOUR)

    assert _ids(client.get(list_url)) == [staying.pk]
    assert client.get(f"/api/v1/articles/{leaving.pk}/").status_code == 404
    assert client.get(f"/api/v1/articles/{staying.pk}/").json()["related"] == []
    assert "hạn" not in [tag["name"] for tag in client.get("/api/v1/tags/").json()["results"]]
    assert _ids(client.get(search_url)) == []


def test_warm_feeds_drop_an_expired_article_at_its_expiry(client, clock, expiring):
    _staying, leaving = expiring
    for path in FEEDS:
        assert "Tin hết hạn sớm" in read_feed(client.get(path)).titles

    clock.advance(2 * HOUR)

    for path in FEEDS:
        assert read_feed(client.get(path)).titles == ["Tin còn lại"], path


def test_warm_caches_show_an_article_the_moment_its_window_opens(client, clock):
    make_article(title="Tin đã có", slug="tin-da-co")
    article = make_article(title="Tin mở sau", slug="tin-mo-sau")
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=clock.moment + HOUR)
    assert article.pk not in _ids(client.get("/api/v1/articles/"))
    assert "Tin mở sau" not in read_feed(client.get("/feeds/atom.xml")).titles

    clock.advance(HOUR)

    assert article.pk in _ids(client.get("/api/v1/articles/"))
    assert "Tin mở sau" in read_feed(client.get("/feeds/atom.xml")).titles


def test_max_age_never_outlives_the_next_expiry(client, clock, settings):
    settings.API_MAX_AGE = settings.FEED_MAX_AGE = 600
    staying = make_article(title="Tin", slug="tin-ngan")
    ArticlePage.objects.filter(pk=staying.pk).update(expire_at=clock.moment + datetime.timedelta(seconds=30))
    for path in ["/api/v1/articles/", "/api/v1/tags/", "/feeds/rss.xml", "/feeds/feed.json"]:
        assert _max_age(client.get(path)) <= 30, path
        clock.advance(datetime.timedelta(seconds=10))
        assert _max_age(client.get(path)) <= 20, path  # the stored answer, its max-age shrinking
        clock.moment -= datetime.timedelta(seconds=10)


def test_a_warm_answer_with_an_expiry_ahead_costs_no_query(client, clock, expiring, django_assert_num_queries):
    client.get("/api/v1/articles/")
    client.get("/feeds/rss.xml")
    clock.advance(datetime.timedelta(minutes=1))
    with django_assert_num_queries(0):
        assert client.get("/api/v1/articles/").status_code == 200
        assert client.get("/feeds/rss.xml").status_code == 200
