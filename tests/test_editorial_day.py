"""The editors' day on the demo's own set-up (`load_demo`, then `ensure_admin`, as `make run` does):
a unit editor writes and submits, a corporate moderator approves or sends it back, and the
article goes live on the site, the API and the feeds. Everything goes through the admin's HTTP
views, as a browser would."""

import datetime
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site, WorkflowState

from cms.news.dates import WEEKDAYS
from cms.news.demo import DEMO_EDITOR_UNIT, DEMO_USERS, MODERATORS_GROUP, WORKFLOW_NAME
from cms.news.models import ArticlePage, NewsIndexPage
from cms.news.slugs import vietnamese_slugify
from tests.factories import make_article
from tests.helpers import DEMO_PASSWORD, article_form_data, form_errors

pytestmark = pytest.mark.django_db

EDITOR, MODERATOR = (user["username"] for user in DEMO_USERS)


def visible_text(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.fixture
def demo(monkeypatch):
    """The state `make demo` leaves: migrated, demo content, admin and demo users; its output."""
    monkeypatch.setenv("ADMIN_PASSWORD", "mật-khẩu-quản-trị")
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def log_in(client, username: str) -> None:
    client.logout()
    response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302, visible_text(response)


def write_and_submit(client, title: str) -> ArticlePage:
    """The unit editor adds an article in their own section and presses "Gửi duyệt"."""
    section = NewsIndexPage.objects.get(unit__slug=DEMO_EDITOR_UNIT)
    add_url = f"/admin/pages/add/news/articlepage/{section.pk}/"
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    assert f"Gửi duyệt theo {WORKFLOW_NAME}" in visible_text(form_page)
    # The slug is what the admin's script proposes from the title.
    data = article_form_data(title=title, slug=vietnamese_slugify(title), units=[section.unit], action="action-submit")
    response = client.post(add_url, data, follow=True)
    assert response.status_code == 200, form_errors(response)
    text = visible_text(response)
    assert "Bạn không có quyền truy cập vào khu vực này" not in text
    assert f"Đã tạo và gửi duyệt trang '{title}'" in text, text
    article = ArticlePage.objects.get(title=title)
    assert not article.live
    assert article.workflow_in_progress
    return article


def pending_review_actions(client, article) -> dict[str, str]:
    """The moderator's dashboard: the article under "Đang chờ bạn duyệt", with its action URLs."""
    dashboard = client.get("/admin/")
    soup = BeautifulSoup(dashboard.content.decode(), "html.parser")
    heading = soup.find(lambda tag: tag.name in ("h2", "h3") and "Đang chờ bạn duyệt" in tag.get_text())
    assert heading is not None, visible_text(dashboard)
    panel = heading.find_parent("section") or heading.parent
    assert article.title in panel.get_text()
    actions = {}
    for element in panel.select("[data-workflow-action-url], a[href*='/workflow/action/']"):
        url = element.get("data-workflow-action-url") or element["href"]
        actions[re.search(r"/workflow/action/\d+/([\w-]+)/", url).group(1)] = url
    return actions


def test_demo_sets_up_a_unit_editor_and_a_moderator_and_prints_their_logins(demo):
    for user in DEMO_USERS:
        assert f"tên: {user['username']}  mật khẩu: {DEMO_PASSWORD}" in demo
    editor = get_user_model().objects.get(username=EDITOR)
    moderator = get_user_model().objects.get(username=MODERATOR)
    assert editor.groups.get().name.startswith("Biên tập viên – ")
    assert moderator.groups.filter(name=MODERATORS_GROUP).exists()
    assert not editor.is_superuser and not moderator.is_superuser


def test_unit_editor_submits_and_moderator_approves_then_article_is_live_everywhere(client, demo):
    log_in(client, EDITOR)
    article = write_and_submit(client, "Nhiệt điện Cần Thơ hoàn thành đại tu tổ máy số 1")
    # Nothing of it is public while it waits.
    assert client.get(f"/api/v1/articles/?slug={article.slug}").json()["results"] == []

    log_in(client, MODERATOR)
    actions = pending_review_actions(client, article)
    assert {"approve", "reject"} <= set(actions)
    response = client.post(actions["approve"], {"comment": ""})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert not article.workflow_in_progress

    client.logout()
    assert client.get(article.url).status_code == 200
    results = client.get(f"/api/v1/articles/?slug={article.slug}").json()["results"]
    assert [result["title"] for result in results] == [article.title]
    assert article.title in client.get("/feeds/rss.xml").content.decode()
    assert article.title in client.get(f"/feeds/units/{DEMO_EDITOR_UNIT}/atom.xml").content.decode()


def test_moderator_rejects_with_a_comment_the_unit_editor_sees(client, demo):
    log_in(client, EDITOR)
    article = write_and_submit(client, "Bài cần sửa trước khi đăng")

    log_in(client, MODERATOR)
    actions = pending_review_actions(client, article)
    comment = "Đề nghị bổ sung ảnh và tên tác giả."
    response = client.post(actions["reject"], {"comment": comment})
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The editor is told by mail, and finds the comment in the page's history.
    editor = get_user_model().objects.get(username=EDITOR)
    assert any(editor.email in message.to and comment in message.body for message in mail.outbox)
    log_in(client, EDITOR)
    edit_page = visible_text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert "Yêu cầu chỉnh sửa" in edit_page
    history = visible_text(client.get(f"/admin/pages/{article.pk}/history/"))
    assert comment in history


def test_site_url_host_and_port_reach_the_login_line_and_the_wagtail_site(settings, monkeypatch):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"
    monkeypatch.setenv("ADMIN_PASSWORD", "mật-khẩu-quản-trị")
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert "Đăng nhập tại http://127.0.0.1:8101/admin/" in out.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    assert site.root_url == "http://127.0.0.1:8101"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_on_another_host_and_port_passes_that_address_as_site_url(settings):
    dotenv = Path(settings.BASE_DIR) / ".env"
    if dotenv.exists() and "SITE_URL=" in dotenv.read_text():
        pytest.skip(".env sets SITE_URL, which `make run` rightly keeps")
    environment = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    dry_run = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", "HOST=127.0.0.2", "PORT=8101", "BIN=.venv/bin"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [line for line in dry_run.splitlines() if "manage.py" in line and "migrate" not in line]
    assert [line.split(" manage.py ")[1] for line in commands] == [
        "load_demo",
        "update_index --verbosity 0",
        "ensure_admin",
        "runserver 127.0.0.2:8101",
    ]
    assert all(line.startswith("SITE_URL=http://127.0.0.2:8101 ") for line in commands)
    given = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", "PORT=8101", "BIN=.venv/bin"],
        cwd=settings.BASE_DIR,
        env={**environment, "SITE_URL": "https://tin.evngenco2.vn"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "SITE_URL=https://tin.evngenco2.vn .venv/bin/python manage.py runserver 127.0.0.1:8101" in given


def test_date_hint_shows_the_date_line_of_the_stored_date(client, admin_user):
    article = make_article(title="Bài ngày Chủ Nhật", date=datetime.date(2024, 12, 1))
    client.force_login(admin_user)
    page = BeautifulSoup(client.get(f"/admin/pages/{article.pk}/edit/").content.decode(), "html.parser")
    hint = page.select_one("[data-article-date-line]")
    assert hint.get_text(" ", strip=True) == "Hiển thị như: Chủ Nhật, 01/12/2024"
    assert page.find(id=hint["data-for"])["value"] == "2024-12-01"
    assert json.loads(hint["data-weekdays"]) == list(WEEKDAYS)
    assert page.find("script", src=re.compile(r"news/admin-date-line\.js"))
    assert "29/11/2024" not in page.get_text()  # the old fixed example
