"""Issue 12, item 18: the API's interactive docs and the Wagtail admin send a
Content-Security-Policy they work under (the browser test checks they load without violations:
tests/test_browser_csp.py)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_api_docs_send_a_csp_whose_nonce_covers_the_inline_script_and_style(client):
    response = client.get("/api/v1/docs/")
    policy = directives(response)
    [nonce] = re.findall(r"'nonce-([^']+)'", " ".join(policy["script-src"]))
    assert f"'nonce-{nonce}'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts and all(f'nonce="{nonce}"' in attributes for attributes in inline_scripts)
    assert re.findall(r"<style([^>]*)>", html) == [f' nonce="{nonce}"']


def test_api_docs_get_a_fresh_nonce_each_time(client):
    first, second = (directives(client.get("/api/v1/docs/"))["script-src"] for _ in range(2))
    assert first != second


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/"])
def test_admin_pages_send_a_csp_that_allows_nothing_from_other_hosts(client, admin_client, url):
    response = (admin_client if url == "/admin/" else client).get(url)
    assert response.status_code == 200
    policy = directives(response)
    sources = {source for values in policy.values() for source in values}
    assert sources <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == policy["form-action"] == ["'self'"]


def test_api_json_and_feeds_still_carry_no_policy(client):
    assert "Content-Security-Policy" not in client.get("/api/v1/units/")
    assert "Content-Security-Policy" not in client.get("/feeds/rss.xml")
