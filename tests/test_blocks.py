"""Every body block type, through every output: the site's page, the API's typed `sections`
and its `body_html`, the feeds' full content and the search index carry the same text, because
each block defines all of them in one class (cms/news/blocks.py)."""

import html
import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from cms.news.blocks import BODY_BLOCK, BodyBlock
from cms.search.models import ArticleSearchDocument
from tests.factories import field_section, image_block, make_article, paragraph, quote, small_image

pytestmark = pytest.mark.django_db


BLOCK_TYPES = ("paragraph", "field", "image", "quote")


def samples() -> dict[str, tuple[str, object]]:
    """One block of each type, with text found nowhere else. A new block type needs one here
    (and its name in BLOCK_TYPES)."""
    return {
        "paragraph": paragraph("Đoạn văn về tổ máy số một &amp; <em>sản lượng</em>."),
        "field": field_section("Lĩnh vực kinh tế", "Khéo trong vận động doanh nghiệp."),
        "image": image_block(small_image(), caption="Lãnh đạo thăm nhà máy", credit="Ảnh: Phương Linh"),
        "quote": quote("An toàn là trên hết.", attribution="Giám đốc Công ty"),
    }


def words_of(markup: str) -> str:
    """The text a reader sees, white space dropped (markup may split or join words' spacing)."""
    return "".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())


def test_every_block_type_defines_every_output():
    assert set(BLOCK_TYPES) == set(BODY_BLOCK.child_blocks), "each block type needs a sample above"
    for name, block in BODY_BLOCK.child_blocks.items():
        assert isinstance(block, BodyBlock), name
        assert block.meta.template.startswith("components/blocks/"), name
        for method in ("raw_html", "raw_text", "get_api_representation"):
            assert getattr(type(block), method) is not getattr(BodyBlock, method, None), (name, method)


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_a_block_carries_the_same_text_to_the_page_the_api_the_feeds_and_search(client, block_type):
    article = make_article(title="Bài có mọi loại khối", body=[samples()[block_type]])
    stored = article.body.raw_data[0]
    raw_text = BODY_BLOCK.child_blocks[block_type].raw_text(stored["value"])
    texts = ["".join(html.unescape(part).split()) for part in raw_text]
    texts = [text for text in texts if text]
    assert texts, "the sample has text"

    page = words_of(client.get(article.url).content.decode())
    detail = client.get(f"/api/v1/articles/{article.pk}/").json()
    sections = json.dumps(detail["sections"], ensure_ascii=False)
    body_html = words_of(detail["body_html"])
    feed = feedparser.parse(client.get("/feeds/rss.xml").content)
    entry = next(entry for entry in feed.entries if entry.title == article.title)
    feed_text = words_of(entry.content[0].value)
    indexed = "".join(ArticleSearchDocument.objects.get(pk=article.pk).text.split())

    for text in texts:
        assert text in page, ("site", text)
        assert text in words_of(sections), ("api sections", text)
        assert text in body_html, ("api body_html", text)
        assert text in feed_text, ("feed", text)
        assert text in indexed, ("search", text)
    assert [section["type"] for section in detail["sections"]] == [block_type]


def test_image_blocks_name_their_images_for_the_bulk_fetch():
    image = small_image()
    body = [paragraph("Mở đầu."), image_block(image, caption="Ảnh"), quote("Trích dẫn.")]
    article = make_article(body=body)
    assert BODY_BLOCK.raw_image_ids(article.body.raw_data) == [image.pk]


def test_stored_values_a_script_wrote_wrongly_read_as_empty():
    broken = [
        {"type": "field", "value": None},
        {"type": "image", "value": "not an object"},
        {"type": "quote", "value": ["a", "list"]},
        {"type": "paragraph", "value": 42},
        {"type": "no-such-block", "value": {}},
        "not a block",
    ]
    assert BODY_BLOCK.raw_image_ids(broken) == []
    assert "None" not in BODY_BLOCK.raw_html(broken, {})
    assert all(isinstance(part, str) for part in BODY_BLOCK.raw_text(broken))
