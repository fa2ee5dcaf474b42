"""One article: typed sections, sanitised body HTML, related articles, and errors for bad ids."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import (
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    field_section,
    image_block,
    make_article,
    paragraph,
    quote,
)

pytestmark = pytest.mark.django_db


def detail(client, article, **params):
    response = client.get(f"/api/v1/articles/{article.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_sections_come_in_order_as_typed_json(client):
    photo = ImageFactory()
    article = make_article(
        body=[
            paragraph("Đoạn mở đầu."),
            field_section("Lĩnh vực kinh tế", "Ứng dụng công nghệ mới."),
            image_block(photo, caption="Tổ máy số 1", credit="Ảnh: Minh Anh"),
            quote("An toàn là trên hết.", "Giám đốc"),
        ]
    )
    sections = detail(client, article)["sections"]
    assert [section["type"] for section in sections] == ["paragraph", "field", "image", "quote"]
    assert sections[0] == {"type": "paragraph", "html": "<p>Đoạn mở đầu.</p>"}
    assert sections[1] == {"type": "field", "label": "Lĩnh vực kinh tế", "html": "<p>Ứng dụng công nghệ mới.</p>"}
    assert sections[2]["caption"] == "Tổ máy số 1"
    assert sections[2]["credit"] == "Ảnh: Minh Anh"
    assert sections[2]["image"]["renditions"][1]["url"].startswith("http://testserver/media/images/")
    assert sections[3] == {"type": "quote", "text": "An toàn là trên hết.", "attribution": "Giám đốc"}


def test_body_html_is_sanitised_with_absolute_links(client):
    target = make_article(title="Bài được nhắc tới")
    article = make_article(
        body=[
            ("paragraph", RichText('<p>Xem <a href="/tin-tuc/">tin</a><script>alert(1)</script></p>')),
            ("paragraph", RichText(f'<p><a linktype="page" id="{target.pk}">bài kia</a></p>')),
            field_section("Lĩnh vực", '<img src="x" onerror="alert(1)">chữ'),
        ]
    )
    data = detail(client, article)
    html = data["body_html"]
    assert "<script" not in html and "onerror" not in html
    assert 'href="http://testserver/tin-tuc/"' in html
    assert f'href="http://testserver{target.url}"' in html  # internal page link resolved
    assert "<strong>Lĩnh vực:</strong>" in html
    assert all("<script" not in section.get("html", "") for section in data["sections"])
    assert "onerror" not in data["sections"][2]["html"]


def test_detail_has_card_fields_too(client):
    article = make_article(title="Hội nghị người lao động")
    data = detail(client, article)
    assert data["title"] == "Hội nghị người lao động"
    assert data["date_display"] == article.date_display
    assert data["url"] == f"http://testserver{article.url}"


def test_related_articles_share_a_category_or_unit(client):
    unit, category = MemberUnitFactory(), CategoryFactory()
    article = make_article(units=[unit])
    same_unit = make_article(units=[unit])
    same_category = make_article(units=[MemberUnitFactory()], categories=[category])
    article.categories.set([category])
    article.save_revision().publish()
    make_article(units=[MemberUnitFactory()])  # unrelated
    related = {item["id"] for item in detail(client, article)["related"]}
    assert related == {same_unit.pk, same_category.pk}


def test_detail_fields_subset(client):
    article = make_article()
    assert set(detail(client, article, fields="title,sections")) == {"id", "title", "sections"}


@pytest.mark.parametrize("bad_id", ["12abc", "-1", "1.5", "９"])
def test_malformed_id_answers_400_naming_id(client, bad_id):
    response = client.get(f"/api/v1/articles/{bad_id}/")
    assert response.status_code == 400
    assert "id" in response.json()["errors"]


def test_missing_article_answers_404_json(client):
    response = client.get("/api/v1/articles/999999/")
    assert response.status_code == 404
    assert "999999" in response.json()["errors"]["id"][0]


def test_unknown_api_address_answers_404_json(client):
    response = client.get("/api/v1/articles/1/extra/")
    assert response.status_code == 404
    assert response.json()["errors"]["detail"]


def _detail_queries(client, article) -> int:
    client.get(f"/api/v1/articles/{article.pk}/")  # renditions made on first use
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_body_images(client):
    unit, category = MemberUnitFactory(), CategoryFactory()
    for _ in range(3):
        make_article(units=[unit], categories=[category], hero_image=ImageFactory())

    def article_with_images(count):
        body = []
        for number in range(count):
            body += [paragraph(f"Đoạn {number}."), image_block(ImageFactory(), caption=f"Ảnh {number}")]
        return make_article(units=[unit], categories=[category], hero_image=ImageFactory(), body=body)

    assert _detail_queries(client, article_with_images(2)) == _detail_queries(client, article_with_images(20))
