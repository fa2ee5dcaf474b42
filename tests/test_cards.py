"""A page of articles is read once, the same way, for the API's cards, the site's lists and the
feeds (`cms.news.cards.article_cards`): what each shows of an article agrees, and the read takes
the same few queries for 2 articles as for 12."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.news.cards import article_cards, ranked_cards
from cms.news.renditions import RENDITION_FILTERS
from cms.news.selectors import published_articles, search_articles
from tests.factories import CategoryFactory, MemberUnitFactory, image_block, make_article, paragraph, small_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards_world():
    unit, other = MemberUnitFactory(name="Thủy điện Sơn La"), MemberUnitFactory(name="Nhiệt điện Vĩnh Tân")
    category = CategoryFactory(name="Sản xuất")
    hero, inline = small_image("Ảnh đại diện"), small_image("Ảnh trong bài")
    for image in (hero, inline):
        image.get_renditions(*RENDITION_FILTERS)
    article = make_article(
        title="Tổ máy số 2 hòa lưới",
        units=[unit, other],
        categories=[category],
        tags=["vận hành", "an toàn"],
        hero_image=hero,
        hero_caption="Phòng điều khiển",
        body=[paragraph("Đoạn đầu."), image_block(inline, caption="Gian máy")],
    )
    return article, hero, inline


def test_a_card_carries_photos_with_renditions_and_sorted_relations(cards_world):
    article, hero, inline = cards_world
    (card,) = article_cards(published_articles().filter(pk=article.pk), body="raw")

    assert card.hero_image.pk == hero.pk
    assert {rendition.filter_spec for rendition in card.hero_image.prefetched_renditions} == set(RENDITION_FILTERS)
    assert [unit.name for unit in card.card_units] == ["Nhiệt điện Vĩnh Tân", "Thủy điện Sơn La"]
    assert [tag.name for tag in card.card_tags] == ["an toàn", "vận hành"]
    assert list(card.body_images) == [inline.pk]
    assert [block["type"] for block in card.raw_body] == ["paragraph", "image"]


def test_the_read_costs_the_same_queries_whatever_the_page_size(cards_world):
    def queries_for(size: int) -> int:
        page = published_articles()[:size]  # Wagtail reads the view restrictions here
        with CaptureQueriesContext(connection) as captured:
            cards = article_cards(page, body="raw")
        assert len(cards) == min(size, published_articles().count())
        return len(captured)

    few = queries_for(1)
    for number in range(11):
        make_article(
            hero_image=small_image(f"Ảnh {number}"),
            units=[MemberUnitFactory()],
            categories=[CategoryFactory()],
            tags=[f"thẻ {number}"],
            body=[paragraph("Đoạn."), image_block(small_image(f"Ảnh thân bài {number}"))],
        )
    assert queries_for(12) == few == 3  # articles with authors, photos with renditions, relations


def test_a_ranked_page_is_read_by_its_keys_first_and_gives_the_same_cards(cards_world):
    for number in range(5):
        make_article(title=f"Nhà máy số {number}", lead="Nhà máy vận hành." if number % 2 else "Tin khác về nhà máy.")
    ranked = search_articles(published_articles(), "nhà máy vận hành")[:4]
    with CaptureQueriesContext(connection) as captured:
        cards = ranked_cards(ranked)
    with CaptureQueriesContext(connection) as captured_in_one:
        expected = article_cards(ranked)
    # The page's keys (after any look-up of candidates in the index), then the cards by id.
    lookups = ("SELECT article_search_ids(", "SELECT rowid FROM article_search_fts")
    reads = [query for query in captured if not query["sql"].startswith(lookups)]
    assert len(reads) == len(captured_in_one) + 1
    assert [(card.pk, card.search_rank, card.title) for card in cards] == [
        (card.pk, card.search_rank, card.title) for card in expected
    ]
    assert [card.card_author for card in cards] == [card.card_author for card in expected]
    assert ranked_cards(search_articles(published_articles(), "không có từ này")[:4]) == []


def test_api_site_and_feed_show_the_same_card(client, cards_world):
    article, _hero, _inline = cards_world

    card = client.get("/api/v1/articles/").json()["results"][0]
    soup = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    labels = {link.get_text(strip=True) for link in soup.select(".featured .labels a, .card .labels a")}
    entry = feedparser.parse(client.get("/feeds/rss.xml").content).entries[0]

    assert card["title"] == entry.title == article.title
    assert [category["name"] for category in card["categories"]] == ["Sản xuất"]
    assert "Sản xuất" in labels
    assert "Sản xuất" in {term.term for term in entry.tags}
    assert card["hero"]["caption"] == "Phòng điều khiển" and "Phòng điều khiển" in entry.content[0].value


def test_photos_read_in_bulk_equal_what_django_builds(cards_world):
    """The bulk photo read skips `Model.__init__` after its first row: every image and rendition
    must still carry exactly what `from_db` gives it."""
    from wagtail.images import get_image_model

    from cms.news.image_prefetch import images_with_renditions

    image_model = get_image_model()
    images = images_with_renditions(image_model.objects.values_list("pk", flat=True), RENDITION_FILTERS)
    assert len(images) >= 2
    for image in images.values():
        fresh = image_model.objects.get(pk=image.pk)
        ours = {name: value for name, value in vars(image).items() if name not in ("_state", "prefetched_renditions")}
        assert ours == {name: value for name, value in vars(fresh).items() if name != "_state"}
        assert (image._state.adding, image._state.db) == (False, fresh._state.db)
        for rendition in image.prefetched_renditions:
            stored = image_model.get_rendition_model().objects.get(pk=rendition.pk)
            assert rendition.url == stored.url and (rendition.width, rendition.height) == (stored.width, stored.height)
            assert rendition.image is image
