"""The corporate portal around the articles: identity from site settings, menu, breadcrumb,
labels, featured story, unit blocks, footer, sharing, error pages and the demo photos."""

import datetime
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.views.defaults import server_error
from PIL import Image, ImageChops
from wagtail.models import Site

from cms.news.models import HomePage
from cms.news.placeholder_photos import placeholder_photo
from cms.website import identity as identity_module
from cms.website import navigation as navigation_module
from cms.website.models import SiteIdentity
from tests.factories import (
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    corporate_index,
    make_article,
    unit_index,
)

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def json_ld(page: BeautifulSoup, kind: str) -> dict:
    found = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return next(item for item in found if item["@type"] == kind)


def set_identity(**fields) -> SiteIdentity:
    setting = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(setting, name, value)
    setting.save()
    return setting


@pytest.fixture
def portal():
    """A unit with its section and two articles, two categories, and tags."""
    unit = MemberUnitFactory(name="Công ty Nhiệt điện Cần Thơ", short_name="Nhiệt điện Cần Thơ", slug="nd-can-tho")
    safety = CategoryFactory(name="An toàn lao động", slug="an-toan-lao-dong")
    CategoryFactory(name="Chuyển đổi số", slug="chuyen-doi-so")
    article = make_article(
        parent=unit_index(unit),
        title="Huấn luyện an toàn",
        date=datetime.date(2024, 11, 20),
        categories=[safety],
        tags=["an toàn"],
        hero_image=ImageFactory(),
        hero_caption="Ảnh huấn luyện",
    )
    plain = make_article(title="Tin không ảnh", date=datetime.date(2024, 11, 10), categories=[safety])
    return {"unit": unit, "category": safety, "article": article, "plain": plain}


def test_default_identity_is_evngenco2_with_an_address_in_can_tho():
    setting = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    assert (setting.name, setting.short_name) == ("Tổng công ty Phát điện 2", "EVNGENCO2")
    assert "Cần Thơ" in setting.address and setting.phone and setting.email


def test_header_shows_the_logo_and_a_menu_of_sections_units_and_categories(client, portal):
    page = soup_of(client.get("/"))
    brand = page.select_one("header .site-brand")
    assert brand.find("img")["alt"] and "EVNGENCO2" in words(brand)
    menu = page.select_one("header nav.site-nav details.site-menu")
    assert menu.find("summary")  # a disclosure on a phone: keyboard-usable without a script
    links = {words(a): a["href"] for a in menu.select("a")}
    assert links["Trang chủ"] == "/"
    assert links[corporate_index().title] == corporate_index().url
    assert links["Nhiệt điện Cần Thơ"] == unit_index(portal["unit"]).url
    assert links["An toàn lao động"] == "/chuyen-muc/an-toan-lao-dong/"
    assert links["Chuyển đổi số"] == "/chuyen-muc/chuyen-doi-so/"
    submenus = [words(summary) for summary in menu.select("details.site-submenu > summary")]
    assert submenus == ["Đơn vị thành viên", "Chuyên mục"]


def test_menu_follows_the_content_and_costs_no_query_per_item(client, portal):
    def home_queries() -> int:
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    before = home_queries()
    for number in range(4):
        unit = MemberUnitFactory(name=f"Công ty số {number}", short_name=f"Đơn vị {number}", slug=f"dv-{number}")
        unit_index(unit)
        CategoryFactory(name=f"Chuyên mục {number}", slug=f"cm-{number}")
    page = soup_of(client.get("/"))
    assert "Đơn vị 3" in {words(a) for a in page.select(".site-menu a")}
    assert "Chuyên mục 3" in {words(a) for a in page.select(".site-menu a")}
    assert home_queries() == before


