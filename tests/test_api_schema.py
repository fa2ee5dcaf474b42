"""The OpenAPI schema tells the truth: live responses of every endpoint validate against it,
every accepted parameter is documented, and the docs page works offline."""

import datetime

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from api import views
from cms.news.models import ArticleDailyViews
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    field_section,
    image_block,
    make_article,
    paragraph,
    quote,
)

pytestmark = pytest.mark.django_db


def _openapi_to_json_schema(node):
    """OpenAPI 3.0 `nullable: true` is JSON Schema's `type: [..., "null"]`; objects are closed."""
    if isinstance(node, list):
        return [_openapi_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _openapi_to_json_schema(value) for key, value in node.items() if key != "discriminator"}
    if "properties" in node:
        node.setdefault("additionalProperties", False)  # an undocumented field fails the test
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def assert_matches_schema(schema, path, status, response):
    operation = schema["paths"][path]["get"]
    assert str(status) in operation["responses"], f"{path} does not document {status}"
    body_schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    document = _openapi_to_json_schema({**body_schema, "components": schema["components"]})
    Draft202012Validator(document, format_checker=FormatChecker()).validate(response.json())


@pytest.fixture
def content():
    unit = MemberUnitFactory()
    photo = ImageFactory()
    article = make_article(
        units=[unit],
        categories=[CategoryFactory()],
        tags=["an-toan"],
        author=AuthorFactory(),
        hero_image=photo,
        hero_caption="Ảnh",
        body=[paragraph("Một."), field_section("Nhãn", "Hai."), image_block(photo, "Ba"), quote("Bốn", "")],
    )
    make_article(units=[unit])  # related, no hero
    ArticleDailyViews.objects.create(article=article, day=timezone.localdate(), views=3)
    article.unpublish()
    article.save_revision().publish()  # unpublished + published entries in /changes/
    return article


@pytest.mark.parametrize(
    ("path", "url", "params"),
    [
        ("/api/v1/articles/", "/api/v1/articles/", {"limit": 1}),
        ("/api/v1/articles/", "/api/v1/articles/", {"fields": "title"}),
        ("/api/v1/articles/{article_id}/", "detail", {}),
        ("/api/v1/articles/most-viewed/", "/api/v1/articles/most-viewed/", {}),
        ("/api/v1/units/", "/api/v1/units/", {}),
        ("/api/v1/categories/", "/api/v1/categories/", {}),
        ("/api/v1/tags/", "/api/v1/tags/", {}),
        ("/api/v1/changes/", "/api/v1/changes/", {"limit": 1}),
    ],
)
def test_successful_responses_match_the_schema(client, schema, content, path, url, params):
    url = f"/api/v1/articles/{content.pk}/" if url == "detail" else url
    response = client.get(url, params)
    assert response.status_code == 200
    assert_matches_schema(schema, path, 200, response)


@pytest.mark.parametrize(
    ("path", "url", "params", "status"),
    [
        ("/api/v1/articles/", "/api/v1/articles/", {"limit": "0"}, 400),
        ("/api/v1/articles/{article_id}/", "/api/v1/articles/12abc/", {}, 400),
        ("/api/v1/articles/{article_id}/", "/api/v1/articles/99999/", {}, 404),
        ("/api/v1/articles/most-viewed/", "/api/v1/articles/most-viewed/", {"days": "0"}, 400),
        ("/api/v1/units/", "/api/v1/units/", {"x": "1"}, 400),
        ("/api/v1/changes/", "/api/v1/changes/", {"since": "x"}, 400),
    ],
)
def test_error_responses_match_the_schema(client, schema, path, url, params, status):
    response = client.get(url, params)
    assert response.status_code == status
    assert_matches_schema(schema, path, status, response)


def test_throttled_and_bad_key_responses_match_the_schema(client, schema, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anonymous": "1/min"}}
    assert_matches_schema(schema, "/api/v1/units/", 401, client.get("/api/v1/units/", headers={"X-Api-Key": "x"}))
    client.get("/api/v1/tags/")
    assert_matches_schema(schema, "/api/v1/tags/", 429, client.get("/api/v1/tags/"))


@pytest.mark.parametrize(
    ("path", "view"),
    [
        ("/api/v1/articles/", views.ArticleListView),
        ("/api/v1/articles/{article_id}/", views.ArticleDetailView),
        ("/api/v1/articles/most-viewed/", views.MostViewedView),
        ("/api/v1/changes/", views.ChangeListView),
        ("/api/v1/units/", views.UnitListView),
    ],
)
def test_every_accepted_query_parameter_is_documented(schema, path, view):
    documented = {p["name"] for p in schema["paths"][path]["get"].get("parameters", []) if p["in"] == "query"}
    assert documented == set(view.parameter_names)


def test_schema_lists_only_our_api(schema):
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert "/api/v1/changes/" in schema["paths"]


def test_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_changes_of_yesterday_use_local_time(client, schema):
    make_article(date=datetime.date(2024, 11, 29))
    entry = client.get("/api/v1/changes/").json()["results"][0]
    assert entry["time"].endswith("+07:00")
