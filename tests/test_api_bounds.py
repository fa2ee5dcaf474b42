"""Issue 12: readable but out-of-range values answer 400 naming the parameter, in Vietnamese;
crafted cursors never reach the database; every API error message is Vietnamese."""

import base64
import json

import pytest
from django.conf import settings as django_settings

from tests.factories import make_article

pytestmark = pytest.mark.django_db

VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


@pytest.fixture
def article(db):
    return make_article(title="Bài kiểm thử giới hạn")


def crafted_cursor(ordering: str, keys: list, direction: str = "n") -> str:
    payload = json.dumps({"o": ordering, "d": direction, "k": keys})  # ASCII: \u escapes kept as written
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def assert_400_naming(response, parameter: str):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()["errors"]) == [parameter]


@pytest.mark.parametrize("offset", ["%2B17:46", "-16:00", "%2B23:59"])
def test_offset_beyond_sixteen_hours_answers_400_naming_updated_since(client, article, offset):
    assert_400_naming(client.get(f"/api/v1/articles/?updated_since=2024-01-01T00:00:00{offset}"), "updated_since")


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00%2B05:00", "9999-12-31T23:59:59-05:00"])
def test_moment_outside_the_years_the_database_holds_answers_400_naming_updated_since(client, article, moment):
    assert_400_naming(client.get(f"/api/v1/articles/?updated_since={moment}"), "updated_since")


def test_offset_within_sixteen_hours_is_accepted(client, article):
    response = client.get("/api/v1/articles/?updated_since=2020-01-01T00:00:00%2B15:59")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [article.pk]


@pytest.mark.parametrize("title_key", ["\x00", "\ud800", "a\udfffb"])
def test_nul_or_lone_surrogate_in_a_title_cursor_answers_400_naming_cursor(client, article, title_key):
    cursor = crafted_cursor("title", [title_key, 1])
    assert_400_naming(client.get(f"/api/v1/articles/?ordering=title&cursor={cursor}"), "cursor")


@pytest.mark.parametrize(
    "keys",
    [
        ["2024-01-01T00:00:00+00:00", 2**63],
        ["2024-01-01T00:00:00+00:00", -1],
        ["2024-01-01T00:00:00+00:00", 10**30],
        ["2024-01-01T00:00:00+17:46", 1],
        ["0001-01-01T00:00:00+05:00", 1],
        ["2024-01-01T00:00:00", 1],  # no offset: not a moment the API wrote
        ["x" * 1000, 1],
    ],
)
def test_out_of_range_key_in_a_last_published_cursor_answers_400_naming_cursor(client, article, keys):
    cursor = crafted_cursor("-last_published_at", keys)
    assert_400_naming(client.get(f"/api/v1/articles/?ordering=-last_published_at&cursor={cursor}"), "cursor")


def test_out_of_range_id_in_a_date_cursor_answers_400_naming_cursor(client, article):
    cursor = crafted_cursor("-date", ["2024-01-01", 10**20])
    assert_400_naming(client.get(f"/api/v1/articles/?cursor={cursor}"), "cursor")


def test_cursors_the_api_wrote_still_walk_every_ordering(client):
    for number in range(3):
        make_article(title=f"Bài {number}")
    for ordering in ("-date", "date", "-last_published_at", "title"):
        seen, url = [], f"/api/v1/articles/?ordering={ordering}&limit=1"
        while url:
            body = client.get(url).json()
            seen += [item["id"] for item in body["results"]]
            url = body["next"]
        assert len(seen) == len(set(seen)) == 3, ordering


def test_throttled_caller_is_told_in_vietnamese_when_to_retry(client, settings, article):
    settings.REST_FRAMEWORK = {
        **django_settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "1/min", "api_key": "100/min"},
    }
    client.get("/api/v1/units/")
    limited = client.get("/api/v1/units/", headers={"Accept-Language": "en"})
    assert limited.status_code == 429
    [message] = limited.json()["errors"]["detail"]
    assert message.startswith("Quá nhiều yêu cầu")
    assert message.endswith(f"thử lại sau {limited['Retry-After']} giây.")


@pytest.mark.parametrize(
    ("method", "url", "headers", "status"),
    [
        ("post", "/api/v1/articles/", {}, 405),
        ("delete", "/api/v1/articles/1/", {}, 405),
        ("put", "/api/v1/units/", {}, 405),
        ("get", "/api/v1/articles/", {"Accept": "text/csv"}, 406),
        ("get", "/api/v1/articles/", {"X-Api-Key": "khong-co"}, 401),
        ("get", "/api/v1/articles/999999/", {}, 404),
        ("get", "/api/v1/khong-co/", {}, 404),
        ("get", "/api/v1/articles/?limit=0", {}, 400),
    ],
)
def test_every_api_error_message_is_vietnamese_whatever_the_accept_language(client, method, url, headers, status):
    response = getattr(client, method)(url, headers={"Accept-Language": "en", **headers})
    assert response.status_code == status
    messages = [message for messages in response.json()["errors"].values() for message in messages]
    assert messages
    for message in messages:
        assert VIETNAMESE_LETTERS & set(message.lower()), message


def test_an_unexpected_error_in_the_api_answers_json_not_the_site_page(client, monkeypatch):
    from api import views

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(views.UnitListView, "build", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/units/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"]["detail"]
