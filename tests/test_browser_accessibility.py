"""axe-core in a real headless Chromium, on the state `load_demo` leaves: every kind of page a
reader opens passes every WCAG 2.x A/AA rule axe checks, on a phone and on a desktop.

Lighthouse (`make audit`) scores three pages on demand; this check runs with the suite on each of
the reader's page kinds, so a template change that breaks a label, a contrast or a landmark fails
here first. Skipped with the reason where Debian's chromium or the playwright package is missing.
"""

import io

import pytest
from django.core.management import call_command

from cms.news.models import ArticlePage, Category, NewsIndexPage
from tests.helpers import BROWSER_MARKS

pytestmark = BROWSER_MARKS

WCAG_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
WIDTHS = (360, 1280)


def reader_pages() -> dict[str, str]:
    """One page of each kind, from the demo content."""
    articles = ArticlePage.objects.live().order_by("-date", "-pk")
    with_photo = articles.exclude(hero_image=None).first()
    without_photo = articles.filter(hero_image=None).first()
    unit_section = NewsIndexPage.objects.live().exclude(unit=None).first()
    category = Category.objects.order_by("pk").first()
    assert with_photo and without_photo and unit_section and category, "the demo lacks a page kind"
    return {
        "home": "/",
        "article with a photo": with_photo.url,
        "article without a photo": without_photo.url,
        "unit section": unit_section.url,
        "category": f"/chuyen-muc/{category.slug}/",
        "search results": "/tim-kiem/?q=an+to%C3%A0n+lao+%C4%91%E1%BB%99ng",
        "search with no result": "/tim-kiem/?q=kh%C3%B4ngc%C3%B3t%E1%BB%AB",
        "share form": f"/gui-cho-ban-be/{with_photo.pk}/",
        "not found": "/khong-co-trang-nay/",
    }


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_RULES).response
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


@pytest.fixture
def demo_site():
    call_command("load_demo", stdout=io.StringIO())


def test_every_reader_page_passes_axe_on_a_phone_and_a_desktop(live_server, browser, demo_site):
    # axe is injected through the DevTools protocol; the site's own CSP stays as it is.
    context = browser.new_context()
    page = context.new_page()
    # The check can fail: a photo without a text alternative and a nameless button are caught.
    page.set_content('<html lang="vi"><title>t</title><main><img src="x.png"><button></button></main></html>')
    assert {line.split(" ")[0] for line in axe_violations(page)} >= {"image-alt", "button-name"}
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in reader_pages().items():
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == (404 if name == "not found" else 200), path
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {width} px ({path})"] = violations
    context.close()
    assert not found, found
