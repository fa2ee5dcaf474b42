"""Who sees what: anonymous callers and non-entitled keys see published public articles only;
keys of units entitled to internal news also see view-restricted ones. Nothing else leaks."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.models import ApiKey, ArticleChange
from cms.news.models import ArticleDailyViews, ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, MemberUnitFactory, make_article

pytestmark = pytest.mark.django_db

HIDDEN_KINDS = ["draft", "scheduled", "expired", "unpublished", "password", "login", "groups"]
RESTRICTED_KINDS = {"password", "login", "groups"}


def new_key(*, entitled: bool) -> tuple[ApiKey, str]:
    key = ApiKey(unit=MemberUnitFactory(receives_internal_news=entitled), name="Trang web đơn vị")
    raw = key.set_new_key()
    key.save()
    return key, raw


def hidden_article(kind: str) -> ArticlePage:
    """An article of `kind`, with its own unit, category, tag, author and title word, and views."""
    marker = f"bimat{kind}"
    fields = {}
    if kind == "scheduled":
        fields["go_live_at"] = timezone.now() + datetime.timedelta(days=3)
    article = make_article(
        title=f"Tin {marker}",
        units=[MemberUnitFactory(slug=f"unit-{kind}")],
        categories=[CategoryFactory(slug=f"cat-{kind}")],
        tags=[f"tag-{kind}"],
        author=AuthorFactory(slug=f"author-{kind}"),
        publish=kind not in ("draft",),
        **fields,
    )
    if kind == "expired":
        ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    elif kind == "unpublished":
        article.unpublish()
    elif kind == "password":
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="mat-khau")
    elif kind == "login":
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    elif kind == "groups":
        restriction = PageViewRestriction.objects.create(page=article, restriction_type="groups")
        restriction.groups.set([Group.objects.create(name=f"Nhóm {kind}")])
    ArticleDailyViews.objects.create(article_id=article.pk, day=timezone.localdate(), views=1000)
    return article


def visible_ids(client, kind: str, article: ArticlePage, headers: dict) -> set[int]:
    """Every way a caller could reach the article: lists with each filter, detail, most-viewed, changes."""
    found = set()
    queries = [
        {},
        {"unit": f"unit-{kind}"},
        {"category": f"cat-{kind}"},
        {"tag": f"tag-{kind}"},
        {"author": f"author-{kind}"},
        {"q": f"bimat{kind}"},
        {"slug": article.slug},
        {"date_from": "2000-01-01", "date_to": "2100-01-01"},
        {"updated_since": "2000-01-01T00:00:00Z"},
        {"ordering": "title"},
        {"ordering": "-last_published_at"},
    ]
    for query in queries:
        response = client.get("/api/v1/articles/", {**query, "limit": 100}, headers=headers)
        if response.status_code == 400 and set(query) <= {"tag", "author"}:
            # A tag or author only hidden articles use does not exist for this caller (issue 12).
            assert list(response.json()["errors"]) == list(query)
            continue
        assert response.status_code == 200, (query, response.content)
        found |= {item["id"] for item in response.json()["results"]}
        for item in response.json()["results"]:
            found |= {related["id"] for related in item.get("related", [])}
    detail = client.get(f"/api/v1/articles/{article.pk}/", headers=headers)
    if detail.status_code == 200:
        found.add(article.pk)
    else:
        assert detail.status_code == 404
    for days in (1, 90):
        most_viewed = client.get("/api/v1/articles/most-viewed/", {"days": days}, headers=headers).json()
        found |= {item["id"] for item in most_viewed["results"]}
    changes = client.get("/api/v1/changes/", {"limit": 500}, headers=headers).json()["results"]
    present = set()  # what a sync job holds after replaying the log (earlier, public entries may exist)
    for entry in changes:
        if entry["action"] in ("published", "updated"):
            present.add(entry["article_id"])
        else:
            present.discard(entry["article_id"])
    if kind != "expired":
        # An expired article was public when its `published` entry was logged; Wagtail's
        # `publish_scheduled` (run every minute in production) logs its removal: see below.
        found |= present
    if kind in ("draft", "scheduled"):
        assert article.pk not in {entry["article_id"] for entry in changes}  # never public: never logged
    return found


def counted(client, headers: dict, kind: str) -> dict[str, int]:
    counts = {}
    for url, slug in (("/api/v1/units/", f"unit-{kind}"), ("/api/v1/categories/", f"cat-{kind}")):
        items = client.get(url, headers=headers).json()["results"]
        counts[url] = next(item["article_count"] for item in items if item["slug"] == slug)
    tags = client.get("/api/v1/tags/", headers=headers).json()["results"]
    counts["tags"] = sum(1 for item in tags if item["slug"] == f"tag-{kind}")
    return counts


@pytest.mark.parametrize("caller", ["anonymous", "key-not-entitled"])
@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_articles_never_reach_ordinary_callers(client, caller, kind):
    related_bait = make_article(units=[MemberUnitFactory(slug=f"unit-{kind}")])  # detail of it lists "related"
    article = hidden_article(kind)
    headers = {"X-Api-Key": new_key(entitled=False)[1]} if caller != "anonymous" else {}
    found = visible_ids(client, kind, article, headers)
    assert related_bait.pk in found
    assert article.pk not in found
    related = client.get(f"/api/v1/articles/{related_bait.pk}/", headers=headers).json()["related"]
    assert article.pk not in [item["id"] for item in related]
    assert counted(client, headers, kind) == {"/api/v1/units/": 1, "/api/v1/categories/": 0, "tags": 0}


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_entitled_units_see_restricted_articles_and_nothing_else(client, kind):
    article = hidden_article(kind)
    headers = {"Authorization": f"Api-Key {new_key(entitled=True)[1]}"}
    found = visible_ids(client, kind, article, headers)
    assert (article.pk in found) == (kind in RESTRICTED_KINDS)
    expected = 1 if kind in RESTRICTED_KINDS else 0
    assert counted(client, headers, kind)["/api/v1/categories/"] == expected


def test_entitled_responses_are_private_and_cached_apart(client):
    article = hidden_article("login")
    _key, raw = new_key(entitled=True)
    entitled = client.get("/api/v1/articles/", headers={"X-Api-Key": raw})
    assert entitled["Cache-Control"].startswith("private")
    assert article.pk in [item["id"] for item in entitled.json()["results"]]
    anonymous = client.get("/api/v1/articles/")
    assert article.pk not in [item["id"] for item in anonymous.json()["results"]]


def test_expired_article_leaves_changes_when_wagtail_unpublishes_it(client):
    article = make_article()
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    actions = list(
        ArticleChange.objects.filter(audience="public", article_id=article.pk).values_list("action", flat=True)
    )
    assert actions == ["published", "unpublished"]


def test_unknown_or_revoked_key_answers_401(client):
    key, raw = new_key(entitled=True)
    assert client.get("/api/v1/units/", headers={"X-Api-Key": "sai"}).status_code == 401
    assert client.get("/api/v1/units/", headers={"X-Api-Key": raw}).status_code == 200
    key.revoked_at = timezone.now()
    key.save()
    response = client.get("/api/v1/units/", headers={"X-Api-Key": raw})
    assert response.status_code == 401
    assert response.json()["errors"]["detail"]


def test_keys_are_stored_hashed(client):
    key, raw = new_key(entitled=False)
    stored = ApiKey.objects.get(pk=key.pk)
    assert raw not in (stored.hashed_key, stored.prefix, stored.name)
    assert stored.prefix == raw[:8]


def test_a_key_gets_its_own_higher_rate_limit(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "1/min", "api_key": "3/min"},
    }
    _key, raw = new_key(entitled=False)
    assert [client.get("/api/v1/units/").status_code for _ in range(2)] == [200, 429]
    keyed = [client.get("/api/v1/units/", headers={"X-Api-Key": raw}).status_code for _ in range(4)]
    assert keyed == [200, 200, 200, 429]


def test_editor_accounts_never_appear_in_output(client, django_user_model):
    editor = django_user_model.objects.create_superuser("bien-tap-vien", "bientap@evngenco2.vn", "x")
    article = make_article(owner=editor)
    article.save_revision(user=editor).publish(user=editor)
    for url in ("/api/v1/articles/", f"/api/v1/articles/{article.pk}/", "/api/v1/changes/"):
        body = client.get(url).content.decode()
        assert "bien-tap-vien" not in body and "bientap@" not in body


def test_admin_creates_a_key_shows_it_once_and_stores_only_its_hash(client, django_user_model):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("quan-tri", "qt@evngenco2.vn", "x")
    client.force_login(admin)
    unit = MemberUnitFactory()
    response = client.post(
        reverse("wagtailsnippets_api_apikey:add"), {"unit": unit.pk, "name": "Trang web", "revoked_at": ""}, follow=True
    )
    assert response.status_code == 200
    key = ApiKey.objects.get(unit=unit)
    shown = [str(message) for message in response.context["messages"]]
    raw = next(word.strip("().") for message in shown for word in message.split() if word.startswith(key.prefix))
    client.logout()
    assert client.get("/api/v1/units/", headers={"Authorization": f"Api-Key {raw}"}).status_code == 200
    assert raw not in key.hashed_key
