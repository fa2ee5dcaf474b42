"""The admin in Vietnamese as a browser shows it: what Wagtail's scripts draw after the page loads
(the status side panel, the explorer's side panel, counters, relative times) is read too, from
what is visible on screen, for a unit editor and a moderator on the demo's set-up.

tests/test_admin_language.py reads the HTML the server sends; this reads the rendered screen.
Skipped with the reason where Debian's chromium or the playwright package is missing.
"""

import re

from tests.helpers import (
    BROWSER_MARKS,
    DEMO_PASSWORD,
    DEMO_USERS,
    ENGLISH,
    editorial_urls,
    log_in_to_admin,
    start_demo_editorial_day,
)

pytestmark = BROWSER_MARKS

# Words the scripts write, beyond the server-side list (helpers.ENGLISH), lower case included.
SCRIPT_ENGLISH = ("now", "None", "null", "undefined", "ago", "just now", "Live", "Draft", "minutes", "hours")

# The visible text and the visible labels (aria-label, title, placeholder) of every shown element.
VISIBLE_TEXT = """() => {
  const shown = (element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const labels = [...document.querySelectorAll("[aria-label], [title], [placeholder]")]
    .filter(shown)
    .flatMap((element) => ["aria-label", "title", "placeholder"].map((name) => element.getAttribute(name)))
    .filter(Boolean);
  return [document.body.innerText, ...labels].join(" ");
}"""


def english_on_screen(text: str) -> list[str]:
    words = dict.fromkeys([*ENGLISH, *SCRIPT_ENGLISH])
    return [
        f"{word}: …{match.group(0)}…"
        for word in words
        for match in re.finditer(rf".{{0,40}}(?<!\w){re.escape(word)}(?!\w).{{0,20}}", text)
    ]


def walk(browser, base_url: str, username: str, urls: list[str]) -> dict[str, list[str]]:
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    log_in_to_admin(page, base_url, username, DEMO_PASSWORD)
    found = {}
    # The page explorer (a script-drawn side panel): open it and go one level down.
    page.get_by_role("button", name="Trang").first.click()
    page.wait_for_timeout(1000)
    children = page.get_by_role("link", name=re.compile("^Xem các trang con của"))
    if children.count():
        children.first.click()
        page.wait_for_timeout(1000)
    words = english_on_screen(page.evaluate(VISIBLE_TEXT))
    if words:
        found["page explorer"] = words
    for url in urls:
        page.goto(f"{base_url}{url}")
        page.wait_for_load_state("networkidle")
        # The status panel and the explorer are drawn by scripts, and open on demand.
        status = page.locator("button[data-side-panel-toggle='status']").first
        if status.count() and status.is_visible():
            status.click()
            page.wait_for_timeout(300)
        words = english_on_screen(page.evaluate(VISIBLE_TEXT))
        if words:
            found[url] = words
    context.close()
    return found


def test_unit_editor_and_moderator_see_no_english_on_screen(live_server, browser, monkeypatch):
    demo = start_demo_editorial_day(monkeypatch)
    urls = editorial_urls(demo)
    found = {
        username: walk(browser, live_server.url, username, urls)
        for username in (DEMO_USERS[0]["username"], DEMO_USERS[1]["username"])
    }
    assert found == {username: {} for username in found}
