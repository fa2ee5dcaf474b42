"""A member unit's developer lists articles: card fields, filters, ordering, cursor pages, errors."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    make_article,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/articles/"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_card_carries_everything_a_news_card_needs(client):
    unit = MemberUnitFactory(name="Công ty Nhiệt điện Cần Thơ", slug="nhiet-dien-can-tho")
    category = CategoryFactory(name="Hoạt động", slug="hoat-dong")
    author = AuthorFactory(name="Minh Anh", slug="minh-anh")
    article = make_article(
        title="Đẩy mạnh phong trào thi đua",
        date=datetime.date(2024, 11, 29),
        lead="Sapo ngắn.",
        units=[unit],
        categories=[category],
        tags=["dan-van"],
        author=author,
        hero_image=ImageFactory(),
        hero_caption="Lãnh đạo dự hội nghị",
    )
    card = client.get(LIST).json()["results"][0]
    assert card["id"] == article.pk
    assert card["slug"] == article.slug
    assert card["url"] == f"http://testserver{article.url}"
    assert card["title"] == "Đẩy mạnh phong trào thi đua"
    assert card["date"] == "2024-11-29"
    assert card["date_display"] == "Thứ Sáu, 29/11/2024"
    assert card["lead"] == "Sapo ngắn."
    assert card["author"] == {"slug": "minh-anh", "name": "Minh Anh"}
    assert card["units"] == [{"slug": "nhiet-dien-can-tho", "name": "Công ty Nhiệt điện Cần Thơ"}]
    assert card["categories"] == [{"slug": "hoat-dong", "name": "Hoạt động"}]
    assert card["tags"] == [{"slug": "dan-van", "name": "dan-van"}]
    assert card["first_published_at"] and card["last_published_at"]
    hero = card["hero"]
    assert hero["caption"] == "Lãnh đạo dự hội nghị"
    assert hero["image"]["alt"] == "Lãnh đạo dự hội nghị"
    assert [r["width"] for r in hero["image"]["renditions"]] == [400, 800, 1200]
    assert all(r["url"].startswith("http://testserver/media/") for r in hero["image"]["renditions"])


def test_article_without_photo_or_caption_has_null_hero(client):
    make_article()
    assert client.get(LIST).json()["results"][0]["hero"] is None


def test_newest_first_by_default(client):
    old = make_article(date=datetime.date(2024, 1, 1))
    new = make_article(date=datetime.date(2024, 6, 1))
    assert ids(client.get(LIST)) == [new.pk, old.pk]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("date", ["b", "c", "a"]), ("-date", ["a", "c", "b"]), ("title", ["a", "b", "c"])],
)
def test_ordering(client, ordering, expected):
    articles = {
        "a": make_article(title="An toàn lao động", date=datetime.date(2024, 3, 1)),
        "b": make_article(title="Bảo dưỡng tổ máy", date=datetime.date(2024, 1, 1)),
        "c": make_article(title="Chuyển đổi số", date=datetime.date(2024, 2, 1)),
    }
    assert ids(client.get(LIST, {"ordering": ordering})) == [articles[key].pk for key in expected]


def test_ordering_by_last_published_puts_the_latest_edit_first(client):
    first = make_article(date=datetime.date(2024, 5, 1))
    second = make_article(date=datetime.date(2024, 1, 1))
    first.save_revision().publish()  # edited after `second` was published
    assert ids(client.get(LIST, {"ordering": "-last_published_at"})) == [first.pk, second.pk]


def test_cursor_pages_walk_every_article_once_with_absolute_links(client):
    articles = [make_article(date=datetime.date(2024, 1, 1)) for _ in range(5)]  # all on one date: ties
    seen, url = [], f"{LIST}?limit=2"
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
        if url:
            assert url.startswith("http://testserver/api/v1/articles/?")
    assert sorted(seen) == sorted(a.pk for a in articles)
    assert len(seen) == 5


def test_previous_link_returns_to_the_first_page(client):
    for day in range(1, 6):
        make_article(date=datetime.date(2024, 1, day))
    first = client.get(LIST, {"limit": 2}).json()
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [item["id"] for item in back["results"]] == [item["id"] for item in first["results"]]


def test_pages_stay_stable_while_articles_are_published(client):
    articles = [make_article(date=datetime.date(2024, 1, day)) for day in range(1, 6)]
    first = client.get(LIST, {"limit": 2}).json()
    make_article(date=datetime.date(2024, 1, 5))  # newer than the page boundary, same date as the top
    second = client.get(first["next"]).json()
    assert [item["id"] for item in second["results"]] == [articles[2].pk, articles[1].pk]


def test_limit_defaults_to_20(client):
    for _ in range(22):
        make_article()
    assert len(ids(client.get(LIST))) == 20
    assert len(ids(client.get(LIST, {"limit": 21}))) == 21


def test_unit_filter_accepts_several_slugs(client):
    unit_a, unit_b, unit_c = MemberUnitFactory(), MemberUnitFactory(), MemberUnitFactory()
    in_a = make_article(units=[unit_a])
    in_b = make_article(units=[unit_b])
    in_both = make_article(units=[unit_a, unit_b])
    make_article(units=[unit_c])
    assert set(ids(client.get(LIST, {"unit": unit_a.slug}))) == {in_a.pk, in_both.pk}
    found = ids(client.get(LIST, {"unit": f"{unit_a.slug},{unit_b.slug}"}))
    assert sorted(found) == sorted([in_a.pk, in_b.pk, in_both.pk])  # each once


def test_category_filter(client):
    news, events = CategoryFactory(), CategoryFactory()
    a = make_article(categories=[news])
    b = make_article(categories=[events])
    make_article()
    assert ids(client.get(LIST, {"category": news.slug})) == [a.pk]
    assert set(ids(client.get(LIST, {"category": f"{news.slug},{events.slug}"}))) == {a.pk, b.pk}


def test_tag_filter(client):
    a = make_article(tags=["an-toan"])
    b = make_article(tags=["chuyen-doi-so"])
    make_article(tags=["khac"])
    assert ids(client.get(LIST, {"tag": "an-toan"})) == [a.pk]
    assert set(ids(client.get(LIST, {"tag": "an-toan,chuyen-doi-so"}))) == {a.pk, b.pk}


def test_author_and_slug_filters(client):
    author = AuthorFactory()
    by_author = make_article(author=author)
    other = make_article(title="Hội nghị người lao động")
    assert ids(client.get(LIST, {"author": author.slug})) == [by_author.pk]
    assert ids(client.get(LIST, {"slug": other.slug})) == [other.pk]
    assert ids(client.get(LIST, {"slug": "khong-co-bai-nay"})) == []


def test_date_range_includes_both_ends(client):
    make_article(date=datetime.date(2024, 10, 31))
    first = make_article(date=datetime.date(2024, 11, 1))
    last = make_article(date=datetime.date(2024, 11, 30))
    make_article(date=datetime.date(2024, 12, 1))
    found = ids(client.get(LIST, {"date_from": "2024-11-01", "date_to": "2024-11-30"}))
    assert found == [last.pk, first.pk]


def test_updated_since_finds_articles_published_or_edited_after(client):
    old = make_article()
    make_article()
    cutoff = old.last_published_at + datetime.timedelta(seconds=1)
    from cms.news.models import ArticlePage

    ArticlePage.objects.exclude(pk=old.pk).update(last_published_at=cutoff - datetime.timedelta(days=1))
    edited = ArticlePage.objects.get(pk=old.pk)
    ArticlePage.objects.filter(pk=old.pk).update(last_published_at=cutoff + datetime.timedelta(hours=1))
    assert ids(client.get(LIST, {"updated_since": cutoff.isoformat()})) == [edited.pk]


@pytest.mark.parametrize("query", ["dan van kheo", "DÂN VẬN", "dang uy", "Đảng ủy"])
def test_search_ignores_vietnamese_accents(client, query):
    found = make_article(title="Đảng ủy phát động phong trào Dân vận khéo")
    make_article(title="Bảo dưỡng tổ máy số 1")
    assert ids(client.get(LIST, {"q": query})) == [found.pk]


def test_search_needs_every_word(client):
    make_article(title="Dân vận khéo")
    assert ids(client.get(LIST, {"q": "dan van thuy dien"})) == []


def test_filters_combine_with_and(client):
    unit = MemberUnitFactory()
    category = CategoryFactory()
    match = make_article(title="An toàn điện", units=[unit], categories=[category], tags=["an-toan"])
    make_article(title="An toàn điện", units=[unit], tags=["an-toan"])  # no category
    make_article(title="An toàn điện", categories=[category], tags=["an-toan"])  # other unit
    make_article(title="Chuyện khác", units=[unit], categories=[category], tags=["an-toan"])  # no match for q
    query = {"unit": unit.slug, "category": category.slug, "tag": "an-toan", "q": "an toan"}
    assert ids(client.get(LIST, query)) == [match.pk]


def test_fields_returns_only_the_named_fields_and_id(client):
    make_article()
    item = client.get(LIST, {"fields": "title,date"}).json()["results"][0]
    assert set(item) == {"id", "title", "date"}


@pytest.mark.parametrize(
    ("query", "parameter", "hint"),
    [
        ({"date_from": "29-11-2024"}, "date_from", "YYYY-MM-DD"),
        ({"date_to": "2024-13-01"}, "date_to", "YYYY-MM-DD"),
        ({"date_from": "2024-12-01", "date_to": "2024-11-01"}, "date_to", "date_from"),
        ({"updated_since": "hôm qua"}, "updated_since", "ISO 8601"),
        ({"limit": "0"}, "limit", "1 đến 100"),
        ({"limit": "101"}, "limit", "1 đến 100"),
        ({"limit": "abc"}, "limit", "1 đến 100"),
        ({"unit": "no-such-unit"}, "unit", "no-such-unit"),
        ({"category": "khong-co"}, "category", "khong-co"),
        ({"tag": "khong-co"}, "tag", "khong-co"),
        ({"author": "khong-co"}, "author", "khong-co"),
        ({"unit": "<script>"}, "unit", "slug"),
        ({"ordering": "password"}, "ordering", "-last_published_at"),
        ({"fields": "nonsense"}, "fields", "date_display"),
        ({"cursor": "abc"}, "cursor", "next"),
        ({"cursor": "eyJvIjoiLWRhdGUiLCJkIjoibiIsImsiOlsieCJdfQ"}, "cursor", "next"),
        ({"colour": "red"}, "colour", "unit"),
        ({"q": "x" * 201}, "q", "200"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, query, parameter, hint):
    make_article()
    response = client.get(LIST, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    messages = response.json()["errors"][parameter]
    assert any(hint in message for message in messages), messages


def test_cursor_of_another_ordering_is_refused(client):
    for _ in range(3):
        make_article()
    next_url = client.get(LIST, {"limit": 1}).json()["next"]
    cursor = next_url.split("cursor=")[1]
    assert client.get(LIST, {"cursor": cursor, "ordering": "title"}).status_code == 400


def _list_queries(client) -> int:
    client.get(LIST, {"limit": 100})  # renditions are made on first use; count the steady state
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"limit": 100})
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_articles(client):
    units = [MemberUnitFactory(), MemberUnitFactory()]
    categories = [CategoryFactory(), CategoryFactory()]

    def add(count):
        for number in range(count):
            make_article(
                units=units,
                categories=categories,
                tags=[f"tag-{number}", "chung"],
                author=AuthorFactory(),
                hero_image=ImageFactory(),
                hero_caption="Ảnh",
            )

    add(5)
    with_5 = _list_queries(client)
    add(45)
    assert _list_queries(client) == with_5


def test_card_urls_are_the_addresses_wagtail_serves(client):
    # The API and feeds compute many URLs at once (cms/news/page_urls.py); they must be exactly
    # the page's own URL, in the corporate section, a unit's section, and for a Unicode slug.
    from cms.news.unit_sections import ensure_unit_section

    unit = MemberUnitFactory(slug="thuy-dien-song-ba-ha")
    articles = [
        make_article(title="Tin tổng công ty"),
        make_article(title="Tin đơn vị", parent=ensure_unit_section(unit)),
        make_article(title="Tin có slug tiếng Việt", slug="điện-sạch"),
    ]
    by_id = {item["id"]: item["url"] for item in client.get(LIST).json()["results"]}
    for article in articles:
        assert by_id[article.pk] == f"http://testserver{article.url}"
        assert client.get(article.url).status_code == 200
    feed = client.get("/feeds/feed.json").json()
    assert {item["url"] for item in feed["items"]} == set(by_id.values())
