"""The corporate site as a reader sees it: home, unit and category lists, the article page."""

import datetime
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from cms.news.importer import import_legacy_file
from cms.news.legacy_parser import parse_legacy_article
from cms.news.models import ArticleDailyViews
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    corporate_index,
    field_section,
    image_block,
    make_article,
    paragraph,
    unit_index,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

LEGACY_ARTICLE = Path(settings.BASE_DIR).parent / "shared" / "content" / "legacy" / "000_f6e6f11bcf16baad.txt"
if not LEGACY_ARTICLE.exists():
    LEGACY_ARTICLE = Path(settings.LEGACY_DEMO_DIR) / "000_f6e6f11bcf16baad.txt"


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_legacy_article_page_shows_every_part_in_the_old_sites_order(client):
    outcome = import_legacy_file(LEGACY_ARTICLE, parent=corporate_index(), units=[])
    legacy = parse_legacy_article(LEGACY_ARTICLE.read_bytes())
    page = soup_of(client.get(outcome.page.url))
    article = page.select_one("article.article")

    assert words(article.select_one(".article-date")) == "Thứ Sáu, 29/11/2024"
    assert [words(h1) for h1 in page.find_all("h1")] == [legacy.title]
    assert words(article.select_one(".article-hero figcaption")) == " ".join(legacy.hero_caption.split())
    assert words(article.select_one(".article-lead strong")) == " ".join(legacy.lead.split())
    labels = [words(label) for label in article.select(".block-field .field-label strong")]
    assert labels == [f"{section.label}:" for section in legacy.sections if section.kind == "field"]
    assert labels[0] == "Lĩnh vực kinh tế:"
    assert words(article.select_one(".article-author strong")) == "Phương Linh"

    # Every piece in order: date, title, caption, lead, each section, byline, then the furniture.
    text = words(article)
    expected = [legacy.title, legacy.hero_caption, legacy.lead]
    for section in legacy.sections:
        expected += [section.label, section.text] if section.kind == "field" else [section.text]
    expected += ["Phương Linh", "Gửi cho bạn bè"]
    position = text.index("Thứ Sáu, 29/11/2024")
    for part in expected:
        found = text.find(" ".join(part.split()), position)
        assert found > position, f"missing or out of order: {part[:60]!r}"
        position = found
    side = words(page.select_one(".layout__side"))
    assert "Xem nhiều nhất" in side


