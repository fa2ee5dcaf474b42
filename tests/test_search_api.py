"""Search through the API and the site's page: ranked by default, every syntax, never an error page."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    import datetime

    return [
        make_article(title="Hội nghị về điện mặt trời", date=datetime.date(2024, 1, 1)),
        make_article(
            title="Tin tổng hợp tháng mười",
            lead="Sản lượng điện tăng.",
            body=[paragraph("Mặt bằng dự án đã xong; trời nắng kéo dài nên hồ cạn nước.")],
            date=datetime.date(2024, 10, 1),
        ),
        make_article(title="Điện mặt trời mái nhà cho văn phòng", date=datetime.date(2024, 5, 1)),
    ]


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_with_q_results_come_best_first_by_default(client, articles):
    assert titles(client.get("/api/v1/articles/", {"q": "dien mat troi"})) == [
        "Điện mặt trời mái nhà cho văn phòng",
        "Hội nghị về điện mặt trời",
        "Tin tổng hợp tháng mười",
    ]


def test_an_explicit_ordering_still_applies_to_search(client, articles):
    assert titles(client.get("/api/v1/articles/", {"q": "dien mat troi", "ordering": "-date"}))[0] == (
        "Tin tổng hợp tháng mười"
    )


def test_relevance_without_q_answers_400_naming_ordering(client, articles):
    response = client.get("/api/v1/articles/", {"ordering": "relevance"})
    assert response.status_code == 400
    assert "ordering" in response.json()["errors"]


def test_relevance_cursor_walks_the_same_order_page_by_page(client, articles):
    whole = titles(client.get("/api/v1/articles/", {"q": "dien"}))
    walked, url = [], "/api/v1/articles/?q=dien&limit=1"
    while url:
        body = client.get(url).json()
        walked += [item["title"] for item in body["results"]]
        url = body["next"]
    assert walked == whole and len(whole) == 3


def test_search_results_carry_a_snippet_around_the_best_match(client, articles):
    results = client.get("/api/v1/articles/", {"q": "ho can nuoc"}).json()["results"]
    assert [item["title"] for item in results] == ["Tin tổng hợp tháng mười"]
    assert "hồ cạn nước" in results[0]["snippet"]
    assert "snippet" not in client.get("/api/v1/articles/").json()["results"][0]


def test_quoted_phrase_exclusion_and_or_through_the_api(client, articles):
    assert titles(client.get("/api/v1/articles/", {"q": '"điện mặt trời"'})) == [
        "Điện mặt trời mái nhà cho văn phòng",
        "Hội nghị về điện mặt trời",
    ]
    assert titles(client.get("/api/v1/articles/", {"q": "dien mat troi -hoi"})) == [
        "Điện mặt trời mái nhà cho văn phòng",
        "Tin tổng hợp tháng mười",
    ]
    assert titles(client.get("/api/v1/articles/", {"q": "van phong OR hoi nghi"})) == [
        "Điện mặt trời mái nhà cho văn phòng",
        "Hội nghị về điện mặt trời",
    ]


@pytest.mark.parametrize("query", ['"unbalanced', "-", "!!!", "%", "_", "⚡🔥", "a" * 200, "OR", "- OR -"])
def test_odd_queries_answer_200_through_the_api_and_the_site(client, articles, query):
    assert client.get("/api/v1/articles/", {"q": query}).status_code == 200
    assert client.get("/tim-kiem/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", ["abc\x00def", "\x00"])
def test_nul_answers_400_naming_q_in_the_api_and_a_message_on_the_site(client, articles, query):
    response = client.get("/api/v1/articles/", {"q": query})
    assert response.status_code == 400 and "q" in response.json()["errors"]
    page = client.get("/tim-kiem/", {"q": query})
    assert page.status_code == 200
    assert "ký tự không hợp lệ" in page.content.decode()


def test_punctuation_only_shows_a_message_not_every_article(client, articles):
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": "?!"}).content.decode(), "html.parser")
    assert not page.select(".card")
    assert "Từ khóa không có chữ hay số" in page.get_text()


def test_results_page_marks_whole_syllables_in_title_and_snippet(client, articles):
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": "ho can"}).content.decode(), "html.parser")
    assert [mark.get_text() for mark in page.select(".card__lead mark")] == ["hồ", "cạn"]


def test_schema_documents_relevance_and_the_snippet(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/articles/"]["get"]["parameters"]}
    assert "relevance" in parameters["ordering"]["schema"]["enum"]
    assert "snippet" in schema["components"]["schemas"]["ArticleCard"]["properties"]


@pytest.fixture
def pairs_apart(db):
    """Every neighbouring pair of `an toàn lao động` is in the first article, never the whole phrase."""
    return [
        make_article(
            title="Bài có các cặp rời nhau", lead="An toàn là trên hết. Toàn lao động sản xuất. Lao động giỏi."
        ),
        make_article(title="Bài có nguyên cụm từ", lead="Tháng an toàn lao động năm nay."),
        make_article(title="Bài chỉ có một cặp", lead="Người lao động được nghỉ."),
    ]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('"an toàn lao động"', ["Bài có nguyên cụm từ"]),  # the pairs are only a first sieve
        ('"lao động"', ["Bài chỉ có một cặp", "Bài có các cặp rời nhau", "Bài có nguyên cụm từ"]),
        ('"lao động" -"an toàn"', ["Bài chỉ có một cặp"]),
        ('"la tren" OR "nguoi lao"', ["Bài chỉ có một cặp", "Bài có các cặp rời nhau"]),
        ('"an toan lao dong" OR nghi', ["Bài chỉ có một cặp", "Bài có nguyên cụm từ"]),
    ],
)
def test_phrases_match_their_syllables_in_order_and_nothing_else(client, pairs_apart, q, expected):
    assert sorted(titles(client.get("/api/v1/articles/", {"q": q}))) == expected


def test_phrases_of_digits_and_letters_of_other_scripts_are_found_by_their_pairs(client, db):
    make_article(title="Tổ máy số 2 của Vĩnh Tân 4", lead="Hợp tác: Жар-птица, năm 2024 nhà máy chạy.")
    make_article(title="Bài có các từ đảo thứ tự", lead="Năm 2023, nhà máy; птица жар; 4 Vĩnh Tân.")
    for q in ['"2024 nha may"', '"жар птица"', '"vinh tan 4"', '"so 2"']:
        assert titles(client.get("/api/v1/articles/", {"q": q})) == ["Tổ máy số 2 của Vĩnh Tân 4"], q