def test_article_has_a_breadcrumb_with_breadcrumblist_json_ld(client, portal):
    article = portal["article"]
    page = soup_of(client.get(article.url))
    trail = page.select_one("nav.breadcrumb")
    assert [words(li) for li in trail.select("li")] == ["Trang chủ", "Nhiệt điện Cần Thơ", article.title]
    assert trail.select_one("[aria-current=page]").get_text() == article.title
    data = json_ld(page, "BreadcrumbList")
    items = data["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["name"] for item in items] == ["Trang chủ", "Nhiệt điện Cần Thơ", article.title]
    assert items[0]["item"] == f"{settings.SITE_URL}/"
    assert items[-1]["item"] == f"{settings.SITE_URL}{article.url}"


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/chuyen-muc/an-toan-lao-dong/", ["Trang chủ", "An toàn lao động"]),
        ("/tim-kiem/?q=an", ["Trang chủ", "Tìm kiếm"]),
        ("/tin-tuc/", ["Trang chủ", "Tin tức"]),
    ],
)
def test_every_page_below_home_has_a_breadcrumb(client, portal, url, trail):
    page = soup_of(client.get(url))
    assert [words(li) for li in page.select("nav.breadcrumb li")] == trail
    assert [item["name"] for item in json_ld(page, "BreadcrumbList")["itemListElement"]] == trail


def test_home_has_no_breadcrumb(client, portal):
    assert not soup_of(client.get("/")).select("nav.breadcrumb")


def test_share_page_breadcrumb_leads_back_to_the_article(client, portal):
    article = portal["article"]
    page = soup_of(client.get(f"/gui-cho-ban-be/{article.pk}/"))
    assert [words(li) for li in page.select("nav.breadcrumb li")] == ["Trang chủ", article.title, "Gửi cho bạn bè"]


def test_article_and_cards_show_unit_category_and_tag_labels_as_links(client, portal):
    page = soup_of(client.get(portal["article"].url))
    labels = {words(a): a["href"] for a in page.select("article.article .labels a")}
    assert labels["Nhiệt điện Cần Thơ"] == unit_index(portal["unit"]).url
    assert labels["An toàn lao động"] == "/chuyen-muc/an-toan-lao-dong/"
    assert labels["#an toàn"] == "/tim-kiem/?q=an%20to%C3%A0n"
    category_page = soup_of(client.get("/chuyen-muc/an-toan-lao-dong/"))
    card = next(c for c in category_page.select(".card") if "Huấn luyện an toàn" in words(c))
    assert {words(a) for a in card.select(".labels a")} == {"Nhiệt điện Cần Thơ", "An toàn lao động"}


def test_featured_story_is_the_newest_article_with_a_photo_and_leads_the_home_page(client, portal):
    make_article(title="Tin mới hơn nhưng không ảnh", date=datetime.date(2024, 12, 1))
    page = soup_of(client.get("/"))
    featured = page.select_one(".featured")
    assert words(featured.select_one(".featured__title")) == "Huấn luyện an toàn"
    assert featured.select_one("img[srcset]") and featured.select_one(".labels a")
    listed = [words(a) for a in page.select(".card-list .card__title a")]
    assert "Huấn luyện an toàn" not in listed and listed[0] == "Tin mới hơn nhưng không ảnh"


def test_editors_choice_is_featured_while_it_is_published(client, portal):
    home = HomePage.objects.get()
    home.featured_article = portal["plain"]
    home.save_revision().publish()
    assert words(soup_of(client.get("/")).select_one(".featured__title")) == "Tin không ảnh"
    portal["plain"].unpublish()
    assert words(soup_of(client.get("/")).select_one(".featured__title")) == "Huấn luyện an toàn"


def test_home_page_has_a_block_per_member_unit_with_its_latest_news(client, portal):
    other = MemberUnitFactory(name="Công ty Thủy điện Thác Mơ", short_name="Thủy điện Thác Mơ", slug="td-thac-mo")
    for day in range(1, 6):
        make_article(parent=unit_index(other), title=f"Tin Thác Mơ {day}", date=datetime.date(2024, 10, day))
    MemberUnitFactory(name="Đơn vị chưa có tin", slug="chua-co-tin")
    page = soup_of(client.get("/"))
    blocks = {words(b.select_one(".unit-block__title")): b for b in page.select(".unit-block")}
    assert set(blocks) == {"Nhiệt điện Cần Thơ", "Thủy điện Thác Mơ"}
    titles = [words(a) for a in blocks["Thủy điện Thác Mơ"].select(".unit-block__item > a")]
    assert titles == ["Tin Thác Mơ 5", "Tin Thác Mơ 4", "Tin Thác Mơ 3"]
    assert blocks["Thủy điện Thác Mơ"].select_one(".unit-block__title a")["href"] == unit_index(other).url


