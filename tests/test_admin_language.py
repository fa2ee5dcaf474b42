"""An editor meets the Wagtail admin in Vietnamese, with times in Hồ Chí Minh City.

Wagtail's own Vietnamese catalogs are incomplete; the project's catalog (locale/vi) fills the gaps.
These tests read the admin as a browser does, through HTTP, and check both that the Vietnamese
label is there and that the English one is gone.
"""

import datetime
import html
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Page

from cms.news.demo import DEMO_USERS
from cms.news.unit_sections import ensure_corporate_editors
from tests.factories import make_article
from tests.helpers import (
    DEMO_PASSWORD,
    article_form_data,
    editorial_urls,
    english_words,
    form_errors,
    start_demo_editorial_day,
)

pytestmark = pytest.mark.django_db

PASSWORD = "mật-khẩu-thử"


def visible_text(response) -> str:
    """The page's HTML with entities decoded and whitespace collapsed, so labels read as on screen."""
    return " ".join(html.unescape(response.content.decode()).split())


@pytest.fixture
def editor(client):
    """A corporate editor (no superuser rights), logged in."""
    user = get_user_model().objects.create_user(username="bien-tap-vien", password=PASSWORD)
    user.groups.add(ensure_corporate_editors())
    client.force_login(user)
    return user


def test_login_page_is_vietnamese(client):
    text = visible_text(client.get("/admin/login/"))
    assert "Đăng nhập" in text
    assert "Mật khẩu" in text  # the password field's label, which Wagtail itself leaves English
    assert "Quên mật khẩu?" in text
    for english in ("Sign in", "Password", "Forgotten password?", "Remember me"):
        assert english not in text


def test_failed_login_explains_itself_in_vietnamese(client):
    get_user_model().objects.create_user(username="bien-tap-vien", password=PASSWORD)
    response = client.post("/admin/login/", {"username": "bien-tap-vien", "password": "sai"})
    assert response.status_code == 200
    text = visible_text(response)
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại." in text
    assert "didn't match" not in text


def test_dashboard_is_vietnamese(client, editor):
    article = make_article(title="Bài vừa sửa")
    article.save_revision(user=editor, log_action=True)
    text = visible_text(client.get("/admin/"))
    assert "Các chỉnh sửa gần đây của bạn" in text
    assert "Bài vừa sửa" in text
    assert "Tìm trong tất cả các trang…" in text
    for english in ("Your most recent edits", "Search all pages", "Site summary", "Edit this page"):
        assert english not in text


def test_article_editor_labels_are_vietnamese(client, editor):
    article = make_article(title="Bài đang biên tập")
    text = visible_text(client.get(f"/admin/pages/{article.pk}/edit/"))
    for vietnamese in ("Lưu bản nháp", "Xuất bản", "Xem trước", "Ngừng xuất bản", "Bình luận", "Trạng thái"):
        assert vietnamese in text
    for english in ("Save draft", ">Publish<", "Preview in new tab", "Unpublish", "Toggle side panel"):
        assert english not in text


def test_editor_javascript_catalog_is_vietnamese(client, editor):
    """StreamField and rich-text controls are labelled by the JS catalog, not by the page's HTML."""
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.DOTALL).group(1))
    assert catalog["Duplicate"] == "Nhân bản"
    assert catalog["Move up"] == "Chuyển lên"
    assert catalog["Move down"] == "Chuyển xuống"
    assert catalog["Insert a block"] == "Chèn một khối"
    assert catalog["Collapse all"] == "Thu gọn tất cả"


def test_publishing_reports_success_in_vietnamese(client, editor):
    article = make_article(title="Bài cần xuất bản", publish=False)
    data = article_form_data(title=article.title, slug=article.slug, lead=article.lead, units=article.units.all())
    response = client.post(f"/admin/pages/{article.pk}/edit/", data, follow=True)
    assert response.status_code == 200, form_errors(response)
    article.refresh_from_db()
    assert article.live
    text = visible_text(response)
    assert "Đã xuất bản trang 'Bài cần xuất bản'." in text
    assert "has been published" not in text


