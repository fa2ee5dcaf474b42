"""An editor in the Wagtail admin: Vietnamese UI, Ho Chi Minh City time, and a full article created by form."""

import datetime
import re
import zoneinfo

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from cms.news.models import ArticlePage
from cms.news.selectors import published_articles
from cms.news.unit_sections import ensure_corporate_editors
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    MemberUnitFactory,
    corporate_index,
    make_article,
    small_image,
)
from tests.helpers import (
    PASSWORD,
    add_article_url,
    article_form_data,
    article_text,
    assert_in_order,
    form_errors,
    make_editor,
)

pytestmark = pytest.mark.django_db


HO_CHI_MINH = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def corporate_editor(client):
    user = make_editor("bien-tap", ensure_corporate_editors())
    client.force_login(user)
    return user


def test_editor_logs_in_and_sees_the_admin_in_vietnamese(client):
    user = make_editor("dang-nhap", ensure_corporate_editors())
    response = client.post("/admin/login/", {"username": "dang-nhap", "password": PASSWORD})
    assert response.status_code == 302
    dashboard = client.get(response["Location"])
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert '<html lang="vi"' in html
    assert "<title>Trang tổng quan" in html
    # The sidebar menu is JSON inside the page: undo its \\uXXXX escapes before reading it.
    menu = re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match[1], 16)), html)
    assert "Tài khoản" in menu and "Trang" in menu and "Tác giả" in menu
    assert "Dashboard" not in html
    assert UserProfile.get_for_user(user).get_preferred_language() == "vi"
    assert UserProfile.get_for_user(user).get_current_time_zone() == "Asia/Ho_Chi_Minh"


def test_admin_login_page_is_vietnamese_for_an_anonymous_visitor(client):
    html = client.get("/admin/login/").content.decode()
    assert '<html lang="vi"' in html
    assert "Tên đăng nhập" in html


def test_editor_creates_and_publishes_a_complete_article(client, corporate_editor):
    unit_a = MemberUnitFactory(slug="nhiet-dien-can-tho", name="Công ty Nhiệt điện Cần Thơ")
    unit_b = MemberUnitFactory(slug="thuy-dien-thac-mo", name="Công ty Cổ phần Thủy điện Thác Mơ")
    category = CategoryFactory(name="Sản xuất điện", slug="san-xuat-dien")
    author = AuthorFactory(name="Phương Linh", slug="phuong-linh")
    hero = small_image(title="Ảnh hội nghị")
    figure = small_image(title="Ảnh tổ máy")
    parent = corporate_index()

    data = article_form_data(
        title="Đẩy mạnh phong trào thi đua “Dân vận khéo”",
        slug="day-manh-phong-trao-thi-dua-dan-van-kheo",  # what the slug widget proposes (test_slugs.py)
        date="2024-11-29",
        hero_image=hero,
        hero_caption="Hội nghị học tập chuyên đề toàn khóa",
        lead="Đảng ủy Tổng công ty đã cụ thể hóa các quan điểm của Đảng.",
        body=[
            ("paragraph", rich_text("<p>Đoạn mở đầu của phần thân bài.</p>")),
            ("field", {"label": "Lĩnh vực kinh tế", "text": rich_text("<p>Khéo trong vận động doanh nghiệp.</p>")}),
            ("image", {"image": figure.pk, "caption": "Tổ máy số 1 hòa lưới", "credit": "Ảnh: Minh Tuấn"}),
            ("quote", {"text": "An toàn là trên hết.", "attribution": "Giám đốc Công ty"}),
        ],
        author=author,
        units=[unit_a, unit_b],
        categories=[category],
        tags="thi đua, dân vận",
    )
    response = client.post(add_article_url(parent), data)
    assert response.status_code == 302, form_errors(response)

    page = ArticlePage.objects.get(title="Đẩy mạnh phong trào thi đua “Dân vận khéo”")
    assert page.slug == "day-manh-phong-trao-thi-dua-dan-van-kheo"
    assert page.live and published_articles().filter(pk=page.pk).exists()
    assert page.get_parent().specific == parent
    assert page.date == datetime.date(2024, 11, 29)
    assert (page.hero_image, page.hero_caption, page.author) == (hero, "Hội nghị học tập chuyên đề toàn khóa", author)
    assert [block.block_type for block in page.body] == ["paragraph", "field", "image", "quote"]
    assert page.body[1].value["label"] == "Lĩnh vực kinh tế"
    assert page.body[2].value["image"] == figure
    assert (page.body[2].value["caption"], page.body[2].value["credit"]) == ("Tổ máy số 1 hòa lưới", "Ảnh: Minh Tuấn")
    assert set(page.units.all()) == {unit_a, unit_b}
    assert list(page.categories.all()) == [category]
    assert sorted(page.tags.names()) == ["dân vận", "thi đua"]

    site = client.get(page.url)
    assert site.status_code == 200
    html = site.content.decode()
    assert_in_order(
        article_text(html),
        [
            "Thứ Sáu, 29/11/2024",
            "Đẩy mạnh phong trào thi đua “Dân vận khéo”",
            "Hội nghị học tập chuyên đề toàn khóa",
            "Đảng ủy Tổng công ty đã cụ thể hóa các quan điểm của Đảng.",
            "Đoạn mở đầu của phần thân bài.",
            "Lĩnh vực kinh tế: Khéo trong vận động doanh nghiệp.",
            "Tổ máy số 1 hòa lưới",
            "Ảnh: Minh Tuấn",
            "An toàn là trên hết.",
            "Giám đốc Công ty",
            "Phương Linh",
        ],
    )
    assert len(re.findall(r"<img[^>]+src=\"[^\"]+/images/", html)) >= 2  # hero and inline photo renditions


@pytest.mark.parametrize("missing", ["lead", "slug", "units"])
def test_article_missing_a_required_field_is_refused_with_a_vietnamese_message(client, corporate_editor, missing):
    data = article_form_data(title="Thiếu trường bắt buộc", slug="thieu-truong", units=[MemberUnitFactory()])
    data[missing] = [] if missing == "units" else ""
    before = Page.objects.count()
    response = client.post(add_article_url(corporate_index()), data)
    assert response.status_code == 200
    assert Page.objects.count() == before
    assert response.context["form"].errors[missing] == ["Trường này là bắt buộc."]


def test_admin_shows_times_in_ho_chi_minh_city(client, corporate_editor):
    page = make_article(title="Bài có lịch gỡ")
    # 17:30 UTC is 00:30 the next day in Hồ Chí Minh City (UTC+7).
    page.expire_at = datetime.datetime(2024, 11, 29, 17, 30, tzinfo=datetime.UTC)
    page.save_revision().publish()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    field = re.search(r'<input[^>]*name="expire_at"[^>]*>', html).group(0)
    assert 'value="2024-11-30 00:30"' in field


def test_expiry_typed_in_local_time_is_stored_as_ho_chi_minh_time(client, corporate_editor):
    page = make_article(title="Bài đặt giờ gỡ")
    data = article_form_data(title=page.title, slug=page.slug, lead=page.lead, units=page.units.all(), action="")
    data["expire_at"] = "2030-01-02 08:15"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, form_errors(response)
    revision = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert revision.expire_at == datetime.datetime(2030, 1, 2, 8, 15, tzinfo=HO_CHI_MINH)
    assert revision.expire_at == datetime.datetime(2030, 1, 2, 1, 15, tzinfo=datetime.UTC)
