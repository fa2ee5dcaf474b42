"""Feed autodiscovery: every site page offers the site-wide feeds; a unit's news section and a
category page also offer their own."""

import pytest
from lxml import html

from tests.factories import CategoryFactory, MemberUnitFactory, make_article, unit_index

pytestmark = pytest.mark.django_db


def discovered(response) -> dict[str, str]:
    assert response.status_code == 200
    document = html.fromstring(response.content)
    return {link.get("href"): link.get("type") for link in document.xpath("//head/link[@rel='alternate']")}


SITE_FEEDS = {
    "http://testserver/feeds/rss.xml": "application/rss+xml",
    "http://testserver/feeds/atom.xml": "application/atom+xml",
    "http://testserver/feeds/feed.json": "application/feed+json",
}


def test_article_page_offers_the_site_wide_feeds(client):
    article = make_article(title="Tin có nguồn tin")
    assert discovered(client.get(article.url)) == SITE_FEEDS


def test_unit_news_section_also_offers_the_unit_feeds(client):
    unit = MemberUnitFactory(slug="vinh-son", name="Công ty Thủy điện Vĩnh Sơn")
    links = discovered(client.get(unit_index(unit).url))

    assert links == SITE_FEEDS | {
        "http://testserver/feeds/units/vinh-son/rss.xml": "application/rss+xml",
        "http://testserver/feeds/units/vinh-son/atom.xml": "application/atom+xml",
        "http://testserver/feeds/units/vinh-son/feed.json": "application/feed+json",
    }


def test_category_page_also_offers_the_category_feeds(client):
    category = CategoryFactory(slug="an-toan-lao-dong", name="An toàn lao động")
    make_article(categories=[category])
    response = client.get("/chuyen-muc/an-toan-lao-dong/")

    assert "http://testserver/feeds/categories/an-toan-lao-dong/atom.xml" in discovered(response)
    assert 'title="Chuyên mục An toàn lao động (Atom)"' in response.content.decode()


def test_discovered_feeds_answer(client):
    unit = MemberUnitFactory(slug="vinh-son")
    make_article(parent=unit_index(unit))
    for href in discovered(client.get(unit_index(unit).url)):
        assert client.get(href.removeprefix("http://testserver")).status_code == 200
