"""Issue 12, item 18: the Wagtail admin and the API's interactive docs work under the
Content-Security-Policy they send: in a real headless Chromium, their pages load, their scripts
run, and the browser reports no CSP violation.

Runs like tests/test_browser_site.py (Debian's chromium and the playwright package).
"""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import CategoryFactory, ImageFactory, MemberUnitFactory, make_article
from tests.helpers import BROWSER_MARKS

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-dai-123"
# Collected in the page, before its own scripts run (an init script is not subject to the CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where} ${event.sample}`);
});
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def csp_page(browser):  # noqa: F811
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    console_violations = []
    page = context.new_page()
    page.on(
        "console",
        lambda message: console_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page, console_violations
    context.close()


def test_api_docs_load_and_run_swagger_ui_without_csp_violations(live_server, csp_page):
    page, console_violations = csp_page
    response = page.goto(f"{live_server.url}/api/v1/docs/")
    assert "Content-Security-Policy" in {name.title(): value for name, value in response.headers.items()}
    page.wait_for_selector(".opblock", timeout=15000)  # Swagger UI ran and read the schema
    assert page.locator(".opblock").count() >= 7
    assert violations(page) == []
    assert console_violations == []


def test_admin_pages_load_without_csp_violations(live_server, csp_page):
    unit = MemberUnitFactory()
    article = make_article(units=[unit], categories=[CategoryFactory()], hero_image=ImageFactory())
    get_user_model().objects.create_superuser("bien-tap", "bt@example.com", PASSWORD)
    page, console_violations = csp_page

    response = page.goto(f"{live_server.url}/admin/login/")
    assert response.headers.get("content-security-policy")
    page.fill("input[name=username]", "bien-tap")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    seen = {}
    for path in (
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/account/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("networkidle")
        seen[path] = violations(page)
    # The editor's scripts ran: its stimulus controllers attached the side panel toggles.
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.wait_for_selector("[data-side-panel-toggle]", timeout=15000)
    assert {path: found for path, found in seen.items() if found} == {}
    assert console_violations == []
