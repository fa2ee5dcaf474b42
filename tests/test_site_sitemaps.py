"""The sitemaps a crawler reads: an index of parts of at most SITEMAP_PART_SIZE URLs, a Google
News sitemap of the last two days, both named in robots.txt; only what the public may read."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction, Site

from cms.news.models import ArticlePage
from cms.news.selectors import published_articles
from cms.website.models import SiteIdentity
from tests.factories import CategoryFactory, corporate_index, make_article
from tests.helpers import Clock

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP, "news": NEWS}


@pytest.fixture
def small_parts(settings):
    settings.SITEMAP_PART_SIZE = 10


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def get_xml(client, path: str, status: int = 200) -> etree._Element:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    assert response["Content-Type"] == "application/xml"
    return etree.fromstring(response.content)


def site_path(location: str) -> str:
    assert location.startswith(f"{settings.SITE_URL}/"), location
    return location[len(settings.SITE_URL) :]


def index_entries(client) -> dict[str, str | None]:
    """{part path: its lastmod} from /sitemap.xml."""
    root = get_xml(client, "/sitemap.xml")
    assert root.tag == f"{{{SITEMAP}}}sitemapindex"
    return {
        site_path(entry.findtext("s:loc", namespaces=NS)): entry.findtext("s:lastmod", namespaces=NS)
        for entry in root.findall("s:sitemap", NS)
    }


def part_entries(client, path: str) -> list[tuple[str, str | None]]:
    """[(location, lastmod)] of one part, in order."""
    root = get_xml(client, path)
    assert root.tag == f"{{{SITEMAP}}}urlset"
    return [
        (entry.findtext("s:loc", namespaces=NS), entry.findtext("s:lastmod", namespaces=NS))
        for entry in root.findall("s:url", NS)
    ]


def article_part_paths(index: dict) -> list[str]:
    return [path for path in index if path.startswith("/sitemap-articles-")]


def listed_pairs(client) -> list[tuple[str, str | None]]:
    """(location, lastmod) of every article in every part the index lists, duplicates kept."""
    return [pair for path in article_part_paths(index_entries(client)) for pair in part_entries(client, path)]


def listed_articles(client) -> list[str]:
    return [location for location, _lastmod in listed_pairs(client)]


def absolute(page) -> str:
    return f"{settings.SITE_URL}{page.url}"


def w3c(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def test_the_index_lists_the_pages_part_the_article_parts_and_the_news_sitemap(client):
    make_article()
    index = index_entries(client)
    assert "/sitemap-pages.xml" in index and "/sitemap-news.xml" in index
    assert len(article_part_paths(index)) == 1


def test_each_part_holds_the_articles_of_its_range_of_ids_at_most_the_part_size(client, small_parts):
    articles = [make_article() for _ in range(25)]
    parts = article_part_paths(index_entries(client))
    by_part = {path: part_entries(client, path) for path in parts}
    assert all(1 <= len(entries) <= 10 for entries in by_part.values())
    expected = {}
    for article in sorted(articles, key=lambda article: article.pk):
        expected.setdefault(f"/sitemap-articles-{article.pk // 10}.xml", []).append(absolute(article))
    assert {path: [location for location, _ in entries] for path, entries in by_part.items()} == expected


def test_every_published_article_is_listed_once_none_missing_none_extra(client, small_parts):
    articles = [make_article() for _ in range(25)]
    listed = listed_articles(client)
    assert sorted(listed) == sorted(absolute(article) for article in articles)


def test_parts_of_3_hold_at_most_3_articles_each(client, settings):
    settings.SITEMAP_PART_SIZE = 3
    articles = [make_article() for _ in range(8)]
    parts = article_part_paths(index_entries(client))
    assert all(len(part_entries(client, path)) <= 3 for path in parts)
    assert sorted(listed_articles(client)) == sorted(absolute(article) for article in articles)


def test_an_articles_lastmod_is_its_last_publication_and_the_index_shows_each_parts_newest(client, small_parts):
    articles = [make_article() for _ in range(12)]
    republished = articles[3]
    republished.save_revision().publish()
    republished.refresh_from_db()
    lastmods = dict(listed_pairs(client))
    for article in ArticlePage.objects.filter(pk__in=[a.pk for a in articles]):
        assert lastmods[absolute(article)] == w3c(article.last_published_at)
    index = index_entries(client)
    first_part, second_part = article_part_paths(index)
    assert index[first_part] == w3c(republished.last_published_at)
    newest_of_second = max(
        a.last_published_at for a in ArticlePage.objects.filter(pk__in=[a.pk for a in articles[10:]])
    )
    assert index[second_part] == w3c(newest_of_second)


def test_drafts_withdrawn_expired_future_and_restricted_articles_are_in_no_part(client, small_parts):
    public = make_article()
    draft = make_article(publish=False)
    internal = make_article()
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.PASSWORD, password="x")
    expired = make_article()
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    future = make_article()
    ArticlePage.objects.filter(pk=future.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    withdrawn = make_article()
    withdrawn.unpublish()
    listed = listed_articles(client)
    assert listed == [absolute(public)]
    news = news_locations(client)
    assert news == [absolute(public)]
    pages = [location for location, _ in part_entries(client, "/sitemap-pages.xml")]
    for hidden in (draft, internal, expired, future, withdrawn):
        assert not any(location.endswith(f"/{hidden.slug}/") for location in [*listed, *news, *pages])


def test_a_restricted_section_and_its_articles_leave_the_sitemap(client):
    section = corporate_index()
    make_article()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert listed_articles(client) == []
    assert absolute(section) not in [location for location, _ in part_entries(client, "/sitemap-pages.xml")]


def test_the_pages_part_holds_home_sections_and_categories_with_articles(client):
    used = CategoryFactory(slug="san-xuat")
    CategoryFactory(slug="chua-co-bai")
    article = make_article(categories=[used])
    pages = dict(part_entries(client, "/sitemap-pages.xml"))
    assert f"{settings.SITE_URL}/" in pages
    assert absolute(corporate_index()) in pages
    assert pages[f"{settings.SITE_URL}/chuyen-muc/san-xuat/"] == w3c(article.last_published_at)
    assert f"{settings.SITE_URL}/chuyen-muc/chua-co-bai/" not in pages
    assert absolute(article) not in pages
    newest = max(pages.values())
    assert index_entries(client)["/sitemap-pages.xml"] == newest


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-articles-900000000.xml",  # a range of ids no page has
        "/sitemap-articles-9223372036854775807.xml",
        "/sitemap-articles-9999999999999999999.xml",
        "/sitemap-articles-99999999999999999999.xml",
        "/sitemap-articles--1.xml",
        "/sitemap-articles-01.xml",
        "/sitemap-articles-a.xml",
        "/sitemap-articles-%00.xml",
        "/sitemap-articles-1%00.xml",
        "/sitemap-articles-1-2.xml",
        "/sitemap-x.xml",
        "/sitemap-pages.xml/",
        "/sitemap-.xml",
    ],
)
def test_a_part_name_that_names_no_part_answers_404(client, small_parts, path):
    make_article()
    assert client.get(path).status_code == 404


def test_a_part_whose_articles_are_all_unpublished_answers_404_and_leaves_the_index(client, small_parts):
    articles = [make_article() for _ in range(25)]
    last = max(articles, key=lambda article: article.pk)
    alone = [article for article in articles if article.pk // 10 == last.pk // 10]
    path = f"/sitemap-articles-{last.pk // 10}.xml"
    assert path in article_part_paths(index_entries(client))
    for article in alone:
        article.unpublish()
    assert client.get(path).status_code == 404
    assert path not in article_part_paths(index_entries(client))


def test_a_part_from_an_earlier_index_still_answers_after_an_article_in_it_is_unpublished(client, small_parts):
    articles = [make_article() for _ in range(10)]
    path = article_part_paths(index_entries(client))[0]
    before = part_entries(client, path)
    shown = next(article for article in articles if absolute(article) == before[0][0])
    shown.unpublish()
    assert len(part_entries(client, path)) == len(before) - 1


def news_entries(client) -> list[etree._Element]:
    root = get_xml(client, "/sitemap-news.xml")
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert root.nsmap.get("news") == NEWS
    return root.findall("s:url", NS)


def news_locations(client) -> list[str]:
    return [entry.findtext("s:loc", namespaces=NS) for entry in news_entries(client)]


def test_news_sitemap_entry_names_the_publication_language_date_and_title(client):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name = "Tổng công ty Thử nghiệm"
    identity.save()
    article = make_article(title="Tin mới: “Đẩy mạnh” & <thi đua>")
    (entry,) = news_entries(client)
    assert entry.findtext("s:loc", namespaces=NS) == absolute(article)
    assert entry.findtext("news:news/news:publication/news:name", namespaces=NS) == "Tổng công ty Thử nghiệm"
    assert entry.findtext("news:news/news:publication/news:language", namespaces=NS) == "vi"
    assert entry.findtext("news:news/news:title", namespaces=NS) == "Tin mới: “Đẩy mạnh” & <thi đua>"
    published = entry.findtext("news:news/news:publication_date", namespaces=NS)
    assert published == w3c(article.first_published_at)
    assert datetime.datetime.fromisoformat(published).utcoffset() == datetime.timedelta(hours=7)


def test_news_sitemap_holds_the_last_two_days_by_first_publication_newest_first(client, clock):
    older = make_article(title="Ba ngày trước")
    ArticlePage.objects.filter(pk=older.pk).update(first_published_at=clock.moment - datetime.timedelta(days=3))
    edge = make_article(title="Gần hai ngày")
    ArticlePage.objects.filter(pk=edge.pk).update(first_published_at=clock.moment - datetime.timedelta(hours=47))
    fresh = make_article(title="Hôm nay")
    assert news_locations(client) == [absolute(fresh), absolute(edge)]
    assert "/sitemap-news.xml" in index_entries(client)


def test_an_article_leaves_the_news_sitemap_two_days_after_it_first_appeared_warm_cache_or_not(client, clock):
    article = make_article()
    assert news_locations(client) == [absolute(article)]
    response = client.get("/sitemap-news.xml")
    directives = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    assert int(directives["max-age"]) <= settings.SITEMAP_MAX_AGE
    assert int(directives["s-maxage"]) <= 2 * 86400  # never past the moment the entry leaves
    clock.advance(datetime.timedelta(days=2, seconds=1))
    assert news_locations(client) == []
    assert listed_articles(client) == [absolute(article)]  # still in the sitemap itself


def test_news_sitemap_holds_only_the_newest_up_to_its_limit(client, monkeypatch):
    from cms.website import sitemaps

    monkeypatch.setattr(sitemaps, "NEWS_MAX_ENTRIES", 3)
    articles = [make_article() for _ in range(5)]
    assert news_locations(client) == [absolute(article) for article in reversed(articles[2:])]


def test_google_news_limit_is_1000():
    from cms.website import sitemaps

    assert sitemaps.NEWS_MAX_ENTRIES == 1000


def test_robots_txt_names_the_index_and_the_news_sitemap(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap-news.xml" in lines


def test_every_sitemap_answers_a_conditional_get_with_304(client, small_parts):
    [make_article() for _ in range(3)]
    paths = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml", *article_part_paths(index_entries(client))]
    for path in paths:
        response = client.get(path)
        assert response.has_header("ETag") and response.has_header("Last-Modified"), path
        assert client.get(path, headers={"If-None-Match": response["ETag"]}).status_code == 304, path
        assert client.get(path, headers={"If-Modified-Since": response["Last-Modified"]}).status_code == 304, path


def test_publishing_shows_in_the_index_at_once(client, small_parts):
    [make_article() for _ in range(10)]
    parts = article_part_paths(index_entries(client))
    article = make_article()
    path = f"/sitemap-articles-{article.pk // 10}.xml"
    index = index_entries(client)
    assert path in index and index[path] == w3c(article.last_published_at)
    assert set(parts) <= set(article_part_paths(index))
    assert absolute(article) in [location for location, _ in part_entries(client, path)]


def queries_of(client, path: str) -> int:
    from django.core.cache import cache

    from cms.http_cache import response_cache

    cache.clear()
    response_cache.clear_local()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_queries_per_sitemap_do_not_grow_with_the_number_of_articles(client, small_parts):
    CategoryFactory(slug="san-xuat")
    [make_article() for _ in range(12)]
    few = {path: queries_of(client, path) for path in ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news.xml"]}
    few_part = queries_of(client, article_part_paths(index_entries(client))[0])
    [make_article() for _ in range(30)]
    many = {path: queries_of(client, path) for path in few}
    parts = article_part_paths(index_entries(client))
    assert len(parts) == 5
    assert many == few
    assert {queries_of(client, path) for path in parts} == {few_part}


def test_every_demo_article_is_in_exactly_one_part_of_the_index(client, settings):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SITEMAP_PART_SIZE = 5
    demo = [absolute(article) for article in published_articles()]
    assert len(demo) >= 13
    listed = listed_articles(client)
    assert sorted(listed) == sorted(demo)
    assert all(len(part_entries(client, path)) <= 5 for path in article_part_paths(index_entries(client)))


def article_parts_listing(client) -> dict[str, list[str]]:
    """{part path: the locations it lists} for every article part the index names."""
    return {
        path: [location for location, _ in part_entries(client, path)]
        for path in article_part_paths(index_entries(client))
    }


@pytest.mark.parametrize("size", [1, 10])  # 1: the expiring article is alone in its part, whatever the ids
def test_an_expiry_that_passes_with_nothing_published_takes_the_article_out_of_index_and_part(
    client, settings, clock, size
):
    settings.SITEMAP_PART_SIZE = size
    kept = make_article()
    expiring = make_article(expire_at=clock.moment + datetime.timedelta(hours=1))
    assert absolute(expiring) in listed_articles(client)
    clock.advance(datetime.timedelta(hours=1, seconds=1))
    listing = article_parts_listing(client)
    assert [location for locations in listing.values() for location in locations] == [absolute(kept)]
    if expiring.pk // size != kept.pk // size:
        assert f"/sitemap-articles-{expiring.pk // size}.xml" not in listing
        assert client.get(f"/sitemap-articles-{expiring.pk // size}.xml").status_code == 404


def test_a_scheduled_article_enters_its_part_when_publish_scheduled_publishes_it(client, small_parts, clock):
    make_article()
    scheduled = make_article(publish=False)
    scheduled.go_live_at = clock.moment + datetime.timedelta(hours=1)
    scheduled.save_revision().publish()
    assert absolute(scheduled) not in listed_articles(client)
    clock.advance(datetime.timedelta(hours=1, seconds=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    index = index_entries(client)
    assert absolute(scheduled) in listed_articles(client)
    scheduled.refresh_from_db()
    assert index[f"/sitemap-articles-{scheduled.pk // 10}.xml"] == w3c(scheduled.last_published_at)


def test_a_section_restricted_moved_or_deleted_changes_the_index_at_once(client, small_parts):
    from cms.news.models import NewsIndexPage

    home = corporate_index().get_parent()
    other = home.add_child(instance=NewsIndexPage(title="Tin khác", slug="tin-khac"))
    public = make_article()
    hidden = [make_article(parent=other) for _ in range(12)]
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert sorted(listed_articles(client)) == [absolute(public)]
    restriction.delete()
    assert len(listed_articles(client)) == 13
    moved = hidden[0]
    moved.move(corporate_index(), pos="last-child")
    moved.refresh_from_db()
    assert absolute(moved) in listed_articles(client)
    ArticlePage.objects.get(pk=hidden[1].pk).delete()
    assert len(listed_articles(client)) == 12
    other.delete()  # the section with the articles still in it
    listed = listed_articles(client)
    assert sorted(listed) == sorted([absolute(public), absolute(moved)])


def test_the_index_reads_a_row_per_part_not_the_articles(client, small_parts):
    [make_article() for _ in range(5)]
    few = queries_of(client, "/sitemap.xml")
    [make_article() for _ in range(40)]
    assert queries_of(client, "/sitemap.xml") == few
    assert len(article_part_paths(index_entries(client))) >= 4
