"""The site, the API and the feeds answer the same question the same way, because each rule has
one definition in cms/news/selectors.py: related articles, what belongs to a unit, how many
articles a unit or category has, and most viewed."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.news.models import ArticleDailyViews
from tests.factories import CategoryFactory, MemberUnitFactory, make_article, unit_index

pytestmark = pytest.mark.django_db


def page_titles(client, url: str, selector: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [link.get_text(strip=True) for link in soup.select(f"{selector} a")]


def api_titles(client, url: str, key: str = "results") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [item["title"] for item in response.json()[key]]


def feed_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [entry.title for entry in feedparser.parse(response.content).entries]


@pytest.fixture
def two_units():
    """Unit A with its section, unit B, and articles filed and tagged every which way."""
    unit_a, unit_b = MemberUnitFactory(name="Nhiệt điện A"), MemberUnitFactory(name="Thủy điện B")
    section_a = unit_index(unit_a)
    day = datetime.date(2024, 11, 1)
    return {
        "unit_a": unit_a,
        "unit_b": unit_b,
        "section_a": section_a,
        "filed_and_tagged_a": make_article(title="Trong mục A, của A", parent=section_a, date=day),
        "filed_in_a_tagged_b": make_article(
            title="Trong mục A, của B", parent=section_a, units=[unit_b], date=day + datetime.timedelta(days=1)
        ),
        "corporate_tagged_a": make_article(
            title="Trong mục Tổng công ty, của A", units=[unit_a], date=day + datetime.timedelta(days=2)
        ),
        "tagged_a_and_b": make_article(
            title="Của cả A và B", units=[unit_a, unit_b], date=day + datetime.timedelta(days=3)
        ),
        "draft_of_a": make_article(title="Bản nháp của A", parent=section_a, publish=False),
    }


def test_a_units_page_api_list_and_feeds_list_the_same_articles_in_the_same_order(client, two_units):
    unit_a = two_units["unit_a"]
    expected = ["Của cả A và B", "Trong mục Tổng công ty, của A", "Trong mục A, của A"]
    assert page_titles(client, two_units["section_a"].url, ".card__title") == expected
    assert api_titles(client, f"/api/v1/articles/?unit={unit_a.slug}") == expected
    for format_name in ("rss.xml", "atom.xml"):
        assert feed_titles(client, f"/feeds/units/{unit_a.slug}/{format_name}") == expected
    assert [item["title"] for item in client.get(f"/feeds/units/{unit_a.slug}/feed.json").json()["items"]] == expected


def test_unit_and_category_counts_are_the_length_of_their_lists(client, two_units):
    category = CategoryFactory(name="Sản xuất")
    for article in (two_units["filed_in_a_tagged_b"], two_units["tagged_a_and_b"]):
        article.categories.set([category])
        article.save_revision().publish()
    units = {unit["slug"]: unit["article_count"] for unit in client.get("/api/v1/units/").json()["results"]}
    for unit in (two_units["unit_a"], two_units["unit_b"]):
        assert units[unit.slug] == len(api_titles(client, f"/api/v1/articles/?unit={unit.slug}"))
        assert units[unit.slug] == len(feed_titles(client, f"/feeds/units/{unit.slug}/rss.xml"))
    categories = {item["slug"]: item["article_count"] for item in client.get("/api/v1/categories/").json()["results"]}
    assert categories[category.slug] == 2
    assert categories[category.slug] == len(page_titles(client, f"/chuyen-muc/{category.slug}/", ".card__title"))
    assert categories[category.slug] == len(feed_titles(client, f"/feeds/categories/{category.slug}/rss.xml"))


def test_the_page_and_the_api_give_the_same_related_articles_in_the_same_order(client):
    unit, other_unit, category = MemberUnitFactory(), MemberUnitFactory(), CategoryFactory()
    day = datetime.date(2024, 10, 1)
    article = make_article(title="Bài chính", units=[unit], categories=[category], date=day)
    make_article(title="Cùng đơn vị, mới", units=[unit], date=day + datetime.timedelta(days=9))
    make_article(title="Cùng chuyên mục, cũ", units=[other_unit], categories=[category], date=day)
    make_article(title="Cùng chuyên mục, mới", units=[other_unit], categories=[category], date=day.replace(day=5))
    make_article(title="Cùng đơn vị, cũ", units=[unit], date=day - datetime.timedelta(days=3))
    make_article(title="Cùng đơn vị, rất cũ", units=[unit], date=day - datetime.timedelta(days=30))
    make_article(title="Không liên quan", units=[other_unit])
    make_article(title="Nháp cùng chuyên mục", units=[unit], categories=[category], publish=False)

    on_page = page_titles(client, article.url, ".related")
    in_api = api_titles(client, f"/api/v1/articles/{article.pk}/", key="related")
    # Same category first, then same unit; newest first within each; four at most.
    assert on_page == in_api == ["Cùng chuyên mục, mới", "Cùng chuyên mục, cũ", "Cùng đơn vị, mới", "Cùng đơn vị, cũ"]


def test_most_viewed_is_the_same_on_the_site_and_in_the_api_for_a_unit_and_overall(client, two_units):
    today = timezone.localdate()
    views = {"filed_and_tagged_a": 5, "filed_in_a_tagged_b": 9, "corporate_tagged_a": 7, "tagged_a_and_b": 3}
    for name, count in views.items():
        ArticleDailyViews.objects.create(article=two_units[name], day=today, views=count)
    unit_a = two_units["unit_a"]

    site_wide = page_titles(client, "/", ".most-viewed")
    assert site_wide == api_titles(client, "/api/v1/articles/most-viewed/?limit=5")
    assert site_wide[0] == "Trong mục A, của B"

    on_unit_page = page_titles(client, two_units["section_a"].url, ".most-viewed")
    assert on_unit_page == api_titles(client, f"/api/v1/articles/most-viewed/?unit={unit_a.slug}&limit=5")
    assert on_unit_page == ["Trong mục Tổng công ty, của A", "Trong mục A, của A", "Của cả A và B"]
