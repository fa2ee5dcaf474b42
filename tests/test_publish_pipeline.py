"""The publish pipeline (cms/publishing/services.py): publishing, unpublishing, moving, deleting
and restricting an article each log it for member units, bump the content version (now and
after commit), ping the WebSub hub about its feeds after commit, purge the shared cache of exactly
the surrogate keys concerned after commit, and leave search telling the truth."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from api.models import ArticleChange
from cms.http_cache import purge
from cms.http_cache.freshness import content_version
from cms.news.models import ArticlePage
from cms.news.selectors import published_articles, search_articles
from cms.search.models import ArticleSearchDocument
from tests.factories import CategoryFactory, MemberUnitFactory, corporate_index, make_article, unit_index
from tests.helpers import Hub, PurgeRecorder

pytestmark = pytest.mark.django_db

SITE_FEED = "http://testserver/feeds/atom.xml"


@pytest.fixture
def unit():
    return MemberUnitFactory(slug="vinh-tan")


@pytest.fixture
def article(unit):
    return make_article(title="Tổ máy phát điện trở lại", units=[unit])


@pytest.fixture
def hub(settings):
    with Hub() as hub:
        settings.WEBSUB_HUB_URL = hub.url
        yield hub


def public_actions(article_id: int) -> list[str]:
    entries = ArticleChange.objects.filter(article_id=article_id, audience=ArticleChange.Audience.PUBLIC)
    return list(entries.order_by("pk").values_list("action", flat=True))


def pinged(hub) -> set[str]:
    return {ping["hub.url"] for ping in hub.pings}


def found(word: str) -> list[int]:
    return list(search_articles(published_articles(), word).values_list("pk", flat=True))


def assert_version_bumped_now_and_after_commit(change, capture) -> None:
    before = int(content_version())
    with capture(execute=False) as callbacks:
        change()
        during = int(content_version())
    for callback in callbacks:
        callback()
    assert before < during < int(content_version())


def move_to(article: ArticlePage, parent: Page) -> None:
    ArticlePage.objects.get(pk=article.pk).move(type(parent).objects.get(pk=parent.pk), pos="last-child")


# --- Publishing -------------------------------------------------------------------------------


def test_publishing_an_article_logs_it_for_member_units(article):
    assert public_actions(article.pk) == ["published"]


def test_publishing_bumps_the_content_version_now_and_after_commit(django_capture_on_commit_callbacks):
    draft = make_article(publish=False)
    assert_version_bumped_now_and_after_commit(
        lambda: draft.save_revision().publish(), django_capture_on_commit_callbacks
    )


def test_publishing_pings_the_hub_about_the_articles_feeds_after_commit(hub, unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article(units=[unit])
    assert hub.pings == []
    for callback in callbacks:
        callback()
    assert {SITE_FEED, "http://testserver/feeds/units/vinh-tan/atom.xml"} <= pinged(hub)


def test_publishing_a_new_revision_updates_the_search_index(article):
    article.title = "Nhà máy hoàn thành đại tu"
    article.save_revision().publish()
    assert found("đại tu") == [article.pk]
    assert "dai tu" in ArticleSearchDocument.objects.get(article_id=article.pk).title


# --- Unpublishing -----------------------------------------------------------------------------


def test_unpublishing_logs_it_for_member_units(article):
    article.unpublish()
    assert public_actions(article.pk) == ["published", "unpublished"]


def test_unpublishing_bumps_the_content_version_now_and_after_commit(article, django_capture_on_commit_callbacks):
    assert_version_bumped_now_and_after_commit(article.unpublish, django_capture_on_commit_callbacks)


def test_unpublishing_pings_the_hub_about_the_articles_feeds(article, hub, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert {SITE_FEED, "http://testserver/feeds/units/vinh-tan/atom.xml"} <= pinged(hub)


def test_an_unpublished_article_is_no_longer_found(article):
    assert found("phát điện") == [article.pk]
    article.unpublish()
    assert found("phát điện") == []


# --- Moving -----------------------------------------------------------------------------------


def test_moving_a_live_article_logs_an_update_for_member_units(article, unit):
    move_to(article, unit_index(unit))
    assert public_actions(article.pk) == ["published", "updated"]


def test_moving_bumps_the_content_version_now_and_after_commit(article, unit, django_capture_on_commit_callbacks):
    assert_version_bumped_now_and_after_commit(
        lambda: move_to(article, unit_index(unit)), django_capture_on_commit_callbacks
    )


def test_moving_to_another_section_pings_the_hub_about_its_feeds(
    article, unit, hub, django_capture_on_commit_callbacks
):
    section = unit_index(unit)
    with django_capture_on_commit_callbacks(execute=True):
        move_to(article, section)
    assert {SITE_FEED, "http://testserver/feeds/units/vinh-tan/atom.xml"} <= pinged(hub)


def test_reordering_among_siblings_changes_no_url_and_pings_nothing(
    article, unit, hub, django_capture_on_commit_callbacks
):
    make_article(units=[unit])
    with django_capture_on_commit_callbacks(execute=True):
        move_to(article, corporate_index())
    assert hub.pings == []


def test_a_moved_article_is_found_at_its_new_address(article, unit, client):
    section = unit_index(unit)
    move_to(article, section)
    assert found("phát điện") == [article.pk]
    result = client.get("/api/v1/articles/", {"q": "phát điện"}).json()["results"][0]
    assert result["url"].startswith(f"http://testserver{section.url}")


# --- Deleting ---------------------------------------------------------------------------------


def test_deleting_logs_it_for_member_units(article):
    ArticlePage.objects.get(pk=article.pk).delete()
    assert public_actions(article.pk) == ["published", "deleted"]


def test_deleting_bumps_the_content_version_now_and_after_commit(article, django_capture_on_commit_callbacks):
    assert_version_bumped_now_and_after_commit(
        lambda: ArticlePage.objects.get(pk=article.pk).delete(), django_capture_on_commit_callbacks
    )


def test_deleting_a_live_article_pings_the_hub_about_its_feeds(article, hub, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert {SITE_FEED, "http://testserver/feeds/units/vinh-tan/atom.xml"} <= pinged(hub)


def test_deleting_removes_the_article_from_the_search_index(article):
    ArticlePage.objects.get(pk=article.pk).delete()
    assert not ArticleSearchDocument.objects.filter(article_id=article.pk).exists()
    assert found("phát điện") == []


# --- View restrictions and names ----------------------------------------------------------------


def test_restricting_an_article_logs_it_as_gone_for_the_public(article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert public_actions(article.pk) == ["published", "unpublished"]


def test_restricting_bumps_the_content_version_and_pings_the_hub(article, hub, django_capture_on_commit_callbacks):
    before = int(content_version())
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert int(content_version()) > before
    assert SITE_FEED in pinged(hub)


def test_deleting_a_restricted_article_never_shows_it_as_public_in_the_log(article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    ArticlePage.objects.get(pk=article.pk).delete()
    assert public_actions(article.pk) == ["published", "unpublished", "deleted"]


def test_renaming_a_unit_bumps_the_content_version(unit, django_capture_on_commit_callbacks):
    unit.name = "Nhiệt điện Vĩnh Tân"
    assert_version_bumped_now_and_after_commit(unit.save, django_capture_on_commit_callbacks)


# --- Shared cache (Varnish) purges --------------------------------------------------------------

ARTICLE_KEYS_BESIDES_ITS_OWN = {"unit-vinh-tan", "feed", "home", "list", "sitemap"}


@pytest.fixture
def shared_cache(settings):
    """A cache in front that records the surrogate keys each purge names."""
    with PurgeRecorder() as cache:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "cms.http_cache.purge.VarnishBackend", "LOCATION": cache.url}
        }
        yield cache


def test_publishing_purges_the_articles_keys_after_commit(shared_cache, unit, django_capture_on_commit_callbacks):
    category = CategoryFactory(slug="san-xuat")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article(units=[unit], categories=[category], tags=["công đoàn"])
    assert shared_cache.purges == []
    for callback in callbacks:
        callback()
    assert shared_cache.keys == {
        f"article-{article.pk}",
        "category-san-xuat",
        "tag-cong-doan",
        *ARTICLE_KEYS_BESIDES_ITS_OWN,
    }


def test_publishing_into_other_units_purges_the_units_it_left_too(
    shared_cache, article, django_capture_on_commit_callbacks
):
    other = MemberUnitFactory(slug="song-hinh")
    article = ArticlePage.objects.get(pk=article.pk)
    article.units = [other]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert {"unit-vinh-tan", "unit-song-hinh", f"article-{article.pk}"} <= shared_cache.keys


def test_unpublishing_purges_the_articles_keys(shared_cache, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert shared_cache.keys == {f"article-{article.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_moving_an_article_purges_its_keys(shared_cache, article, unit, django_capture_on_commit_callbacks):
    section = unit_index(unit)
    with django_capture_on_commit_callbacks(execute=True):
        move_to(article, section)
    assert shared_cache.keys == {f"article-{article.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_moving_a_section_purges_everything_its_menu_is_on(shared_cache, unit, django_capture_on_commit_callbacks):
    section = unit_index(unit)
    with django_capture_on_commit_callbacks(execute=True):
        section.move(corporate_index(), pos="first-child")
    assert shared_cache.keys == {purge.EVERYTHING}


def test_deleting_a_live_article_purges_its_keys(shared_cache, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert shared_cache.keys == {f"article-{article.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_scheduled_publishing_purges_the_articles_keys(shared_cache, unit, django_capture_on_commit_callbacks):
    draft = make_article(units=[unit], publish=False)
    draft.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=draft.pk).live
    assert shared_cache.keys == {f"article-{draft.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_expiry_purges_the_articles_keys(shared_cache, article, django_capture_on_commit_callbacks):
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert shared_cache.keys == {f"article-{article.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_restricting_an_article_purges_its_keys(shared_cache, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert shared_cache.keys == {f"article-{article.pk}", *ARTICLE_KEYS_BESIDES_ITS_OWN}


def test_a_units_entitlement_change_purges_nothing_shared(shared_cache, unit, django_capture_on_commit_callbacks):
    # Only API-key callers see what it decides, and their answers are private.
    unit_index(unit)  # its section exists already (else saving the unit adds it, and the menu changes)
    with django_capture_on_commit_callbacks(execute=True):
        unit.receives_internal_news = not unit.receives_internal_news
        unit.save()
    assert shared_cache.purges == []


def test_renaming_a_unit_purges_everything_its_name_is_on(shared_cache, unit, django_capture_on_commit_callbacks):
    unit_index(unit)
    with django_capture_on_commit_callbacks(execute=True):
        unit.name = "Nhà máy Thủy điện Vĩnh Tân"
        unit.save()
    assert shared_cache.keys == {purge.EVERYTHING}


def test_a_rolled_back_publish_purges_nothing(shared_cache, unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article(units=[unit])
    # The transaction never commits: the callbacks are dropped, not run.
    assert callbacks and shared_cache.purges == []


def test_without_a_shared_cache_publishing_enqueues_no_purge(article, monkeypatch, django_capture_on_commit_callbacks):
    enqueued = []
    monkeypatch.setattr(purge, "_enqueue", enqueued.append)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert enqueued == []