def test_article_page_has_seo_open_graph_and_news_article_markup(client):
    hero = ImageFactory()
    article = make_article(
        title="Nhà máy đạt sản lượng kỷ lục",
        lead="Sản lượng năm 2024 vượt kế hoạch.",
        hero_image=hero,
        hero_caption="Toàn cảnh nhà máy",
        author=AuthorFactory(name="Minh Tuấn"),
        date=datetime.date(2024, 11, 29),
    )
    page = soup_of(client.get(article.url))
    canonical = f"{settings.SITE_URL}{article.url}"

    assert page.title.string.startswith("Nhà máy đạt sản lượng kỷ lục")
    assert page.find("meta", attrs={"name": "description"})["content"] == "Sản lượng năm 2024 vượt kế hoạch."
    assert page.find("link", rel="canonical")["href"] == canonical
    og = {meta["property"]: meta["content"] for meta in page.find_all("meta", property=True)}
    assert og["og:title"] == "Nhà máy đạt sản lượng kỷ lục"
    assert og["og:description"] == "Sản lượng năm 2024 vượt kế hoạch."
    assert og["og:url"] == canonical
    assert og["og:image"].startswith(settings.SITE_URL) and "width-1200" in og["og:image"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Nhà máy đạt sản lượng kỷ lục"
    assert data["author"] == {"@type": "Person", "name": "Minh Tuấn"}
    assert data["mainEntityOfPage"]["@id"] == canonical
    assert data["image"] == [og["og:image"]]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    article = make_article(title="Tiêu đề </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld
    assert json.loads(ld)["headline"].startswith("Tiêu đề </script>")


def test_article_images_are_renditions_with_srcset_and_captions_under_them(client):
    article = make_article(
        hero_image=ImageFactory(),
        hero_caption="Lãnh đạo Tổng công ty phát biểu",
        body=[paragraph("Mở đầu."), image_block(ImageFactory(), caption="Công nhân vận hành tổ máy", credit="Ảnh: PV")],
    )
    page = soup_of(client.get(article.url))
    hero, inline = page.select("article figure")
    for figure, caption in ((hero, "Lãnh đạo Tổng công ty phát biểu"), (inline, "Công nhân vận hành tổ máy")):
        img = figure.find("img")
        assert img["alt"] == caption
        widths = [candidate.split()[1] for candidate in img["srcset"].split(", ")]
        assert widths == ["400w", "800w", "1200w"]
        assert "/images/" in img["src"] and img["width"] and img["height"]
        assert figure.find("img").find_next_sibling("figcaption").get_text().startswith(caption)


def test_every_page_is_accessible_and_self_contained(client):
    article = make_article(hero_image=ImageFactory(), categories=[CategoryFactory(slug="an-toan")])
    for url in ("/", corporate_index().url, "/chuyen-muc/an-toan/", article.url, "/tim-kiem/?q=bai"):
        page = soup_of(client.get(url))
        assert page.html["lang"] == "vi"
        assert len(page.find_all("h1")) == 1, url
        assert page.find("main") and page.find("header") and page.find("footer") and page.find("nav")
        assert all(img.get("alt") for img in page.find_all("img")), url
        assert page.find("meta", attrs={"name": "viewport"})
        # Intranet: no CDN, no web font, nothing loaded from another origin.
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for node in page.find_all(tag, attrs={attribute: True}):
                if tag == "link" and node.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not node[attribute].startswith(("http:", "https:", "//")), (url, node)


def test_home_page_lists_latest_articles_with_date_photo_and_lead(client):
    older = make_article(title="Tin cũ hơn", date=datetime.date(2024, 11, 1), lead="Sapo tin cũ.")
    newer = make_article(
        title="Tin mới nhất", date=datetime.date(2024, 11, 29), lead="Sapo tin mới.", hero_image=ImageFactory()
    )
    make_article(title="Bản nháp chưa đăng", date=datetime.date(2024, 11, 30), publish=False)
    page = soup_of(client.get("/"))
    # The newest article with a photo leads the page as the featured story, and is not repeated.
    featured = page.select_one(".featured")
    assert words(featured.select_one(".featured__title")) == "Tin mới nhất"
    assert words(featured.select_one(".article-date")) == "Thứ Sáu, 29/11/2024"
    assert words(featured.select_one(".featured__lead")) == "Sapo tin mới."
    assert featured.select_one("img[srcset]")
    assert featured.select_one(".featured__title a")["href"] == newer.url
    cards = page.select(".card-list .card")
    titles = [words(card.select_one(".card__title")) for card in cards]
    assert titles[:1] == ["Tin cũ hơn"]
    assert "Bản nháp chưa đăng" not in titles and "Tin mới nhất" not in titles
    assert older.url in [a["href"] for a in page.select(".card__title a")]


def test_home_page_links_to_each_units_and_each_categorys_news(client):
    unit = MemberUnitFactory(name="Công ty Nhiệt điện Cần Thơ", slug="nhiet-dien-can-tho")
    section = unit_index(unit)
    CategoryFactory(name="An toàn lao động", slug="an-toan-lao-dong")
    page = soup_of(client.get("/"))
    links = {words(a): a["href"] for a in page.select(".section-links a")}
    assert links[section.title] == section.url
    assert links["An toàn lao động"] == "/chuyen-muc/an-toan-lao-dong/"


def test_most_viewed_box_ranks_the_last_seven_days_site_wide_on_home(client):
    popular = make_article(title="Bài nhiều lượt xem")
    quiet = make_article(title="Bài ít lượt xem")
    stale = make_article(title="Bài được xem tháng trước")
    today = datetime.date.today()
    ArticleDailyViews.objects.create(article=popular, day=today, views=30)
    ArticleDailyViews.objects.create(article=quiet, day=today, views=3)
    ArticleDailyViews.objects.create(article=stale, day=today - datetime.timedelta(days=30), views=500)
    box = soup_of(client.get("/")).select_one(".most-viewed")
    assert words(box.find("h2")) == "Xem nhiều nhất"
    assert [words(a) for a in box.select("li a")] == ["Bài nhiều lượt xem", "Bài ít lượt xem"]


def test_unit_page_lists_only_that_units_news_and_its_most_viewed(client):
    unit = MemberUnitFactory(name="Công ty Thủy điện A", slug="thuy-dien-a")
    other = MemberUnitFactory(name="Công ty Thủy điện B", slug="thuy-dien-b")
    mine = make_article(parent=unit_index(unit), title="Tin của đơn vị A")
    filed_centrally = make_article(title="Tin chung có đơn vị A", units=[unit])
    theirs = make_article(parent=unit_index(other), title="Tin của đơn vị B")
    ArticleDailyViews.objects.create(article=theirs, day=datetime.date.today(), views=99)
    ArticleDailyViews.objects.create(article=mine, day=datetime.date.today(), views=5)
    page = soup_of(client.get(unit_index(unit).url))
    titles = {words(a) for a in page.select(".card__title a")}
    assert titles == {mine.title, filed_centrally.title}
    assert [words(a) for a in page.select(".most-viewed li a")] == ["Tin của đơn vị A"]


def test_category_page_lists_its_articles_and_unknown_category_is_a_vietnamese_404(client):
    safety = CategoryFactory(name="An toàn", slug="an-toan")
    inside = make_article(title="Huấn luyện an toàn", categories=[safety])
    make_article(title="Tin khác")
    page = soup_of(client.get("/chuyen-muc/an-toan/"))
    assert words(page.find("h1")) == "Chuyên mục: An toàn"
    assert [words(a) for a in page.select(".card__title a")] == [inside.title]
    missing = client.get("/chuyen-muc/khong-co/")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()


@pytest.mark.parametrize("raw_page", ["abc", "-1", "0", "1.5", "", "١", "99999999999999999999"])
def test_a_mangled_page_number_shows_the_first_page(client, raw_page):
    make_article(title="Bài duy nhất")
    for url in ("/", corporate_index().url):
        response = client.get(url, {"page": raw_page})
        assert response.status_code == 200
        assert "Bài duy nhất" in response.content.decode()


def test_lists_are_paginated_and_a_page_past_the_end_is_a_404(client):
    articles = [make_article(title=f"Bài phân trang {n:02d}", date=datetime.date(2024, 1, n + 1)) for n in range(14)]
    first = soup_of(client.get(corporate_index().url))
    second = soup_of(client.get(corporate_index().url, {"page": 2}))
    assert len(first.select(".card")) == 12 and len(second.select(".card")) == 2
    assert words(second.select_one(".card__title")) == articles[1].title
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert client.get(corporate_index().url, {"page": 3}).status_code == 404
    assert client.get("/", {"page": 3}).status_code == 404


def test_restricted_and_unpublished_articles_are_not_listed(client):
    public = make_article(title="Tin công khai")
    internal = make_article(title="Tin nội bộ")
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    withdrawn = make_article(title="Tin đã gỡ")
    withdrawn.unpublish()
    titles = {words(a) for a in soup_of(client.get("/")).select(".card__title a")}
    assert public.title in titles
    assert not titles & {internal.title, withdrawn.title}


def _rich_article(unit=None, **fields):
    parent = unit_index(unit) if unit else None
    return make_article(
        parent=parent,
        hero_image=ImageFactory(),
        hero_caption="Ảnh",
        author=AuthorFactory(),
        categories=[CategoryFactory(slug="chung")],
        tags=["dien", "an-toan"],
        body=[paragraph("Một."), field_section("Lĩnh vực", "Hai."), image_block(ImageFactory(), caption="Ba")],
        **fields,
    )


def test_query_count_of_home_index_and_category_pages_does_not_grow_with_articles(client):
    unit = MemberUnitFactory(slug="don-vi-dem")
    first = _rich_article(unit)
    ArticleDailyViews.objects.create(article=first, day=datetime.date.today(), views=2)
    urls = ("/", unit_index(unit).url, "/chuyen-muc/chung/", "/tim-kiem/?q=bai")
    few = {url: queries_for(client, url) for url in urls}
    for _ in range(5):
        article = _rich_article(unit)
        ArticleDailyViews.objects.create(article=article, day=datetime.date.today(), views=1)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few


def test_query_count_of_article_page_does_not_grow_with_related_articles_or_images(client):
    article = _rich_article()
    ArticleDailyViews.objects.create(article=_rich_article(), day=datetime.date.today(), views=1)
    few = queries_for(client, article.url)
    for _ in range(5):
        related = _rich_article()
        ArticleDailyViews.objects.create(article=related, day=datetime.date.today(), views=1)
    assert queries_for(client, article.url) == few
    assert few <= 30


def test_related_articles_share_a_category_or_unit(client):
    energy = CategoryFactory(slug="nang-luong")
    article = make_article(title="Bài chính", categories=[energy])
    related = make_article(title="Bài cùng chuyên mục", categories=[energy])
    draft = make_article(title="Bài nháp cùng chuyên mục", categories=[energy], publish=False)
    box = soup_of(client.get(article.url)).select_one(".related")
    titles = [words(a) for a in box.select("a")]
    assert related.title in titles
    assert article.title not in titles and draft.title not in titles


def test_unknown_page_is_a_vietnamese_404_in_the_sites_layout(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "vi"
    assert words(page.find("h1")) == "Không tìm thấy trang"
    assert page.find("link", rel="stylesheet")


def test_server_error_page_is_vietnamese_and_matches_the_site(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert words(page.find("h1")) == "Xin lỗi, đã có lỗi xảy ra"
    assert page.select_one("header.site-header") and page.find("link", rel="stylesheet")
