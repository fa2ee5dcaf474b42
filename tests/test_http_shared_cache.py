"""Instructions for a shared cache in front (a CDN, Varnish): public responses say how long it
may keep them (`s-maxage`, never past a publication window) and serve them stale; personal ones
are private; every shared response names what it shows in `Surrogate-Key`, and
`keys_for_change` names what a change to an article must purge."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.models import ApiKey
from cms.http_cache.cache_control import privatized, public_cache_control
from cms.http_cache.surrogate_keys import SurrogateKeys, keys_for_change, scope_key
from cms.news.models import ArticleDailyViews, ArticlePage
from cms.website import preview_links
from tests.factories import CategoryFactory, MemberUnitFactory, make_article, unit_index

pytestmark = pytest.mark.django_db

SHARED = "s-maxage"


@pytest.fixture
def world():
    """Two units, a category and a tag; an article in each unit, one with a photo-less related one."""
    unit_a = MemberUnitFactory(slug="nhiet-dien-a", name="Nhiệt điện A")
    unit_b = MemberUnitFactory(slug="thuy-dien-b", name="Thủy điện B")
    category = CategoryFactory(slug="san-xuat", name="Sản xuất")
    first = make_article(title="Tin A một", units=[unit_a], categories=[category], tags=["điện"])
    second = make_article(title="Tin A hai", units=[unit_a], categories=[category])
    other = make_article(title="Tin B", units=[unit_b])
    return {"a": unit_a, "b": unit_b, "category": category, "first": first, "second": second, "other": other}


def directives(response) -> dict[str, int | None]:
    found = {}
    for directive in response["Cache-Control"].split(","):
        name, _sep, value = directive.strip().partition("=")
        found[name] = int(value) if value else None
    return found


def keys(response) -> set[str]:
    return set(response.get("Surrogate-Key", "").split())


def public_urls(world) -> list[str]:
    return [
        "/api/v1/articles/",
        f"/api/v1/articles/?unit={world['a'].slug}",
        f"/api/v1/articles/{world['first'].pk}/",
        "/api/v1/units/",
        "/feeds/atom.xml",
        f"/feeds/units/{world['a'].slug}/rss.xml",
        "/",
        unit_index(world["a"]).url,
        f"/chuyen-muc/{world['category'].slug}/",
        world["first"].url,
        "/tim-kiem/?q=tin",
        "/sitemap.xml",
    ]


def api_key(unit) -> str:
    key = ApiKey(unit=unit, name="Trang web đơn vị")
    raw = key.set_new_key()
    key.save()
    return raw


# --- Cache-Control ------------------------------------------------------------------------------


def test_every_public_response_tells_shared_caches_how_long_and_how_stale(client, settings, world):
    settings.SHARED_CACHE_MAX_AGE = 240
    settings.SHARED_CACHE_STALE_WHILE_REVALIDATE = 30
    settings.SHARED_CACHE_STALE_IF_ERROR = 3600
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        found = directives(response)
        assert "public" in found, url
        assert found[SHARED] == 240, url
        assert found["stale-while-revalidate"] == 30, url
        assert found["stale-if-error"] == 3600, url
        assert keys(response), url


def test_each_kind_keeps_its_own_short_browser_max_age(client, settings, world):
    settings.API_MAX_AGE, settings.FEED_MAX_AGE, settings.SITE_MAX_AGE = 61, 62, 63
    assert directives(client.get("/api/v1/articles/"))["max-age"] == 61
    assert directives(client.get("/feeds/rss.xml"))["max-age"] == 62
    assert directives(client.get("/"))["max-age"] == 63
    assert directives(client.get(world["first"].url))["max-age"] == 63


def test_a_304_carries_the_same_shared_cache_headers_and_keys(client, world):
    for url in ("/api/v1/articles/", f"/feeds/units/{world['a'].slug}/atom.xml"):
        first = client.get(url)
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again["Cache-Control"] == first["Cache-Control"]
        assert again["Surrogate-Key"] == first["Surrogate-Key"]


@pytest.mark.parametrize("header", ["HTTP_X_API_KEY", "HTTP_AUTHORIZATION"])
def test_api_key_callers_get_private_answers_without_surrogate_keys(client, world, header):
    raw = api_key(world["a"])
    value = raw if header == "HTTP_X_API_KEY" else f"Api-Key {raw}"
    for url in ("/api/v1/articles/", f"/api/v1/articles/{world['first'].pk}/", "/api/v1/units/"):
        client.get(url)  # the public answer is in the response cache: the keyed one is still private
        response = client.get(url, **{header: value})
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("private")
        assert SHARED not in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert "Surrogate-Key" not in response


def test_logged_in_editors_get_private_pages_api_and_feeds(client, django_user_model, world):
    client.force_login(django_user_model.objects.create_superuser("bien-tap", "bt@evngenco2.vn", "x"))
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"].startswith("private"), url
        assert SHARED not in response["Cache-Control"], url
        assert "Surrogate-Key" not in response, url


def test_a_request_with_a_csrf_cookie_is_private(world):
    reader = Client()
    reader.cookies["csrftoken"] = "x" * 32
    for url in ("/", world["first"].url, "/feeds/rss.xml", "/api/v1/articles/"):
        assert reader.get(url)["Cache-Control"].startswith("private"), url


def test_previews_are_private(client, world):
    draft = make_article(title="Bản nháp", publish=False)
    preview = client.get(f"/xem-truoc/{preview_links.preview_link(draft.pk).rsplit('/xem-truoc/', 1)[1]}")
    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"] and SHARED not in preview["Cache-Control"]
    editor_preview = world["first"].make_preview_request()
    assert SHARED not in editor_preview.get("Cache-Control", "")
    assert "Surrogate-Key" not in editor_preview


def test_a_page_behind_a_password_is_never_shared(client, world):
    PageViewRestriction.objects.create(
        page=world["first"], restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    response = client.get(world["first"].url)
    assert response.status_code == 200  # the password form
    assert SHARED not in response.get("Cache-Control", "")
    assert "Surrogate-Key" not in response


def test_the_share_form_keeps_its_own_no_cache(client, world):
    response = client.get(f"/gui-cho-ban-be/{world['first'].pk}/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and SHARED not in response["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_made_private():
    assert privatized("public, max-age=60, s-maxage=300, stale-if-error=10") == "private, max-age=60"


def test_s_maxage_never_reaches_past_the_next_window_change(client, settings, world):
    settings.SHARED_CACHE_MAX_AGE = 3600
    ArticlePage.objects.filter(pk=world["second"].pk).update(expire_at=timezone.now() + datetime.timedelta(seconds=90))
    cache.clear()
    for url in ("/api/v1/articles/", f"/feeds/units/{world['a'].slug}/rss.xml", "/", world["first"].url):
        found = directives(client.get(url))
        assert found[SHARED] <= 90, url
        assert found["max-age"] <= 90, url
        # Served stale only while still short of the window: nothing left to be stale in.
        stale = max(found.get("stale-while-revalidate") or 0, found.get("stale-if-error") or 0)
        assert found[SHARED] + stale <= 90, url


def test_stale_directives_are_cut_to_what_is_left_before_a_window_change(settings, monkeypatch):
    settings.SHARED_CACHE_MAX_AGE, settings.SHARED_CACHE_STALE_WHILE_REVALIDATE = 100, 60
    settings.SHARED_CACHE_STALE_IF_ERROR = 600
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    value = public_cache_control(max_age=60, window_moves_at=now.timestamp() + 130)
    assert value == "public, max-age=60, s-maxage=100, stale-while-revalidate=30, stale-if-error=30"


# --- Surrogate keys -----------------------------------------------------------------------------


def test_api_lists_name_their_scope_and_their_articles(client, world):
    first, second, other = world["first"], world["second"], world["other"]
    assert keys(client.get("/api/v1/articles/")) == {"list", *(f"article-{a.pk}" for a in (first, second, other))}
    assert keys(client.get(f"/api/v1/articles/?unit={world['a'].slug}")) == {
        "unit-nhiet-dien-a",
        f"article-{first.pk}",
        f"article-{second.pk}",
    }
    both = keys(client.get("/api/v1/articles/?unit=nhiet-dien-a,thuy-dien-b&category=san-xuat"))
    assert {"unit-nhiet-dien-a", "unit-thuy-dien-b", "category-san-xuat"} <= both and "list" not in both
    assert keys(client.get("/api/v1/articles/?tag=dien")) == {"tag-dien", f"article-{first.pk}"}
    assert keys(client.get("/api/v1/units/")) == {"list"}
    assert keys(client.get("/api/v1/changes/?unit=thuy-dien-b")) == {"unit-thuy-dien-b"}


def test_api_detail_names_its_article_and_the_related_ones(client, world):
    first, second = world["first"], world["second"]
    response = client.get(f"/api/v1/articles/{first.pk}/")
    assert [item["id"] for item in response.json()["related"]] == [second.pk]
    assert response["Surrogate-Key"].split()[0] == f"article-{first.pk}"
    assert keys(response) == {f"article-{first.pk}", f"article-{second.pk}"}


def test_feeds_name_their_scope_and_their_entries(client, world):
    first, second, other = world["first"], world["second"], world["other"]
    assert keys(client.get("/feeds/rss.xml")) == {"feed", *(f"article-{a.pk}" for a in (first, second, other))}
    unit_feed = client.get("/feeds/units/nhiet-dien-a/feed.json")
    assert keys(unit_feed) == {"unit-nhiet-dien-a", f"article-{first.pk}", f"article-{second.pk}"}
    assert keys(client.get("/feeds/categories/san-xuat/atom.xml")) >= {"category-san-xuat", f"article-{first.pk}"}
    assert keys(client.get("/feeds/tags/dien/rss.xml")) == {"tag-dien", f"article-{first.pk}"}


def test_pages_name_what_they_show(client, world):
    first, second, other = world["first"], world["second"], world["other"]
    ArticleDailyViews.objects.create(article=other, day=timezone.localdate(), views=3)
    home = keys(client.get("/"))
    assert {"home", *(f"article-{a.pk}" for a in (first, second, other))} <= home
    section = keys(client.get(unit_index(world["a"]).url))
    assert {"unit-nhiet-dien-a", f"article-{first.pk}", f"article-{second.pk}"} <= section
    assert {"category-san-xuat", f"article-{first.pk}", f"article-{second.pk}"} <= keys(
        client.get("/chuyen-muc/san-xuat/")
    )
    page = keys(client.get(first.url))
    # Its own key, the related article, and the most viewed box's.
    assert {f"article-{first.pk}", f"article-{second.pk}", f"article-{other.pk}"} <= page
    assert "list" in keys(client.get("/tim-kiem/?q=tin"))
    assert keys(client.get("/sitemap.xml")) == {"sitemap"}


def test_a_surrogate_key_header_past_its_limit_falls_back_to_broader_keys(client, settings, world):
    settings.SURROGATE_KEY_MAX_BYTES = 30
    response = client.get("/feeds/units/nhiet-dien-a/atom.xml")
    assert keys(response) == {"unit-nhiet-dien-a", "list"}
    assert len(response["Surrogate-Key"]) <= 30
    many = SurrogateKeys(scope=[f"unit-don-vi-co-ten-rat-dai-{n}" for n in range(5)], article_ids=[1, 2])
    assert many.header() == "list"


def test_keys_for_change_name_everything_that_shows_the_article(world):
    first = world["first"]
    assert set(keys_for_change(first)) == {
        f"article-{first.pk}",
        "unit-nhiet-dien-a",
        "category-san-xuat",
        "tag-dien",
        "feed",
        "home",
        "list",
        "sitemap",
    }


def test_every_response_that_shows_an_article_carries_one_of_its_change_keys(client, world):
    purged = set(keys_for_change(world["first"]))
    for url in public_urls(world):
        assert keys(client.get(url)) & purged, url
    unrelated = client.get(f"/feeds/units/{world['b'].slug}/rss.xml")
    assert not keys(unrelated) & purged  # B's feed is not purged by a change to A's article


def test_a_tag_slug_with_vietnamese_letters_gives_an_ascii_key():
    # Tags slugged before TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING may hold them (feeds/urls.py).
    assert scope_key("tag", "điện") == "tag-%C4%91i%E1%BB%87n"
