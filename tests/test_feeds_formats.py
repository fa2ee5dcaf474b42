"""A subscriber's feed reader gets well-formed RSS 2.0, Atom 1.0 and JSON Feed 1.1 with the full
articles, in order, with correct dates, for the whole site, a unit, a category and a tag."""

import datetime
import json
import os

import feedparser
import pytest
from django.conf import settings
from lxml import etree
from wagtail.models import Site
from wagtail.rich_text import RichText

from cms.http_cache.freshness import bump_content_version
from cms.news.models import ArticlePage
from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    MemberUnitFactory,
    field_section,
    image_block,
    make_article,
    paragraph,
    quote,
    unit_index,
)
from tests.feeds_data.reader import ATOM_SCHEMA, read_feed

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
MEDIA_CONTENT = "{http://search.yahoo.com/mrss/}content"


@pytest.fixture
def newsroom():
    """A unit with three articles on three days, one of them fully illustrated."""
    unit = MemberUnitFactory(name="Công ty Nhiệt điện Cần Thơ", slug="nhiet-dien-can-tho")
    category = CategoryFactory(name="Thi đua – Khen thưởng", slug="thi-dua")
    author = AuthorFactory(name="Nguyễn Thị Hồng Nhung")
    hero = ImageFactory(title="Ảnh đại diện")
    inline = ImageFactory(title="Ảnh trong bài")
    parent = unit_index(unit)
    oldest = make_article(
        parent=parent, title="Hội nghị người lao động năm 2024", date=datetime.date(2024, 11, 27), tags=["công đoàn"]
    )
    middle = make_article(parent=parent, title="Bảo dưỡng tổ máy S1", date=datetime.date(2024, 11, 28))
    newest = make_article(
        parent=parent,
        title="Đẩy mạnh phong trào thi đua “Dân vận khéo” trong EVNGENCO2",
        date=datetime.date(2024, 11, 29),
        lead="Sáng ngày 28/11, Đảng ủy Tổng công ty tổ chức hội nghị.",
        hero_image=hero,
        hero_caption="Quang cảnh hội nghị",
        body=[
            field_section("Lĩnh vực kinh tế", "Ứng dụng công nghệ mới."),
            paragraph('Đoạn văn <script>alert(1)</script><a href="/tin-tuc/" onclick="x()">liên kết</a>.'),
            image_block(inline, caption="Đại biểu phát biểu", credit="Ảnh: Minh Trí"),
        ],
        author=author,
        categories=[category],
        tags=["công đoàn", "dân vận"],
    )
    return {"unit": unit, "category": category, "articles": [newest, middle, oldest], "hero": hero}


def feed_paths(newsroom) -> list[str]:
    prefixes = ["/feeds/", "/feeds/units/nhiet-dien-can-tho/", "/feeds/categories/thi-dua/", "/feeds/tags/cong-doan/"]
    return [prefix + name for prefix in prefixes for name in ("rss.xml", "atom.xml", "feed.json")]


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml", "feed.json"])
def test_site_feed_lists_articles_newest_first_with_vietnamese_intact(client, newsroom, name):
    reading = read_feed(client.get(f"/feeds/{name}"))

    assert reading.titles == [article.title for article in newsroom["articles"]]
    assert reading.ids == [f"tag:evngenco2.vn,2024:article:{article.pk}" for article in newsroom["articles"]]
    assert reading.title == "Tin tức – Tổng công ty Phát điện 2"


def test_every_scope_and_format_parses_and_validates(client, newsroom):
    for path in feed_paths(newsroom):
        assert read_feed(client.get(path)).entries, path


def test_unit_category_and_tag_feeds_hold_only_their_articles(client, newsroom):
    make_article(title="Tin của đơn vị khác", units=[MemberUnitFactory()])
    newest, middle, oldest = newsroom["articles"]

    def titles(path):
        return read_feed(client.get(path)).titles

    assert titles("/feeds/units/nhiet-dien-can-tho/atom.xml") == [newest.title, middle.title, oldest.title]
    assert titles("/feeds/categories/thi-dua/rss.xml") == [newest.title]
    assert titles("/feeds/tags/cong-doan/feed.json") == [newest.title, oldest.title]
    assert "Tin của đơn vị khác" in titles("/feeds/atom.xml")


