"""Issue 12, item 18: the request log keeps the query string, with secrets redacted."""

import json
import logging

import pytest

from cms.ops.request_log import redacted_query
from cms.website.preview_links import make_token

pytestmark = pytest.mark.django_db


def logged(client, caplog, url: str, **kwargs) -> dict:
    with caplog.at_level(logging.INFO, logger="cms.requests"):
        client.get(url, **kwargs)
    [line] = [json.loads(record.getMessage()) for record in caplog.records if record.name == "cms.requests"]
    return line


def test_request_log_keeps_the_query_string_of_a_failing_request(client, caplog):
    line = logged(client, caplog, "/api/v1/articles/?updated_since=2024-01-01T00:00:00%2B17:46&limit=5")
    assert line["status"] == 400
    assert line["query"] == "updated_since=2024-01-01T00:00:00%2B17:46&limit=5"


@pytest.mark.parametrize("name", ["api_key", "key", "apikey", "api-key", "token", "access_token", "X_API_KEY"])
def test_request_log_redacts_api_keys_and_tokens_in_the_query(client, caplog, name):
    line = logged(client, caplog, f"/api/v1/units/?{name}=bi-mat-123&limit=2")
    assert "bi-mat-123" not in json.dumps(line)
    assert line["query"] == f"{name}=%5Bredacted%5D&limit=2"


def test_request_log_redacts_the_preview_token_in_the_path(client, caplog):
    token = make_token(12345)
    line = logged(client, caplog, f"/xem-truoc/{token}/")
    assert token not in json.dumps(line)
    assert line["path"] == "/xem-truoc/[redacted]/"


def test_query_without_secrets_is_logged_exactly_as_sent():
    assert redacted_query("q=d%C3%A2n+v%E1%BA%ADn&page=2&monkey=1") == "q=d%C3%A2n+v%E1%BA%ADn&page=2&monkey=1"
