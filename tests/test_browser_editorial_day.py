"""The editors' day in a real headless Chromium: the date line follows the date typed, publishing
while the first autosave is in flight, and once through the whole moderation on the demo's set-up.

Skipped with the reason where Debian's chromium or the playwright package is missing (see
tests/test_browser_site.py).
"""

import io
import time

from django.core.management import call_command

from cms.news.demo import DEMO_EDITOR_UNIT, DEMO_USERS
from cms.news.models import ArticlePage, NewsIndexPage
from cms.news.selectors import published_articles
from cms.news.unit_sections import ensure_corporate_editors
from tests.factories import corporate_index
from tests.helpers import BROWSER_MARKS, DEMO_PASSWORD, PASSWORD, log_in_to_admin, make_editor

pytestmark = BROWSER_MARKS


WATCH_EDITS = "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; });"


def log_in(context, base_url: str, username: str, password: str):
    context.add_init_script(WATCH_EDITS)
    page = context.new_page()
    log_in_to_admin(page, base_url, username, password)
    return page


def open_new_article(page, base_url: str, section: NewsIndexPage) -> None:
    page.goto(f"{base_url}/admin/pages/add/news/articlepage/{section.pk}/")
    # Wagtail notes the form's initial state two seconds after loading; edits made before that
    # would count as the initial state and start no autosave.
    wait_until(page, "window.watchingEdits === true")


def wait_until(page, expression: str, seconds: float = 15) -> None:
    """Poll `expression` through the DevTools protocol: `wait_for_function` evaluates a string
    inside the page, which the admin's Content-Security-Policy (no 'unsafe-eval') rightly refuses."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        page.wait_for_timeout(50)


def choose_unit(page, name: str) -> None:
    page.get_by_role("tab", name="Phân loại").click()
    page.select_option("#id_units", label=name)


def press_action(page, name: str) -> None:
    """An action of the editor's footer menu ("Xuất bản", "Gửi duyệt…"), behind "Thao tác khác"."""
    button = page.locator(f'button[name="{name}"]')
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    button.click()


def test_date_hint_follows_the_date_typed(live_server, browser):  # noqa: F811
    editor = make_editor("bien-tap-ngay", ensure_corporate_editors())
    context = browser.new_context()
    page = log_in(context, live_server.url, editor.username, PASSWORD)
    open_new_article(page, live_server.url, corporate_index())
    hint = page.locator("[data-article-date-line] output")
    page.fill("#id_date", "2024-11-29")
    assert hint.inner_text() == "Thứ Sáu, 29/11/2024"
    page.fill("#id_date", "2024-12-01")
    assert hint.inner_text() == "Chủ Nhật, 01/12/2024"
    page.fill("#id_date", "2025-02-30")
    assert hint.inner_text() == "—"
    context.close()


def test_publishing_while_the_first_autosave_is_in_flight_publishes_one_article(live_server, browser):  # noqa: F811
    editor = make_editor("bien-tap-nhanh", ensure_corporate_editors())
    context = browser.new_context()
    page = log_in(context, live_server.url, editor.username, PASSWORD)
    held = []

    def hold_autosave_reply(route):
        """The first successful autosave reaches the server, which creates the draft; its reply
        is held back. Autosaves that fail validation (no title yet) pass through."""
        request = route.request
        if request.method == "POST" and "application/json" in (request.headers.get("accept") or ""):
            response = route.fetch()
            if response.status == 200 and not held:
                held.append((route, response))
                return
            route.fulfill(response=response)
        else:
            route.continue_()

    page.route("**/admin/pages/add/**", hold_autosave_reply)
    open_new_article(page, live_server.url, corporate_index())
    title = "Tin đăng ngay khi đang tự động lưu"
    choose_unit(page, "EVNGENCO2")
    page.get_by_role("tab", name="Nội dung").click()
    page.fill("#id_lead", "Sapo của bài đăng nhanh.")
    page.fill("#id_title", title)
    page.press("#id_title", "Tab")  # leaving the title proposes the slug
    for _attempt in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "no autosave succeeded"
    assert ArticlePage.objects.filter(title=title, live=False).count() == 1  # the autosaved draft

    press_action(page, "action-publish")
    page.wait_for_timeout(300)  # the publish waits for the autosave instead of racing it
    route, response = held.pop()
    route.fulfill(response=response)
    page.wait_for_selector(".messages .success, .messages li", timeout=15000)
    assert f"Đã xuất bản trang '{title}'." in page.locator(".messages").inner_text()

    articles = ArticlePage.objects.filter(title=title)
    assert articles.count() == 1
    article = articles.get()
    assert article.live and not article.has_unpublished_changes
    assert published_articles().filter(pk=article.pk).exists()
    context.close()


def test_editorial_day_click_through_on_the_demo(live_server, browser, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ADMIN_PASSWORD", "mật-khẩu-quản-trị")
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    call_command("ensure_admin", stdout=io.StringIO())
    editor, moderator = (user["username"] for user in DEMO_USERS)
    section = NewsIndexPage.objects.get(unit__slug=DEMO_EDITOR_UNIT)
    title = "Nhiệt điện Cần Thơ đón đoàn công tác của Tổng công ty"

    context = browser.new_context()
    page = log_in(context, live_server.url, editor, DEMO_PASSWORD)
    open_new_article(page, live_server.url, section)
    page.fill("#id_title", title)
    page.fill("#id_lead", "Đoàn công tác làm việc tại nhà máy.")
    choose_unit(page, section.unit.short_name)
    press_action(page, "action-submit")
    page.wait_for_selector(".messages", timeout=15000)
    assert f"gửi duyệt trang '{title}'" in page.locator(".messages").inner_text()
    context.close()

    context = browser.new_context()
    page = log_in(context, live_server.url, moderator, DEMO_PASSWORD)
    assert title in page.locator("section", has_text="Đang chờ bạn duyệt").last.inner_text()
    row = page.locator("tr", has=page.locator("[data-workflow-action-url*='/approve/']")).filter(has_text=title)
    row.locator("[data-w-dropdown-target='toggle'], .w-dropdown__toggle").first.click()
    row.locator("[data-workflow-action-url*='/approve/']").first.click()
    article = ArticlePage.objects.get(title=title)
    for _attempt in range(50):
        article.refresh_from_db()
        if article.live:
            break
        page.wait_for_timeout(100)
    assert article.live
    page.goto(f"{live_server.url}{article.url}")
    assert page.locator("h1").inner_text() == title
    context.close()