def test_atom_entries_have_exactly_one_alternate_link_and_the_hero_as_enclosure(client, newsroom):
    document = etree.fromstring(fetch(client, "/feeds/atom.xml").content)
    entries = document.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1
    hero = newsroom["hero"]
    (enclosure,) = [link for link in entries[0].findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert enclosure.get("href") == settings.SITE_URL + hero.file.url
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == os.path.getsize(hero.file.path)
    assert (
        entries[0].find(f"{ATOM}link[@rel='alternate']").get("href")
        == "http://testserver" + newsroom["articles"][0].url
    )


def test_rss_item_carries_lead_full_html_byline_enclosure_and_media_content(client, newsroom):
    channel = etree.fromstring(fetch(client, "/feeds/rss.xml").content).find("channel")
    item = channel.find("item")
    hero = newsroom["hero"]

    assert item.findtext("description") == "Sáng ngày 28/11, Đảng ủy Tổng công ty tổ chức hội nghị."
    assert item.findtext(DC_CREATOR) == "Nguyễn Thị Hồng Nhung"
    assert item.find("guid").get("isPermaLink") == "false"
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == settings.SITE_URL + hero.file.url
    assert int(enclosure.get("length")) == os.path.getsize(hero.file.path)
    assert enclosure.get("type") == "image/jpeg"
    media = item.find(MEDIA_CONTENT)
    assert (media.get("url"), media.get("medium"), media.get("fileSize")) == (
        enclosure.get("url"),
        "image",
        enclosure.get("length"),
    )
    assert [category.text for category in item.findall("category")] == ["Thi đua – Khen thưởng", "công đoàn", "dân vận"]


def test_full_article_html_is_sanitised_with_absolute_urls_hero_first(client, newsroom):
    item = etree.fromstring(fetch(client, "/feeds/rss.xml").content).find("channel/item")
    html = item.findtext(RSS_CONTENT)

    assert html.startswith('<figure><img src="http://testserver/media/images/')
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in html
    assert html.index("Quang cảnh hội nghị") < html.index("Sáng ngày 28/11") < html.index("Lĩnh vực kinh tế:")
    assert "<figcaption>Đại biểu phát biểu <small>Ảnh: Minh Trí</small></figcaption>" in html
    assert '<a href="http://testserver/tin-tuc/"' in html
    assert "script" not in html and "onclick" not in html and "alert" not in html
    assert html.rstrip().endswith("<p><strong>Nguyễn Thị Hồng Nhung</strong></p>")


def test_dates_are_in_ho_chi_minh_time_and_the_feed_is_as_new_as_its_newest_change(client, newsroom):
    newest = newsroom["articles"][0]
    document = etree.fromstring(fetch(client, "/feeds/atom.xml").content)
    entry = document.find(f"{ATOM}entry")
    published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    feed_updated = datetime.datetime.fromisoformat(document.findtext(f"{ATOM}updated"))

    assert published.utcoffset() == datetime.timedelta(hours=7)
    assert published.date() == datetime.date(2024, 11, 29)
    assert updated == newest.last_published_at
    newest_change = max(article.last_published_at for article in newsroom["articles"])
    assert feed_updated == newest_change
    rss = feedparser.parse(fetch(client, "/feeds/rss.xml").content)
    assert rss.feed.updated.endswith("+0700")
    assert rss.entries[0].published == "Fri, 29 Nov 2024 00:00:00 +0700"


def test_published_time_comes_from_first_publication_on_the_article_date(client):
    article = make_article(title="Tin trong ngày", date=datetime.date.today())
    entry = json.loads(fetch(client, "/feeds/feed.json").content)["items"][0]
    published = datetime.datetime.fromisoformat(entry["date_published"])
    assert published == article.first_published_at
    assert published.utcoffset() == datetime.timedelta(hours=7)


def test_feed_metadata_names_itself_its_page_and_its_scope_in_vietnamese(client, newsroom):
    unit_index_url = "http://testserver" + unit_index(newsroom["unit"]).url
    parsed = feedparser.parse(fetch(client, "/feeds/units/nhiet-dien-can-tho/atom.xml").content)
    links = {link.rel: link.href for link in parsed.feed.links}

    assert parsed.bozo == 0
    assert parsed.feed.language == "vi"
    assert parsed.feed.title == "Tin tức Công ty Nhiệt điện Cần Thơ – Tổng công ty Phát điện 2"
    assert links["self"] == "http://testserver/feeds/units/nhiet-dien-can-tho/atom.xml"
    assert links["alternate"] == unit_index_url
    rss = etree.fromstring(fetch(client, "/feeds/categories/thi-dua/rss.xml").content).find("channel")
    assert rss.findtext("title") == "Chuyên mục Thi đua – Khen thưởng – Tổng công ty Phát điện 2"
    assert rss.findtext("link") == "http://testserver/chuyen-muc/thi-dua/"
    assert rss.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/feeds/categories/thi-dua/rss.xml"
    assert rss.findtext("language") == "vi"


def test_json_feed_items_carry_every_field(client, newsroom):
    response = fetch(client, "/feeds/feed.json")
    feed = json.loads(response.content)
    item = feed["items"][0]
    newest = newsroom["articles"][0]

    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "http://testserver/feeds/feed.json"
    assert feed["language"] == "vi"
    assert item["id"] == f"tag:evngenco2.vn,2024:article:{newest.pk}"
    assert item["url"] == "http://testserver" + newest.url
    assert item["title"] == newest.title
    assert item["summary"] == newest.lead
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in item["content_html"]
    assert item["image"].startswith("http://testserver/media/")
    assert item["authors"] == [{"name": "Nguyễn Thị Hồng Nhung"}]
    assert item["tags"] == ["Thi đua – Khen thưởng", "công đoàn", "dân vận"]
    assert item["language"] == "vi"
    assert datetime.datetime.fromisoformat(item["date_modified"]) == newest.last_published_at
    assert item["attachments"][0]["size_in_bytes"] == os.path.getsize(newsroom["hero"].file.path)


def test_entry_id_survives_a_slug_change_and_a_move(client, newsroom):
    article = newsroom["articles"][0]
    before = feedparser.parse(fetch(client, "/feeds/rss.xml").content).entries[0]

    article.slug = "ten-moi-cua-bai"
    article.save_revision().publish()
    article.refresh_from_db()
    article.move(unit_index(MemberUnitFactory()), pos="last-child")
    after = feedparser.parse(fetch(client, "/feeds/rss.xml").content).entries[0]

    assert after.link.endswith("/ten-moi-cua-bai/") and after.link != before.link
    assert after.id == before.id == f"tag:evngenco2.vn,2024:article:{article.pk}"


def test_entry_id_does_not_depend_on_the_site_domain(client, newsroom, settings):
    before = feedparser.parse(fetch(client, "/feeds/atom.xml").content).entries[0].id
    settings.SITE_URL = "https://www.evngenco2.vn"  # in production: a restart, so empty caches
    from django.core.cache import cache

    from cms.http_cache import response_cache

    cache.clear()
    response_cache.clear_local()
    after = feedparser.parse(fetch(client, "/feeds/atom.xml").content).entries[0]
    assert after.id == before
    assert after.link.startswith("https://www.evngenco2.vn/")


def test_feed_holds_the_latest_configured_number_of_items(client, settings):
    settings.FEED_ITEMS = 3
    articles = [make_article(date=datetime.date(2024, 1, day)) for day in range(1, 6)]
    parsed = feedparser.parse(fetch(client, "/feeds/atom.xml").content)
    assert [entry.title for entry in parsed.entries] == [article.title for article in articles[::-1][:3]]


def test_empty_category_feed_is_valid_and_does_not_claim_to_change_every_request(client):
    CategoryFactory(slug="chua-co-bai")
    first = fetch(client, "/feeds/categories/chua-co-bai/atom.xml")
    document = etree.fromstring(first.content)
    assert ATOM_SCHEMA.validate(document), ATOM_SCHEMA.error_log
    assert document.findall(f"{ATOM}entry") == []
    assert document.findtext(f"{ATOM}updated") == "2024-01-01T07:00:00+07:00"


def test_internal_links_resolve_and_stray_markup_stays_in_its_own_article(client):
    target = make_article(title="Bài được nhắc tới", date=datetime.date(2024, 11, 1))
    make_article(
        title="Bài có liên kết",
        date=datetime.date(2024, 11, 2),
        body=[
            paragraph(f'Xem <a linktype="page" id="{target.pk}">bài kia</a>.'),
            quote("An toàn là trên hết.", "Giám đốc"),
        ],
    )
    # Newest, so that its unclosed tag comes first when the feed expands links in one pass.
    make_article(
        title="Bài hỏng",
        date=datetime.date(2024, 11, 3),
        body=[("paragraph", RichText(f'<p>Thẻ hỏng <a linktype="page" id="{target.pk}"</p>'))],
    )

    for path in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"):
        reading = read_feed(fetch(client, path))
        contents = dict(zip(reading.titles, reading.contents, strict=True))
        assert f'<a href="http://testserver{target.url}"' in contents["Bài có liên kết"]
        assert (
            "<blockquote><p>An toàn là trên hết.</p><footer>— Giám đốc</footer></blockquote>"
            in contents["Bài có liên kết"]
        )
        assert "Xem" not in contents["Bài hỏng"] and "Thẻ hỏng" in contents["Bài hỏng"]


def test_a_body_written_by_a_script_still_gives_every_feed(client):
    # Raw StreamField JSON as an import script may write it: an image id as a string, keys
    # missing, a deleted image, an unknown block type.
    image = ImageFactory(title="Ảnh còn")
    article = make_article(title="Bài ghi thẳng vào cơ sở dữ liệu")
    ArticlePage.objects.filter(pk=article.pk).update(
        body=[
            {"type": "image", "value": {"image": str(image.pk), "caption": "Ảnh còn đây"}},
            {"type": "field", "value": {"label": "Lĩnh vực kinh tế"}},
            {"type": "image", "value": {"image": 999999, "caption": "Ảnh đã xóa"}},
            {"type": "quote", "value": None},
            {"type": "khong-co", "value": "x"},
        ]
    )
    bump_content_version()

    html = read_feed(fetch(client, "/feeds/feed.json")).contents[0]
    assert '<figure><img src="http://testserver/media/images/' in html and "Ảnh còn đây" in html
    assert "<p><strong>Lĩnh vực kinh tế:</strong></p>" in html
    assert "<figure><figcaption>Ảnh đã xóa</figcaption></figure>" in html
    for path in ("/feeds/rss.xml", "/feeds/atom.xml"):
        assert "<figcaption>Ảnh đã xóa</figcaption>" in read_feed(fetch(client, path)).contents[0]
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200
    assert client.get(article.url).status_code == 200


def test_urls_of_pages_that_several_sites_serve_come_from_wagtail(client):
    article = make_article(title="Tin trên hai trang")
    root = Site.objects.get(is_default_site=True).root_page
    Site.objects.create(hostname="tin.example.vn", port=80, root_page=root, site_name="Tin")

    item = json.loads(fetch(client, "/feeds/feed.json").content)["items"][0]
    assert item["url"] == f"http://testserver{article.get_url_parts()[2]}"


def test_photos_are_the_renditions_wagtail_serves_and_a_feed_never_makes_the_large_one(client):
    hero = ImageFactory(title="Ảnh 1", description="Toàn cảnh nhà máy")
    inline = ImageFactory(title="Ảnh trong bài")
    make_article(title="Bài có ảnh", hero_image=hero, body=[image_block(inline)])

    item = json.loads(fetch(client, "/feeds/feed.json").content)["items"][0]
    html = item["content_html"]
    shown = inline.get_rendition("width-800")
    assert f'<img src="http://testserver{shown.url}" alt="Ảnh trong bài" width="800" height="450">' in html
    assert f'<img src="http://testserver{hero.get_rendition("width-800").url}" alt="Toàn cảnh nhà máy"' in html
    assert not hero.renditions.filter(filter_spec="width-1200").exists()
    assert item["image"] == item["attachments"][0]["url"] == f"http://testserver{hero.file.url}"
    assert item["attachments"][0]["mime_type"] == "image/jpeg"

    large = hero.get_rendition("width-1200")
    bump_content_version()
    item = json.loads(fetch(client, "/feeds/feed.json").content)["items"][0]
    assert item["image"] == f"http://testserver{large.url}"
    assert f'src="http://testserver{shown.url}"' in item["content_html"]


def test_photos_whose_files_are_gone_are_left_out_and_everything_still_answers(client):
    # Originals lost from storage before any rendition was made: nothing can be generated.
    hero = ImageFactory(title="Ảnh mất tệp")
    inline = ImageFactory(title="Ảnh trong bài mất tệp")
    article = make_article(title="Bài mất ảnh", hero_image=hero, body=[image_block(inline, caption="Chú thích còn")])
    for image in (hero, inline):
        image.file.storage.delete(image.file.name)
    type(hero).objects.filter(pk__in=[hero.pk, inline.pk]).update(file_size=None)

    for path in ("/feeds/rss.xml", "/feeds/atom.xml"):
        assert read_feed(fetch(client, path)).titles == ["Bài mất ảnh"]
    item = json.loads(fetch(client, "/feeds/feed.json").content)["items"][0]
    assert "attachments" not in item and "image" not in item
    assert "<figure><figcaption>Chú thích còn</figcaption></figure>" in item["content_html"]
    assert etree.fromstring(fetch(client, "/feeds/rss.xml").content).find("channel/item/enclosure") is None
    detail = client.get(f"/api/v1/articles/{article.pk}/")
    assert detail.status_code == 200
    assert detail.json()["hero"]["image"]["renditions"] == []
    assert client.get("/api/v1/articles/").status_code == 200
    assert client.get(article.url).status_code == 200
