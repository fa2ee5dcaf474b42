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
from django.contrib.auth import get_user_model

from cms.news.unit_sections import ensure_corporate_editors
from tests.factories import make_article
from tests.test_article_admin import article_form_data, form_errors

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