def test_a_unit_block_holds_the_units_tagged_news_wherever_filed_and_only_what_is_published(client, portal):
    other = MemberUnitFactory(name="Công ty Thủy điện Thác Mơ", short_name="Thủy điện Thác Mơ", slug="td-thac-mo")
    unit_index(other)
    filed_elsewhere = make_article(title="Tin chung có Thác Mơ", units=[other], date=datetime.date(2024, 10, 9))
    make_article(parent=unit_index(other), title="Bản nháp Thác Mơ", date=datetime.date(2024, 10, 9), publish=False)
    withdrawn = make_article(parent=unit_index(other), title="Tin đã gỡ", date=datetime.date(2024, 10, 8))
    withdrawn.unpublish()
    make_article(parent=unit_index(other), title="Tin Thác Mơ cũ", date=datetime.date(2024, 10, 1))
    page = soup_of(client.get("/"))
    blocks = {words(b.select_one(".unit-block__title")): b for b in page.select(".unit-block")}
    titles = [words(a) for a in blocks["Thủy điện Thác Mơ"].select(".unit-block__item > a")]
    assert titles == [filed_elsewhere.title, "Tin Thác Mơ cũ"]


def test_home_page_queries_do_not_grow_with_the_number_of_units_or_their_articles(client, portal):
    def home_queries() -> int:
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    newer = datetime.date(2030, 1, 1)  # than the portal's: the latest news show only these, photo-less
    first = MemberUnitFactory(name="Công ty số 0", short_name="Đơn vị 0", slug="dv-0")
    for _ in range(25):
        make_article(parent=unit_index(first), date=newer)
    before = home_queries()
    for number in range(1, 4):
        unit = MemberUnitFactory(name=f"Công ty số {number}", short_name=f"Đơn vị {number}", slug=f"dv-{number}")
        for _ in range(5):
            make_article(parent=unit_index(unit), date=newer)
    for _ in range(10):
        make_article(parent=unit_index(first), date=newer)
    page = soup_of(client.get("/"))
    assert len(page.select(".unit-block")) == 5  # the portal's unit and the four new ones
    assert home_queries() == before


def test_cards_and_articles_without_a_photo_are_laid_out_without_an_image_column(client, portal):
    page = soup_of(client.get("/chuyen-muc/an-toan-lao-dong/"))
    card = next(c for c in page.select(".card") if "Tin không ảnh" in words(c))
    assert "card--no-image" in card["class"] and not card.find("img")
    captioned = make_article(title="Chú thích chờ ảnh", hero_caption="Ảnh sẽ bổ sung sau")
    article = soup_of(client.get(captioned.url)).select_one("article.article")
    hero = article.select_one("figure.article-hero--no-image")
    assert words(hero.find("figcaption")) == "Ảnh sẽ bổ sung sau" and not hero.find("img")


def test_footer_shows_address_and_contacts_from_site_settings_and_follows_a_change(client, portal):
    footer = soup_of(client.get("/")).select_one("footer.site-footer")
    assert "Cần Thơ" in words(footer.select_one(".contact-address"))
    assert {a["href"] for a in footer.select(".site-footer__feeds a")} == {
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/feed.json",
    }
    set_identity(
        name="Công ty Điện lực Thử nghiệm",
        short_name="DLTN",
        address="12 Đường Số 3, Quận 7, TP. Hồ Chí Minh",
        phone="028 3777 8888",
        email="lienhe@dltn.example.vn",
        facebook_url="https://www.facebook.com/dltn",
    )
    page = soup_of(client.get("/"))
    footer = page.select_one("footer.site-footer")
    assert words(footer.select_one(".contact-address")) == "Địa chỉ: 12 Đường Số 3, Quận 7, TP. Hồ Chí Minh"
    assert footer.select_one(".contact-phone a")["href"] == "tel:02837778888"
    assert footer.select_one(".contact-email a")["href"] == "mailto:lienhe@dltn.example.vn"
    assert footer.select_one(".site-footer__social a")["href"] == "https://www.facebook.com/dltn"
    assert "DLTN" in words(page.select_one(".site-brand"))
    assert page.title.get_text().endswith("Công ty Điện lực Thử nghiệm")
    assert "Phát điện 2" not in words(footer)


