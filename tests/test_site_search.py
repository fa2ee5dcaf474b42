"""The search page: accent-insensitive Vietnamese, highlighted, paginated, bad queries handled."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.search.snippets import highlight, snippet
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def results(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(page) -> list[str]:
    return [" ".join(a.get_text().split()) for a in page.select(".card__title a")]


def test_search_without_accents_finds_vietnamese_text_and_marks_it(client):
    found = make_article(title="Đẩy mạnh phong trào “Dân vận khéo”", lead="Đảng ủy Tổng công ty triển khai.")
    make_article(title="Sản xuất điện an toàn", lead="Không liên quan.")
    page = results(client.get("/tim-kiem/", {"q": "dan van"}))
    assert titles(page) == [found.title]
    assert [mark.get_text() for mark in page.select(".card__title mark")] == ["Dân", "vận"]
    page = results(client.get("/tim-kiem/", {"q": "dang uy"}))
    assert titles(page) == [found.title]
    assert [mark.get_text() for mark in page.select(".card__lead mark")] == ["Đảng", "ủy"]


def test_search_with_accents_and_every_word_required(client):
    both = make_article(title="Dân vận khéo ở nhà máy")
    make_article(title="Dân vận ở cơ quan")
    page = results(client.get("/tim-kiem/", {"q": "Dân vận NHÀ MÁY"}))
    assert titles(page) == [both.title]


def test_search_finds_only_published_public_articles(client):
    make_article(title="Bản nháp về dân vận", publish=False)
    page = results(client.get("/tim-kiem/", {"q": "dan van"}))
    assert titles(page) == []
    assert "Không tìm thấy bài viết nào" in page.get_text()


def test_empty_query_shows_the_form_and_a_hint(client):
    for params in ({}, {"q": ""}, {"q": "   "}):
        page = results(client.get("/tim-kiem/", params))
        assert page.select_one("form.search-form input[name=q]")
        assert "Nhập từ khóa" in page.get_text()
        assert not page.select(".card")


def test_very_long_query_is_cut_and_still_answers(client):
    article = make_article(title="Dân vận khéo")
    page = results(client.get("/tim-kiem/", {"q": "dan van " + "x" * 5000}))
    assert "chỉ dùng 100 ký tự đầu" in page.get_text()
    assert len(page.select_one("form.search-form input[name=q]")["value"]) == 100
    assert titles(page) == []
    assert titles(results(client.get("/tim-kiem/", {"q": "dan " * 300}))) == [article.title]


def test_search_results_are_paginated_and_keep_the_query(client):
    for number in range(14):
        make_article(title=f"Dân vận số {number}")
    first = results(client.get("/tim-kiem/", {"q": "dan van"}))
    assert len(first.select(".card")) == 12
    assert first.select_one(".pagination a[rel=next]")["href"] == "?q=dan%20van&page=2"
    second = results(client.get("/tim-kiem/", {"q": "dan van", "page": "2"}))
    assert len(second.select(".card")) == 2
    assert client.get("/tim-kiem/", {"q": "dan van", "page": "9"}).status_code == 404
    assert client.get("/tim-kiem/", {"q": "dan van", "page": "x"}).status_code == 200


def test_the_results_count_matches_every_page_and_never_ranks_the_matches_again(client):
    for number in range(14):
        make_article(title=f"Dân vận số {number}")
    make_article(title="Bài khác")
    for page_number in ("1", "2"):
        page = results(client.get("/tim-kiem/", {"q": "dan van", "page": page_number}))
        assert page.select_one(".results-title").get_text().startswith("14 kết quả")
    nothing = results(client.get("/tim-kiem/", {"q": "khong co"}))
    assert nothing.select_one(".results-title").get_text().startswith("Không tìm thấy")
    with CaptureQueriesContext(connection) as queries:
        client.get("/tim-kiem/", {"q": "dan van"})
    counts = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith("SELECT COUNT(")]
    assert not [sql for sql in counts if "CASE WHEN" in sql.upper()]  # a count matches, it does not rank


def test_highlighting_escapes_html_and_marks_accented_words():
    assert (
        highlight("<b>Đảng ủy</b> & dân", "dang UY") == "&lt;b&gt;<mark>Đảng</mark> <mark>ủy</mark>&lt;/b&gt; &amp; dân"
    )
    assert highlight("Nhà máy", "") == "Nhà máy"
    assert highlight("Khéo”", "kheo") == "<mark>Khéo</mark>”"


def test_each_syllable_is_marked_only_where_it_stands_whole_whatever_its_first_letter():
    # Syllables of the query start with different letters, and one is the tail of another.
    text = "Đan xen: cần an toàn, ban đầu, nhân dân, xdan, dan_an, 2024an, ĐAN."
    assert highlight(text, "an dan") == (
        "<mark>Đan</mark> xen: cần <mark>an</mark> toàn, ban đầu, nhân <mark>dân</mark>, xdan, "
        "<mark>dan</mark>_<mark>an</mark>, 2024an, <mark>ĐAN</mark>."
    )
    assert highlight("Thủy điện, thuỷ lợi", "thuy*") == "<mark>Thủy</mark> điện, <mark>thuỷ</mark> lợi"


def test_a_snippet_is_cut_at_words_and_reads_as_one_line():
    text = "Mở đầu.\n\n" + "chữ " * 100 + "\nNhà   máy\tthủy điện Sơn La " + "khác " * 100
    passage = snippet(text, "nha may")
    assert passage.startswith("… chữ ") and passage.endswith(" khác …")
    assert "Nhà máy thủy điện Sơn La" in passage
    assert "\n" not in passage and "  " not in passage
    assert snippet("  Không có gì\n ", "nha may") == "Không có gì"


def test_query_with_markup_is_shown_escaped(client):
    page = client.get("/tim-kiem/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
