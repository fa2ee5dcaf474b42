"""A page of ranked results found among candidates (`ArticleSearch.top_keys`) is the page that
scoring every match gives: same articles, same order, same scores, on every slice tried."""

import datetime
import random

import pytest

from cms.news.selectors import published_articles, search_articles
from cms.search import ranking
from tests.factories import make_article

WORDS = "nhà máy nhiệt điện đang Đảng ủy ban an toàn lao động vận hành dân vận khéo hòa hoà thủy thuỷ".split()  # noqa: SIM905
QUERIES = (
    "nhà máy",
    "nha may",
    "Đảng ủy",
    "dang uy",
    '"an toàn lao động"',
    "an toàn -điện",
    "nhà máy OR dân vận",
    "thủy điện",
    "hoà",
    "vận",
    "Pleikrông",
)
SLICES = ((0, 1), (0, 5), (0, 12), (4, 9), (0, 21), (12, 24))


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


@pytest.fixture
def crowd(db):
    rng = random.Random(20261204)
    start = datetime.date(2024, 1, 1)
    for number in range(70):
        title = _sentence(rng, 6)
        if number % 3 == 0:
            title = f"Nhà máy {title}"
        lead = (
            _sentence(rng, 12) + (" Đảng ủy." if number % 4 == 0 else "") + (" Pleikrông." if number % 10 == 0 else "")
        )
        make_article(title=title, lead=lead, date=start + datetime.timedelta(days=rng.randrange(400)))


def _page(query: str, start: int, stop: int):
    return search_articles(published_articles(), query)[start:stop]


def test_top_keys_give_the_page_that_scoring_every_match_gives(crowd, monkeypatch):
    monkeypatch.setattr(ranking, "MAX_CANDIDATES", 40)  # so that some tiers are too large here
    fields = ("pk", "search_rank")
    found_among_candidates = []
    for query in QUERIES:
        for start, stop in SLICES:
            page = _page(query, start, stop)
            search = page.query.annotations["search_rank"].search
            top = search.top_keys(page, fields)
            expected = list(page.values(*fields))
            if top is not None:
                assert top == expected, (query, start, stop)
                found_among_candidates.append((query, start, stop))
    # The title phrase holds for a page's worth of articles: those pages come from candidates.
    assert ("nhà máy", 0, 12) in found_among_candidates
    assert ("nha may", 0, 5) in found_among_candidates
    assert len(found_among_candidates) >= 10


def test_a_page_that_candidates_cannot_show_is_left_to_full_scoring(crowd):
    # Past the deepest page found among candidates, and in another order, nothing is guessed.
    deep = _page("nhà máy", ranking.MAX_TOP, ranking.MAX_TOP + 5)
    assert deep.query.annotations["search_rank"].search.top_keys(deep, ("pk",)) is None
    oldest = search_articles(published_articles(), "nhà máy").order_by("date")[:5]
    assert oldest.query.annotations["search_rank"].search.top_keys(oldest, ("pk",)) is None


def test_a_results_page_counts_up_to_its_numbered_pages_and_says_when_there_are_more(client, crowd, settings):
    from bs4 import BeautifulSoup

    settings.SITE_MAX_PAGES = 2  # 24 results in numbered pages, 12 a page

    def title(params):
        response = client.get("/tim-kiem/", params)
        assert response.status_code == 200
        return BeautifulSoup(response.content, "html.parser").select_one(".results-title").get_text()

    every = search_articles(published_articles(), "nhà máy").count()
    assert every > 24
    assert title({"q": "nhà máy"}).startswith("Hơn 24 kết quả")
    assert title({"q": "nhà máy", "page": "2"}).startswith("Hơn 24 kết quả")
    assert client.get("/tim-kiem/", {"q": "nhà máy", "page": "3"}).status_code == 404
    few = search_articles(published_articles(), "Pleikrông").count()
    assert 0 < few <= 24
    assert title({"q": "Pleikrông"}).startswith(f"{few} kết quả")


@pytest.mark.parametrize("largest", [5, 40, 500])
def test_the_count_is_right_whatever_the_matches_ids_it_starts_from(crowd, monkeypatch, largest):
    monkeypatch.setattr(ranking, "MAX_CANDIDATES", largest)
    for query in QUERIES:
        results = search_articles(published_articles(), query)
        every = results.count()
        search = results.query.annotations["search_rank"].search
        assert search.count(results) == every, query
        bounded = search.count(results, at_most=10)
        assert bounded == every if every <= 10 else bounded > 10, query


@pytest.mark.parametrize("at_most", [3, 10, 60])
def test_a_count_after_a_page_found_among_candidates_is_right(crowd, at_most):
    for query in QUERIES:
        results = search_articles(published_articles(), query)
        every = results.count()
        page = results[:5]
        search = page.query.annotations["search_rank"].search
        search.top_keys(page, ("pk", "search_rank"))
        bounded = search.count(results, at_most=at_most)
        assert bounded == every if every <= at_most else bounded > at_most, query
