"""The article page, as a reader gets it: the old site's date line, then title, hero, lead, sections, byline."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.news.dates import format_vietnamese_date
from tests.factories import (
    AuthorFactory,
    field_section,
    image_block,
    make_article,
    paragraph,
    quote,
    small_image,
)
from tests.helpers import article_text, assert_in_order

pytestmark = pytest.mark.django_db


WEEK = {
    datetime.date(2024, 11, 25): "Thứ Hai, 25/11/2024",
    datetime.date(2024, 11, 26): "Thứ Ba, 26/11/2024",
    datetime.date(2024, 11, 27): "Thứ Tư, 27/11/2024",
    datetime.date(2024, 11, 28): "Thứ Năm, 28/11/2024",
    datetime.date(2024, 11, 29): "Thứ Sáu, 29/11/2024",
    datetime.date(2024, 11, 30): "Thứ Bảy, 30/11/2024",
    datetime.date(2024, 12, 1): "Chủ Nhật, 01/12/2024",
    datetime.date(2025, 1, 5): "Chủ Nhật, 05/01/2025",
}


@pytest.mark.parametrize(("day", "expected"), WEEK.items())
def test_date_line_has_the_weekday_in_words_then_dd_mm_yyyy(day, expected):
    assert format_vietnamese_date(day) == expected


def test_page_shows_the_date_line_with_a_machine_readable_date(client):
    article = make_article(date=datetime.date(2024, 12, 1))
    html = client.get(article.url).content.decode()
    assert re.search(r'<time datetime="2024-12-01">\s*Chủ Nhật, 01/12/2024\s*</time>', html)


def test_page_shows_every_part_in_order(client):
    hero, figure = small_image(title="Ảnh đại diện"), small_image(title="Ảnh trong bài")
    article = make_article(
        title="Nhiệt điện Cần Thơ hoàn thành đại tu tổ máy S5",
        date=datetime.date(2024, 11, 29),
        hero_image=hero,
        hero_caption="Công nhân kiểm tra tua bin sau đại tu",
        lead="Sau 45 ngày, tổ máy S5 đã hòa lưới trở lại.",
        body=[
            paragraph("Công tác đại tu được chuẩn bị từ đầu năm."),
            field_section("Lĩnh vực an toàn", "Không để xảy ra sự cố."),
            image_block(figure, caption="Lễ hòa lưới tổ máy S5", credit="Ảnh: Thu Hà"),
            quote("Chất lượng là trên hết.", "Giám đốc Công ty"),
            paragraph("Đoạn kết có <b>chữ đậm</b> &amp; ký hiệu."),
        ],
        author=AuthorFactory(name="Quốc Bảo", slug="quoc-bao"),
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_in_order(
        article_text(html),
        [
            "Thứ Sáu, 29/11/2024",
            "Nhiệt điện Cần Thơ hoàn thành đại tu tổ máy S5",
            "Công nhân kiểm tra tua bin sau đại tu",
            "Sau 45 ngày, tổ máy S5 đã hòa lưới trở lại.",
            "Công tác đại tu được chuẩn bị từ đầu năm.",
            "Lĩnh vực an toàn: Không để xảy ra sự cố.",
            "Lễ hòa lưới tổ máy S5",
            "Ảnh: Thu Hà",
            "Chất lượng là trên hết.",
            "Giám đốc Công ty",
            "Đoạn kết có chữ đậm & ký hiệu.",
            "Quốc Bảo",
        ],
    )
    assert "<b>chữ đậm</b>" in html
    assert re.search(r'<img[^>]+alt="Công nhân kiểm tra tua bin sau đại tu"', html)
    assert re.search(r'<img[^>]+alt="Lễ hòa lưới tổ máy S5"', html)


def test_page_without_hero_author_or_body_still_renders(client):
    article = make_article(title="Tin ngắn", lead="Chỉ có sapo.", body=[])
    response = client.get(article.url)
    assert response.status_code == 200
    text = article_text(response.content.decode())
    assert_in_order(text, [article.date_display, "Tin ngắn", "Chỉ có sapo."])
    assert '<figure class="article-hero"' not in response.content.decode()


def test_draft_article_is_not_public(client):
    draft = make_article(title="Bản nháp chưa duyệt", publish=False)
    assert client.get(f"/tin-tuc/{draft.slug}/").status_code == 404


def test_page_query_count_does_not_grow_with_body_images(client):
    def article_with(images: int):
        body = [image_block(small_image(), caption=f"Ảnh {n}") for n in range(images)]
        return make_article(body=[paragraph("Mở đầu."), *body], hero_image=small_image())

    def queries_for(article) -> int:
        client.get(article.url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as context:
            assert client.get(article.url).status_code == 200
        return len(context)

    make_article(title="Bài khác cho hộp tin liên quan")
    small, large = article_with(1), article_with(8)
    assert queries_for(large) == queries_for(small)