def test_feeds_json_ld_and_share_mail_use_the_name_from_site_settings(client, portal):
    set_identity(name="Công ty Điện lực Thử nghiệm", phone="028 3777 8888")
    assert "Công ty Điện lực Thử nghiệm" in client.get("/feeds/rss.xml").content.decode()
    organization = json_ld(soup_of(client.get("/")), "Organization")
    assert (organization["name"], organization["telephone"]) == ("Công ty Điện lực Thử nghiệm", "028 3777 8888")
    assert "Cần Thơ" in organization["address"]["streetAddress"]
    page = soup_of(client.get(portal["article"].url))
    assert json_ld(page, "NewsArticle")["publisher"]["name"] == "Công ty Điện lực Thử nghiệm"
    assert page.find("meta", property="og:site_name")["content"] == "Công ty Điện lực Thử nghiệm"
    response = client.post(
        f"/gui-cho-ban-be/{portal['article'].pk}/",
        {"recipient": "ban@example.org", "sender_name": "Lan", "note": "", "website": ""},
    )
    assert response.status_code == 200
    assert "Công ty Điện lực Thử nghiệm" in mail.outbox[0].body


def test_article_offers_facebook_zalo_copy_link_and_mail_sharing_without_third_party_scripts(client, portal):
    article = portal["article"]
    page = soup_of(client.get(article.url))
    share = page.select_one(".article-share")
    absolute = f"{settings.SITE_URL}{article.url}".replace(":", "%3A").replace("/", "%2F")
    assert share.select_one("a.share--facebook")["href"] == f"https://www.facebook.com/sharer/sharer.php?u={absolute}"
    assert share.select_one("a.share--zalo")["href"].endswith(f"?url={absolute}")
    assert share.select_one("button.share--copy")["data-copy-url"] == f"{settings.SITE_URL}{article.url}"
    assert share.select_one("a.share--mail")["href"] == f"/gui-cho-ban-be/{article.pk}/"
    assert all(not s["src"].startswith(("http", "//")) for s in page.find_all("script", src=True))


def test_article_pages_link_a_print_stylesheet(client, portal):
    page = soup_of(client.get(portal["article"].url))
    printed = page.find("link", rel="stylesheet", media="print")
    assert printed["href"].endswith("/news/print.css")
    css = (Path(settings.BASE_DIR) / "cms/news/static/news/print.css").read_text()
    assert ".site-nav" in css and ".article-share" in css


TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")) + sorted(
    (Path(settings.BASE_DIR) / "templates").rglob("*.txt")
)


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda path: str(path.relative_to(Path(settings.BASE_DIR) / "templates"))
)
def test_templates_never_name_the_corporation(template):
    text = template.read_text(encoding="utf-8")
    for name in ("EVNGENCO2", "Phát điện 2"):
        assert name.casefold() not in text.casefold(), f"{template} names the corporation ({name})"


def test_error_pages_render_from_defaults_when_the_database_fails(client, rf, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("database unavailable")

    monkeypatch.setattr(identity_module, "_read_identity", broken)
    monkeypatch.setattr(navigation_module, "_build", broken)
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert words(page.find("h1")) == "Xin lỗi, đã có lỗi xảy ra"
    assert "EVNGENCO2" in words(page.select_one(".site-brand"))
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and "Tổng công ty Phát điện 2" in missing.content.decode()


def test_demo_photos_differ_from_one_another():
    photos = [Image.open(io.BytesIO(placeholder_photo("#1f5f8b", f"bai-{n}-hero"))).convert("L") for n in range(8)]

    # Same colour, different seeds: the scenes themselves differ, not only their tint.
    def mean_difference(a, b) -> float:
        pixels = list(ImageChops.difference(a.resize((32, 18)), b.resize((32, 18))).get_flattened_data())
        return sum(pixels) / len(pixels)

    distinct = []
    for photo in photos:
        if all(mean_difference(photo, other) > 20 for other in distinct):
            distinct.append(photo)
    assert len(distinct) >= 4


def test_editors_change_the_identity_in_the_admin_in_vietnamese(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quan-tri", "qt@example.org", "mat-khau-dai")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/website/siteidentity/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tên viết tắt" in text or "tên viết tắt" in text
    assert "Địa chỉ" in text or "địa chỉ" in text


def test_a_logo_chosen_in_the_settings_replaces_the_default_mark(client, portal):
    set_identity(logo=ImageFactory(title="Logo mới"))
    logo = soup_of(client.get("/")).select_one(".site-brand img")
    assert "/images/" in logo["src"] and logo["height"] == "96"