def test_admin_shows_publication_time_in_ho_chi_minh_city(client, editor):
    article = make_article(title="Bài xuất bản lúc nửa đêm")
    # 17:30 UTC on 29 November is 00:30 on 30 November in Hồ Chí Minh City (UTC+7).
    published = datetime.datetime(2024, 11, 29, 17, 30, tzinfo=datetime.UTC)
    type(article).objects.filter(pk=article.pk).update(first_published_at=published, last_published_at=published)
    text = visible_text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert 'datetime="2024-11-30T00:30:00+07:00"' in text
    assert "00:30 Ngày 30 tháng 11 năm 2024" in text
    # The relative form ("… trước") is Vietnamese too, never "… ago".
    relative = re.search(r'datetime="2024-11-30T00:30:00\+07:00"> ([^<]+)<', text).group(1).strip()
    assert relative.endswith("trước"), relative
    assert not re.search(r"\b(ago|years?|months?|weeks?|days?)\b", relative)


# --- The walk: every screen a unit editor and a moderator use, on the demo's own set-up ----------


def readable_text(response) -> str:
    """What a reader (or a screen reader) gets: text outside scripts, styles, templates and hidden
    elements, plus the labels and hints in attributes."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for element in soup(["script", "style", "template", "noscript"]):
        element.decompose()
    for element in soup.select("[hidden]"):
        element.decompose()
    labels = [element.get(name) for element in soup.find_all(True) for name in ("aria-label", "placeholder", "title")]
    return " ".join(" ".join([soup.get_text(" "), *[label for label in labels if label]]).split())


@pytest.fixture
def demo_editorial_day(monkeypatch):
    """`load_demo` and `ensure_admin` as `make run` runs them, then an article in moderation."""
    return start_demo_editorial_day(monkeypatch)


def walk(client, username: str, urls: list[str]) -> dict[str, list[str]]:
    client.logout()
    # An English browser: the admin must stay Vietnamese all the same.
    response = client.post(
        "/admin/login/", {"username": username, "password": DEMO_PASSWORD}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert response.status_code == 302
    found = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response.status_code == 200, url
        assert "gravatar.com" not in response.content.decode(), url
        words = english_words(readable_text(response))
        if words:
            found[url] = words
    return found


def test_unit_editor_walks_the_admin_in_vietnamese_only(client, demo_editorial_day):
    assert walk(client, DEMO_USERS[0]["username"], editorial_urls(demo_editorial_day)) == {}


def test_moderator_walks_the_admin_in_vietnamese_only(client, demo_editorial_day):
    urls = [*editorial_urls(demo_editorial_day), "/admin/reports/workflow/", "/admin/reports/workflow_tasks/"]
    assert walk(client, DEMO_USERS[1]["username"], urls) == {}


def test_administrator_sees_sites_and_users_in_vietnamese(client, admin_user):
    client.force_login(admin_user)
    found = {
        url: english_words(readable_text(client.get(url)))
        for url in ("/admin/sites/", "/admin/users/", "/admin/groups/", "/admin/workflows/list/", "/admin/collections/")
    }
    assert {url: words for url, words in found.items() if words} == {}
    groups = visible_text(client.get("/admin/groups/"))
    assert "Kiểm duyệt viên Tổng công ty" in groups and "Biên tập viên Tổng công ty" in groups
    assert "Duyệt tin Tổng công ty" in visible_text(client.get("/admin/workflows/list/"))
    assert Collection.get_first_root_node().name == Page.get_first_root_node().title == "Gốc"


def test_names_show_family_name_first_and_one_admin_title(client, demo_editorial_day):
    titles = set()
    for username in (DEMO_USERS[0]["username"], DEMO_USERS[1]["username"]):
        client.logout()
        client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
        dashboard = BeautifulSoup(client.get("/admin/").content.decode(), "html.parser")
        titles.add(dashboard.find("h1").get_text(" ", strip=True))
        titles.add(dashboard.find("title").get_text(strip=True).rsplit(" - ", 1)[-1])
    assert titles == {"Tổng công ty Phát điện 2"}
    text = visible_text(client.get(f"/admin/pages/{demo_editorial_day['article'].pk}/edit/"))
    assert "Nguyễn Thị Hương" in text
    assert "Thị Hương Nguyễn" not in text
