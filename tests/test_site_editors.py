"""The editors' day: preview with the site's templates, a signed preview link for a unit's web
team, and scheduled publishing that really happens."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.http_cache.freshness import content_version
from cms.news.selectors import published_articles
from cms.website import preview_links
from tests.factories import ImageFactory, field_section, make_article, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("bientap", "bientap@example.org", "mat-khau-dai")
    client.force_login(user)
    return client


def draft_change(article, **fields):
    for name, value in fields.items():
        setattr(article, name, value)
    return article.save_revision()


def test_editor_preview_of_a_draft_uses_the_article_template(editor_client):
    article = make_article(title="Tiêu đề đã đăng", lead="Sapo cũ.")
    draft_change(
        article, title="Tiêu đề bản nháp", lead="Sapo mới chưa đăng.", body=[field_section("Về an toàn", "Nội dung.")]
    )
    response = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert response.status_code == 200
    assert "pages/article_page.html" in [template.name for template in response.templates]
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find("h1").get_text() == "Tiêu đề bản nháp"
    assert page.select_one(".article-lead").get_text() == "Sapo mới chưa đăng."
    assert page.select_one(".block-field .field-label strong").get_text() == "Về an toàn:"
    assert not page.select("[data-view-beacon]")  # previews are not counted as views
    # Readers still see the published version.
    assert "Tiêu đề đã đăng" in editor_client.get(article.url).content.decode()


def test_preview_link_shows_the_drafts_api_json_without_an_account(editor_client):
    article = make_article(title="Bài đã đăng", lead="Sapo đã đăng.")
    draft_change(
        article,
        title="Bài sửa chưa đăng",
        hero_image=ImageFactory(),
        hero_caption="Ảnh mới",
        body=[paragraph("Đoạn mới."), field_section("Về sản xuất", "Vượt kế hoạch.")],
    )
    admin_page = editor_client.get(reverse("website_preview_link", args=[article.pk]))
    assert admin_page.status_code == 200
    link = BeautifulSoup(admin_page.content.decode(), "html.parser").find("input", readonly=True)["value"]
    editor_client.logout()

    response = editor_client.get(link.split("testserver", 1)[1])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["id"] == article.pk
    assert data["title"] == "Bài sửa chưa đăng"
    assert data["hero"]["caption"] == "Ảnh mới"
    assert [len(r["url"]) > 0 for r in data["hero"]["image"]["renditions"]] == [True, True, True]
    assert [section["type"] for section in data["sections"]] == ["paragraph", "field"]
    assert data["sections"][1]["label"] == "Về sản xuất"
    assert "Vượt kế hoạch." in data["body_html"]
    assert data["preview"]["has_unpublished_changes"] is True


def test_article_edit_page_offers_the_preview_link_button(editor_client):
    article = make_article()
    edit_page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert reverse("website_preview_link", args=[article.pk]) in edit_page
    assert "Liên kết xem trước cho đơn vị" in edit_page


def test_preview_link_of_a_never_published_draft(client):
    draft = make_article(title="Bài chưa từng đăng", publish=False)
    response = client.get(preview_links.preview_link(draft.pk).split("testserver", 1)[1])
    data = response.json()
    assert data["title"] == "Bài chưa từng đăng"
    assert data["url"] is None and data["preview"]["live"] is False


def test_preview_link_expires(client, monkeypatch, settings):
    settings.PREVIEW_LINK_MAX_AGE = 3600
    article = make_article()
    url = reverse("website:preview_link", args=[preview_links.make_token(article.pk)])
    assert client.get(url).status_code == 200
    later = signing.time.time() + 3601
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(url)
    assert response.status_code == 403
    assert response.json()["error"] == "link_expired"


def test_forged_or_retargeted_preview_links_are_refused(client):
    article = make_article()
    other = make_article()
    token = preview_links.make_token(article.pk)
    retargeted = token.replace(f"{article.pk}:", f"{other.pk}:", 1)
    for bad in (retargeted, token[:-2] + "xx", "khong-hop-le", signing.TimestampSigner().sign(str(article.pk))):
        response = client.get(reverse("website:preview_link", args=[bad]))
        assert response.status_code == 404
        assert response.json()["error"] == "link_invalid"
    article.delete()
    assert client.get(reverse("website:preview_link", args=[token])).status_code == 404


def test_only_editors_who_may_edit_the_page_get_a_preview_link(client):
    article = make_article()
    reader = get_user_model().objects.create_user("docgia", "docgia@example.org", "mat-khau-dai")
    client.force_login(reader)
    assert client.get(reverse("website_preview_link", args=[article.pk])).status_code in (302, 403)


@pytest.fixture
def clock(monkeypatch):
    """Move "now" for Django, Wagtail and the query layer alike."""
    start = timezone.now()
    state = {"now": start}
    monkeypatch.setattr(timezone, "now", lambda: state["now"])

    def move(delta: datetime.timedelta) -> None:
        state["now"] = start + delta

    return move


def test_scheduled_article_goes_live_when_publish_scheduled_runs(client, clock):
    article = make_article(title="Bài hẹn giờ đăng", publish=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert not published_articles().filter(pk=article.pk).exists()
    assert "Bài hẹn giờ đăng" not in client.get("/").content.decode()
    version_before = content_version()

    clock(datetime.timedelta(hours=2))
    call_command("publish_scheduled", stdout=io.StringIO())

    assert published_articles().filter(pk=article.pk).exists()
    assert "Bài hẹn giờ đăng" in client.get("/").content.decode()
    assert content_version() != version_before


def test_expired_article_is_unpublished_when_publish_scheduled_runs(client, clock):
    article = make_article(title="Bài hết hạn", publish=False)
    article.expire_at = timezone.now() + datetime.timedelta(hours=1)
    article.save_revision().publish()
    assert "Bài hết hạn" in client.get("/").content.decode()
    version_before = content_version()

    clock(datetime.timedelta(hours=2))
    assert not published_articles().filter(pk=article.pk).exists()  # hidden at once by the query layer
    call_command("publish_scheduled", stdout=io.StringIO())

    article.refresh_from_db()
    assert not article.live and article.expired
    assert content_version() != version_before
    assert "Bài hết hạn" not in client.get("/").content.decode()
