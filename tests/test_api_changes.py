"""Keeping a copy in sync: /changes/ replayed from the start gives exactly the published set."""

import random

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from api.changes import record_current_state
from api.models import ApiKey, ArticleChange
from cms.news.models import ArticlePage
from cms.news.selectors import published_articles
from tests.factories import MemberUnitFactory, corporate_index, make_article, unit_index

pytestmark = pytest.mark.django_db

CHANGES = "/api/v1/changes/"


def replay(client, *, unit=None, headers=None, limit=7) -> tuple[set[int], list[dict]]:
    """What a member unit's sync job does: read every page, apply each entry in order."""
    present: set[int] = set()
    entries: list[dict] = []
    params = {"limit": limit, **({"unit": unit} if unit else {})}
    while True:
        response = client.get(CHANGES, params, headers=headers or {})
        assert response.status_code == 200, response.content
        page = response.json()
        for entry in page["results"]:
            entries.append(entry)
            if entry["action"] in ("published", "updated"):
                present.add(entry["article_id"])
            elif entry["action"] in ("unpublished", "deleted") or (unit and entry["action"] == "moved_out"):
                present.discard(entry["article_id"])
        params["since"] = page["next_cursor"]
        if not page["has_more"]:
            return present, entries


def test_publish_edit_unpublish_delete_appear_oldest_first(client):
    unit = MemberUnitFactory()
    article = make_article(units=[unit])
    article.save_revision().publish()
    article.unpublish()
    article.save_revision().publish()
    ArticlePage.objects.get(pk=article.pk).delete()
    _present, entries = replay(client)
    assert [entry["action"] for entry in entries] == ["published", "updated", "unpublished", "published", "deleted"]
    assert all(entry["article_id"] == article.pk for entry in entries)
    assert entries[-1]["units"] == [{"slug": unit.slug, "name": unit.name}]
    assert entries[0]["time"] <= entries[-1]["time"]


def test_leaving_a_unit_is_a_removal_for_that_unit_only(client):
    unit_a, unit_b = MemberUnitFactory(), MemberUnitFactory()
    article = make_article(units=[unit_a, unit_b])
    article.units.set([unit_b])
    article.save_revision().publish()
    assert replay(client, unit=unit_a.slug)[0] == set()
    assert replay(client, unit=unit_b.slug)[0] == {article.pk}
    assert replay(client)[0] == {article.pk}


def test_drafts_never_appear_in_changes(client):
    make_article(publish=False)
    assert replay(client)[1] == []


def test_recording_the_current_state_logs_only_what_the_log_does_not_show(client):
    unit = MemberUnitFactory()
    logged, forgotten, reappeared = (make_article(units=[unit]) for _ in range(3))
    ArticleChange.objects.filter(article_id=forgotten.pk).delete()  # as if written without signals
    ArticleChange.objects.create(article_id=reappeared.pk, action="unpublished", audience="public")
    # Forgotten in both audiences, reappeared in the public one; newest first, as the lists.
    assert record_current_state() == 3
    _present, entries = replay(client)
    assert [(entry["article_id"], entry["action"]) for entry in entries][-2:] == [
        (reappeared.pk, "published"),
        (forgotten.pk, "published"),
    ]
    assert entries[-1]["units"] == [{"slug": unit.slug, "name": unit.name}]
    assert replay(client)[0] == {logged.pk, forgotten.pk, reappeared.pk}
    assert record_current_state() == 0


def test_next_cursor_reads_only_newer_changes(client):
    make_article()
    first = client.get(CHANGES).json()
    assert client.get(CHANGES, {"since": first["next_cursor"]}).json()["results"] == []
    newer = make_article()
    later = client.get(CHANGES, {"since": first["next_cursor"]}).json()["results"]
    assert [entry["article_id"] for entry in later] == [newer.pk]


@pytest.mark.parametrize("since", ["abc", "-1", "99999999"])
def test_bad_or_unknown_cursor_answers_400(client, since):
    make_article()
    response = client.get(CHANGES, {"since": since})
    assert response.status_code == 400
    assert "since" in response.json()["errors"]


def _entitled_headers() -> dict:
    key = ApiKey(unit=MemberUnitFactory(receives_internal_news=True), name="nội bộ")
    raw = key.set_new_key()
    key.save()
    return {"X-Api-Key": raw}


@pytest.mark.parametrize("seed", [3, 17])
def test_random_history_replayed_gives_exactly_the_published_set(client, seed):
    rng = random.Random(seed)
    units = [MemberUnitFactory(), MemberUnitFactory(), MemberUnitFactory()]
    sections = [corporate_index()] + [unit_index(unit) for unit in units]
    articles: list[int] = []

    def pick():
        return ArticlePage.objects.get(pk=rng.choice(articles))

    for _step in range(45):
        operation = rng.choice(["publish", "publish", "edit", "units", "unpublish", "delete", "move", "restrict"])
        if operation == "publish" or not articles:
            parent = rng.choice(sections)
            page = make_article(
                parent=type(parent).objects.get(pk=parent.pk), units=rng.sample(units, rng.randint(0, 2))
            )
            articles.append(page.pk)
            continue
        page = pick()
        if operation == "edit":
            page.title += " (sửa)"
            page.save_revision().publish()
        elif operation == "units":
            page.units.set(rng.sample(units, rng.randint(0, 3)))
            page.save_revision().publish()
        elif operation == "unpublish" and page.live:
            page.unpublish()
        elif operation == "delete":
            articles.remove(page.pk)
            page.delete()
        elif operation == "move":
            target = rng.choice([section for section in sections if section.pk != page.get_parent().pk])
            page.move(type(target).objects.get(pk=target.pk), pos="last-child")  # fresh tree position
        elif operation == "restrict":
            restriction = PageViewRestriction.objects.filter(page=page).first()
            if restriction:
                restriction.delete()
            else:
                PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")

    public = set(published_articles().values_list("pk", flat=True))
    assert public  # the history left something to sync
    assert replay(client)[0] == public
    for unit in units:
        assert replay(client, unit=unit.slug)[0] == set(
            published_articles().filter(units=unit).values_list("pk", flat=True)
        )
    entitled = set(published_articles(include_restricted=True).values_list("pk", flat=True))
    assert replay(client, headers=_entitled_headers())[0] == entitled


def _recent_cursor_queries(client) -> tuple[int, list[dict]]:
    """Queries of the read a client that synced a moment ago makes: from the entry 3 from the end."""
    cursor = ArticleChange.objects.filter(audience=ArticleChange.Audience.PUBLIC).order_by("-pk")[3].pk
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGES, {"since": cursor})
    assert response.status_code == 200
    return len(queries), response.json()["results"]


def test_query_count_from_a_recent_cursor_does_not_grow_with_the_log(client):
    unit = MemberUnitFactory()
    for _ in range(5):
        make_article(units=[unit])
    few, results = _recent_cursor_queries(client)
    for _ in range(30):
        make_article(units=[unit])
    many, later_results = _recent_cursor_queries(client)
    assert many == few
    assert len(results) == len(later_results) == 3
    assert later_results[-1]["units"] == [{"slug": unit.slug, "name": unit.name}]
