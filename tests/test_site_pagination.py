"""Long lists on the site: numbered pages up to SITE_MAX_PAGES, then "Tin cũ hơn" by the last
article's date and id, at a cost that does not grow with the number of articles."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import CategoryFactory, corporate_index, make_article
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(page: BeautifulSoup) -> list[str]:
    return [" ".join(a.get_text().split()) for a in page.select(".card__title a")]


def older_link(page: BeautifulSoup) -> str | None:
    link = page.select_one(".pagination a[rel=next]")
    return link["href"] if link else None


def _articles(count: int, category=None, first_day: int = 1) -> list:
    """`count` articles a day apart, the newest last; two on the first day to test ties."""
    made = []
    for number in range(count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=first_day + max(number - 1, 0))
        made.append(make_article(title=f"Bài số {number:02d}", date=day, categories=[category] if category else []))
    return made


@pytest.fixture
def one_numbered_page(settings):
    settings.SITE_MAX_PAGES = 1
    energy = CategoryFactory(name="Năng lượng", slug="nang-luong")
    return energy, _articles(27, energy)


def test_past_the_numbered_pages_the_last_one_links_older_articles(client, one_numbered_page):
    _energy, articles = one_numbered_page
    newest_first = [article.title for article in reversed(articles)]
    first = soup_of(client.get("/chuyen-muc/nang-luong/"))

    assert titles(first) == newest_first[:12]
    assert "Trang 1/1" in first.select_one(".pagination").get_text()
    twelfth = articles[-12]
    assert older_link(first) == f"?truoc={twelfth.date.isoformat()}.{twelfth.pk}"
    assert client.get("/chuyen-muc/nang-luong/", {"page": 2}).status_code == 404


def test_older_links_walk_to_the_first_article_and_stop(client, one_numbered_page):
    _energy, articles = one_numbered_page
    newest_first = [article.title for article in reversed(articles)]
    seen, link = [], older_link(soup_of(client.get("/chuyen-muc/nang-luong/")))
    pages = []
    while link:
        page = soup_of(client.get(f"/chuyen-muc/nang-luong/{link}"))
        pages.append(page)
        seen += titles(page)
        link = older_link(page)

    assert seen == newest_first[12:]  # the two same-day articles included, once each
    assert len(pages) == 2
    assert (
        pages[0]
        .find("link", rel="canonical")["href"]
        .endswith(f"/chuyen-muc/nang-luong/?truoc={articles[-12].date.isoformat()}.{articles[-12].pk}")
    )
    assert pages[-1].select_one(".pagination a:not([rel])")["href"] == "/chuyen-muc/nang-luong/"


def test_home_and_sections_link_older_articles_the_same_way(client, one_numbered_page):
    for url in ("/", corporate_index().url):
        first = soup_of(client.get(url))
        older = soup_of(client.get(url + older_link(first)))
        assert len(titles(older)) == 12
        assert "Tin cũ hơn" in older.select_one(".pagination").get_text()


@pytest.mark.parametrize(
    "cursor",
    ["abc", "", "2024-13-01.5", "2024-02-30.5", "2024-01-01.", "2024-01-01.99999999999999999999",
     "2024-01-01.9223372036854775808", "２０２４-01-01.5", "2024-01-01.5.6", "2024-01-01.-5"],
)  # fmt: skip
def test_a_mangled_older_cursor_shows_the_first_page(client, one_numbered_page, cursor):
    _energy, articles = one_numbered_page
    page = soup_of(client.get("/chuyen-muc/nang-luong/", {"truoc": cursor}))
    assert titles(page)[0] == articles[-1].title


def test_a_cursor_with_nothing_older_is_a_404(client, one_numbered_page):
    assert client.get("/chuyen-muc/nang-luong/", {"truoc": "1999-01-01.1"}).status_code == 404


def test_a_short_list_has_no_older_link(client, settings):
    settings.SITE_MAX_PAGES = 2
    energy = CategoryFactory(slug="ngan")
    _articles(14, energy)
    last = soup_of(client.get("/chuyen-muc/ngan/", {"page": 2}))
    assert len(titles(last)) == 2
    assert older_link(last) is None


def test_query_count_of_the_last_numbered_page_and_an_older_page_does_not_grow_with_articles(client, settings):
    settings.SITE_MAX_PAGES = 1
    energy = CategoryFactory(slug="dem")
    _articles(26, energy, first_day=100)
    oldest = _articles(1, energy)[0]
    cursor = f"?truoc={oldest.date.isoformat()}.{oldest.pk + 10**6}"  # only the oldest is older
    urls = ("/chuyen-muc/dem/", f"/chuyen-muc/dem/{cursor}")
    few = {url: queries_for(client, url) for url in urls}
    _articles(30, energy, first_day=200)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few
