"""Search ranks what Vietnamese readers mean first: a relevance set over a corpus written for it
(tests/search_data/corpus.py), the same answers through the API and the site's results page.

Runs on whichever database the suite runs on (CI: SQLite, then PostgreSQL) and prints the mean
reciprocal rank of the expected first article.
"""

import pytest
from bs4 import BeautifulSoup

from cms.news.selectors import published_articles, search_articles
from tests.factories import make_article, paragraph
from tests.search_data.corpus import CORPUS, QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(db):
    return {
        key: make_article(title=title, lead=lead, body=[paragraph(body)], date=date)
        for key, (title, lead, body, date) in CORPUS.items()
    }


def ranked_keys(corpus, query: str) -> list[str]:
    key_of = {article.pk: key for key, article in corpus.items()}
    return [key_of[article.pk] for article in search_articles(published_articles(), query)]


def test_relevance_set_ranks_the_expected_article_first(corpus, capsys):
    reciprocal_ranks, failures = [], []
    for query, first, excluded, ordered in QUERIES:
        found = ranked_keys(corpus, query)
        if first is None:
            reciprocal_ranks.append(1.0 if not found else 0.0)
            if found:
                failures.append(f"{query!r}: expected nothing, got {found}")
            continue
        reciprocal_ranks.append(1 / (found.index(first) + 1) if first in found else 0.0)
        if found[:1] != [first]:
            failures.append(f"{query!r}: expected {first} first, got {found}")
        failures += [f"{query!r}: {key} must not be found" for key in excluded if key in found]
        for better, worse in ordered:
            if better not in found or worse not in found or found.index(better) > found.index(worse):
                failures.append(f"{query!r}: {better} must come before {worse} (got {found})")
    mean_reciprocal_rank = sum(reciprocal_ranks) / len(reciprocal_ranks)
    with capsys.disabled():
        print(f"\nsearch relevance: {len(QUERIES)} queries, mean reciprocal rank {mean_reciprocal_rank:.3f}")
    assert not failures, "\n".join(failures)
    assert len(QUERIES) >= 25 and len(CORPUS) >= 15


def test_a_syllable_never_matches_inside_another(corpus):
    assert "thanh_nien" not in ranked_keys(corpus, "an")
    assert "danh_sach" not in ranked_keys(corpus, "dan")
    assert ranked_keys(corpus, "oan") == []  # only ever inside `toàn`, `đoàn`


def test_ties_go_to_the_newest_article(db):
    older = make_article(title="Hội thao công nhân", date=__import__("datetime").date(2024, 1, 1))
    newer = make_article(title="Hội thao công nhân", date=__import__("datetime").date(2024, 6, 1))
    assert list(search_articles(published_articles(), "hoi thao")) == [newer, older]


SAMPLE = ["dan van", "Đảng ủy", "điện mặt trời", "an", "bóng đá OR cầu lông", '"an toàn vệ sinh lao động"']


@pytest.mark.parametrize("query", SAMPLE)
def test_api_and_results_page_give_the_same_order(client, corpus, query):
    api = client.get("/api/v1/articles/", {"q": query, "fields": "title,snippet"}).json()["results"]
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": query}).content.decode(), "html.parser")
    site_titles = [" ".join(a.get_text().split()) for a in page.select(".card__title a")]
    api_titles = [" ".join(item["title"].split()) for item in api]
    assert api_titles[: len(site_titles)] == site_titles
    assert site_titles, query
    site_snippets = [" ".join(p.get_text().split()) for p in page.select(".card__lead")]
    assert [" ".join(item["snippet"].split()) for item in api][: len(site_snippets)] == site_snippets
