"""Issue 12: the schema states the bounds the API enforces, and each bound holds on the wire."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def parameters(client) -> dict[tuple[str, str], dict]:
    document = client.get("/api/v1/schema/?format=json").json()
    return {
        (path, parameter["name"]): parameter
        for path, operations in document["paths"].items()
        for parameter in operations["get"].get("parameters", [])
    }


@pytest.mark.parametrize(
    ("path", "name", "bounds"),
    [
        ("/api/v1/articles/", "limit", {"type": "integer", "minimum": 1, "maximum": 100}),
        ("/api/v1/articles/most-viewed/", "limit", {"minimum": 1, "maximum": 50}),
        ("/api/v1/articles/most-viewed/", "days", {"minimum": 1, "maximum": 90}),
        ("/api/v1/changes/", "limit", {"minimum": 1, "maximum": 500}),
        ("/api/v1/changes/", "since", {"pattern": "^[0-9]{1,18}$"}),
        ("/api/v1/articles/", "cursor", {"maxLength": 500}),
        ("/api/v1/articles/", "q", {"maxLength": 200}),
        ("/api/v1/articles/", "slug", {"maxLength": 255}),
        ("/api/v1/articles/", "date_from", {"format": "date"}),
        ("/api/v1/articles/", "updated_since", {"format": "date-time"}),
        ("/api/v1/articles/{article_id}/", "article_id", {"minimum": 1, "maximum": 10**18 - 1}),
    ],
)
def test_schema_states_the_bounds_the_api_enforces(parameters, path, name, bounds):
    schema = parameters[(path, name)]["schema"]
    assert {key: schema.get(key) for key in bounds} == bounds


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/?limit=101",
        "/api/v1/articles/?limit=0",
        "/api/v1/articles/most-viewed/?days=91",
        "/api/v1/changes/?limit=501",
        "/api/v1/changes/?since=1234567890123456789",
        "/api/v1/articles/?q=" + "a" * 201,
        "/api/v1/articles/?cursor=" + "a" * 501,
        "/api/v1/articles/?date_from=2024-13-01",
    ],
)
def test_a_value_beyond_a_stated_bound_answers_400(client, url):
    assert client.get(url).status_code == 400


def test_every_query_parameter_may_be_sent_empty(parameters):
    assert all(parameter["allowEmptyValue"] for parameter in parameters.values() if parameter["in"] == "query")
