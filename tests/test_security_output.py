"""What leaves the system is safe everywhere (issue 6): rich text written straight to the
database is sanitised on every page, API response and feed, and no editor's account name or
e-mail address is ever shown."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from tests.factories import field_section, make_article

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Mở đầu<script>alert("xss-1")</script></p>'
    '<p><img src="x" onerror="alert(\'xss-2\')">ảnh</p>'
    "<p><a href=\"javascript:alert('xss-3')\">liên kết</a></p>"
    '<iframe src="https://evil.example/xss-4"></iframe>'
)
MARKERS = ("xss-1", "xss-2", "xss-3", "xss-4", "onerror", "javascript:", "<iframe")


@pytest.fixture
def hostile_article():
    editor = get_user_model().objects.create_superuser(
        "bientap.nguyenvana", email="nguyenvana@evngenco2.vn", password="x", first_name="Văn A", last_name="Nguyễn"
    )
    article = make_article(title="Bài có nội dung độc hại", body=[], publish=False)
    # Straight through the ORM, as a script or a careless import would: no editor-side filtering.
    article.body = [("paragraph", RichText(HOSTILE)), field_section("Về an toàn", HOSTILE)]
    article.save_revision(user=editor).publish(user=editor)
    article.refresh_from_db()
    return article


def _outputs(client, article) -> dict[str, str]:
    paths = {
        "page": article.url,
        "home": "/",
        "api list": "/api/v1/articles/",
        "api detail": f"/api/v1/articles/{article.pk}/",
        "rss": "/feeds/rss.xml",
        "atom": "/feeds/atom.xml",
        "json feed": "/feeds/feed.json",
        "sitemap": "/sitemap.xml",
        "search": "/tim-kiem/?q=bai+co+noi+dung",
    }
    outputs = {}
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, name
        outputs[name] = response.content.decode()
    return outputs


def test_hostile_rich_text_saved_through_the_orm_is_sanitised_everywhere(client, hostile_article):
    for name, body in _outputs(client, hostile_article).items():
        for marker in MARKERS:
            assert marker not in body, f"{marker!r} leaked into {name}"
    page = client.get(hostile_article.url).content.decode()
    assert "Mở đầu" in page and "liên kết" in page  # the text itself survives


def test_no_editor_account_name_or_email_appears_in_any_output(client, hostile_article):
    for name, body in _outputs(client, hostile_article).items():
        for secret in ("bientap.nguyenvana", "nguyenvana@evngenco2.vn", "Nguyễn Văn A", "Văn A Nguyễn"):
            assert secret not in body, f"{secret!r} leaked into {name}"
