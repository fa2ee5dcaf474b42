"""Validators that change only when the body does: a publish in unit B leaves unit A's feeds, its
API list and the details B's article does not touch answering 304 to the copies their clients
hold (by ETag and by Last-Modified), while everything that shows B's article changes."""

import datetime

import pytest
from django.utils import timezone

from cms.news.models import ArticlePage
from tests.factories import CategoryFactory, MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db

FEED_FILES = ("rss.xml", "atom.xml", "feed.json")


@pytest.fixture(params=["response cache on", "response cache off"])
def cache_mode(request, settings):
    """The default cache (local memory, or Redis with REDIS_URL) with the server's response cache
    on, and with nothing kept between requests (every request renders afresh)."""
    if request.param == "response cache off":
        settings.API_CACHE_SECONDS = 0
        settings.FEED_CACHE_SECONDS = 0
    return request.param


@pytest.fixture
def later(monkeypatch):
    """Move Django's clock (every freshness decision reads it) an hour on: a new body then gets
    a Last-Modified an If-Modified-Since of the old one cannot match by the second."""

    def advance():
        moment = timezone.now() + datetime.timedelta(hours=1)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return advance


@pytest.fixture
def units():
    unit_a = MemberUnitFactory(slug="nhiet-dien-a", name="Nhiệt điện A")
    unit_b = MemberUnitFactory(slug="thuy-dien-b", name="Thủy điện B")
    make_article(title="Tin của đơn vị A", units=[unit_a])
    make_article(title="Tin cũ của đơn vị B", units=[unit_b])
    return unit_a, unit_b


def unit_urls(slug: str) -> list[str]:
    return [f"/feeds/units/{slug}/{name}" for name in FEED_FILES] + [f"/api/v1/articles/?unit={slug}"]


SITE_WIDE = [f"/feeds/{name}" for name in FEED_FILES] + ["/api/v1/articles/"]


def copies(client, urls: list[str]) -> dict[str, tuple[str, str]]:
    """What a client holds for each URL: (ETag, Last-Modified)."""
    held = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        held[url] = (response["ETag"], response["Last-Modified"])
    return held


def test_unit_a_keeps_its_304s_when_unit_b_publishes(client, cache_mode, units, later):
    unit_a, unit_b = units
    held = copies(client, unit_urls(unit_a.slug))
    later()

    make_article(title="Tin mới của đơn vị B", units=[unit_b])

    for url, (etag, last_modified) in held.items():
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert by_etag.status_code == 304, url
        assert by_etag["ETag"] == etag
        assert by_etag["Last-Modified"] == last_modified
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304, url


def test_what_shows_the_new_article_answers_200_with_new_validators(client, cache_mode, units, later):
    _unit_a, unit_b = units
    held = copies(client, unit_urls(unit_b.slug) + SITE_WIDE)
    later()

    make_article(title="Tin mới của đơn vị B", units=[unit_b])

    for url, (etag, last_modified) in held.items():
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert by_etag.status_code == 200, url
        assert by_etag["ETag"] != etag, url
        assert "Tin mới của đơn vị B" in by_etag.content.decode(), url
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200, url


def test_an_unpublished_article_changes_its_list_though_nothing_newer_was_published(client, cache_mode, later):
    unit = MemberUnitFactory(slug="don-vi-go-bai")
    make_article(title="Tin ở lại", units=[unit])
    leaving = make_article(title="Tin bị gỡ", units=[unit])
    held = copies(client, unit_urls(unit.slug))
    later()

    ArticlePage.objects.get(pk=leaving.pk).unpublish()

    for url, (etag, last_modified) in held.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200, url
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200, url


def test_editing_an_article_changes_its_detail_and_leaves_an_unrelated_detail_valid(client, cache_mode, units, later):
    unit_a, unit_b = units
    edited = ArticlePage.objects.get(title="Tin cũ của đơn vị B")
    untouched = ArticlePage.objects.get(title="Tin của đơn vị A")
    held = copies(client, [f"/api/v1/articles/{edited.pk}/", f"/api/v1/articles/{untouched.pk}/"])
    later()

    edited.title = "Tin của đơn vị B, đã sửa"
    edited.save_revision().publish()

    edited_etag, edited_since = held[f"/api/v1/articles/{edited.pk}/"]
    response = client.get(f"/api/v1/articles/{edited.pk}/", HTTP_IF_NONE_MATCH=edited_etag)
    assert response.status_code == 200
    assert response.json()["title"] == "Tin của đơn vị B, đã sửa"
    assert response["ETag"] != edited_etag
    assert client.get(f"/api/v1/articles/{edited.pk}/", HTTP_IF_MODIFIED_SINCE=edited_since).status_code == 200

    untouched_etag, untouched_since = held[f"/api/v1/articles/{untouched.pk}/"]
    assert client.get(f"/api/v1/articles/{untouched.pk}/", HTTP_IF_NONE_MATCH=untouched_etag).status_code == 304
    assert client.get(f"/api/v1/articles/{untouched.pk}/", HTTP_IF_MODIFIED_SINCE=untouched_since).status_code == 304


def test_category_and_tag_feeds_keep_their_304s_when_another_unit_publishes(client, cache_mode, later):
    category = CategoryFactory(slug="an-toan-lao-dong")
    make_article(title="Tin an toàn", categories=[category], tags=["bảo hộ"])
    urls = [f"/feeds/categories/{category.slug}/atom.xml", "/feeds/tags/bao-ho/rss.xml"]
    held = copies(client, urls)
    later()

    make_article(title="Tin khác", units=[MemberUnitFactory(slug="don-vi-khac")])

    for url, (etag, last_modified) in held.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304, url


def test_every_filter_and_cursor_of_a_unit_list_keeps_its_etag(client, cache_mode, units):
    unit_a, unit_b = units
    for number in range(3):
        make_article(title=f"Tin A số {number}", units=[unit_a])
    first = client.get(f"/api/v1/articles/?unit={unit_a.slug}&limit=2").json()
    urls = [
        f"/api/v1/articles/?unit={unit_a.slug}&limit=2",
        first["next"].removeprefix("http://testserver"),
        f"/api/v1/articles/?unit={unit_a.slug}&ordering=title&fields=title",
        f"/api/v1/articles/?unit={unit_a.slug}&q=tin",
    ]
    held = copies(client, urls)

    make_article(title="Tin mới của đơn vị B", units=[unit_b])

    for url, (etag, _last_modified) in held.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url


def test_with_no_cache_at_all_an_unchanged_body_still_answers_304_to_its_etag(client, settings, units):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    unit_a, unit_b = units
    held = copies(client, unit_urls(unit_a.slug))

    make_article(title="Tin mới của đơn vị B", units=[unit_b])

    for url, (etag, _last_modified) in held.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
