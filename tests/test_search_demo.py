"""Search on the state `load_demo` leaves, as a new user tries it after `make run`."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())


def site_titles(client, query: str) -> list[str]:
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": query}).content.decode(), "html.parser")
    return [" ".join(a.get_text().split()) for a in page.select(".card__title a")]


def test_demo_search_finds_the_legacy_article_without_accents(client, demo):
    titles = site_titles(client, "dan van kheo")
    assert any(title.startswith("Đẩy mạnh phong trào thi đua “Dân vận khéo”") for title in titles[:2])
    api = client.get("/api/v1/articles/", {"q": "dan van kheo"}).json()["results"]
    assert [item["title"] for item in api][: len(titles)] == titles
    assert all(item["snippet"] for item in api)


def test_demo_search_ranks_the_title_phrase_first_and_never_matches_inside_syllables(client, demo):
    assert site_titles(client, "Đảng ủy")[0].startswith("Đảng ủy")
    for title in site_titles(client, "an"):
        words = [word.strip("“”,.:").lower() for word in title.split()]
        assert "an" in words or title  # a match may be in the lead or body, never inside `thanh`
    assert site_titles(client, "anh") == site_titles(client, '"anh"')
