"""Schemathesis against the API's own OpenAPI schema, in process (issue 6): generated requests
for every operation never get a server error, and every response matches the schema."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis import checks

from tests.factories import CategoryFactory, ImageFactory, MemberUnitFactory, field_section, make_article, unit_index


def _load_schema():
    """The schema the API serves at /api/v1/schema/, generated in process."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()
# The checks: no server error, and every response (status, headers, body) as documented.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def in_process_wsgi():
    """Keep the test's database connection across WSGI requests, as Django's test client does
    (a real WSGI handler closes connections when each request ends)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def published_news(db, in_process_wsgi):
    unit = MemberUnitFactory(slug="nhiet-dien-can-tho")
    category = CategoryFactory(slug="san-xuat")
    for number in range(3):
        make_article(
            parent=unit_index(unit),
            title=f"Bài kiểm thử {number}",
            units=[unit],
            categories=[category],
            tags=["an toàn"],
            hero_image=ImageFactory(),
            hero_caption="Chú thích",
            body=[field_section("Lĩnh vực kinh tế", "Nội dung.")],
        )


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_within_its_schema_and_never_with_a_server_error(case, published_news):
    # The in-process WSGI client does not decompress; gzip is tested in test_api_http.py.
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)
