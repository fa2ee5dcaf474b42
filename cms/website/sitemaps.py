"""The sitemaps: an index (`/sitemap.xml`) of parts that each hold at most SITEMAP_PART_SIZE
URLs, and a Google News sitemap of the last two days' articles.

- `/sitemap-pages.xml`: the live, public pages that are not articles (home, sections) and the
  category pages that list at least one published article.
- `/sitemap-articles-<k>.xml`: the published articles whose ids are in the k-th range of
  SITEMAP_PART_SIZE ids, in id order (sitemap_parts.py: fixed ranges, so a part holds at most
  that many URLs and reads at most that many rows whatever the size of the site, and the index
  reads one summary row per part). A part that holds no published article names none: 404.

SITEMAP_PART_SIZE defaults to 1,000, not the protocol's 50,000: a part then costs the same to
render at 1,000 articles as at a million (a part of 50,000 grows with the site up to there),
a crawler fetches again only the thousand URLs of a part whose lastmod moved, and the
protocol's 50,000 parts per index still leave room for 50 million articles.
- `/sitemap-news.xml`: articles first published in the last two days, newest first, at most
  1,000 (Google's limits).

Only what `published_articles()` shows is listed. Locations are absolute, from SITE_URL. Each
rendering is kept per content version like the feeds (`cms/http_cache/response_cache.py`),
and no longer than the next moment a publication window moves, or an article leaves the
news sitemap's two days.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from lxml import etree
from wagtail.models import Site, get_page_models

from cms.http_cache import response_cache
from cms.http_cache.validators import body_etag
from cms.news.models import ArticlePage, Category
from cms.news.page_urls import PublicUrls
from cms.news.selectors import published_articles
from cms.news.text import strip_xml_illegal

from .identity import request_host, site_identity
from .sitemap_parts import article_parts, id_range, part_size

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9"
# Google News: articles of the last two days, at most 1,000 per sitemap.
NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_MAX_ENTRIES = 1_000
# The articles are written in Vietnamese (ISO 639 code, as Google News asks).
NEWS_LANGUAGE = "vi"
# Page ids are bigints: a part beyond them names nothing (and its range would overflow).
_MAX_ID = 2**63 - 1
CACHE_PREFIX = "website:sitemap"


class SitemapPartNotFound(LookupError):
    """A part name that names no part of the sitemap."""


@dataclass(frozen=True)
class SitemapUrl:
    location: str
    lastmod: datetime.datetime | None


@dataclass(frozen=True)
class NewsUrl:
    location: str
    title: str
    publication_date: datetime.datetime
    lastmod: datetime.datetime | None


@dataclass(frozen=True)
class RenderedSitemap:
    body: bytes
    etag: str
    last_modified: int | None  # Unix time of the newest lastmod shown
    last_modified_http: str
    # When the file may change with nothing published: a publication window opening or closing,
    # or the news sitemap's oldest entry leaving the two days (None: not before a publish).
    changes_at: float | None


# --- Reads ----------------------------------------------------------------------------------


def article_part_urls(number: int, *, size: int) -> list[SitemapUrl]:
    """The published articles of part `number` (ids in its range), in id order;
    `SitemapPartNotFound` when it holds none."""
    first, end = id_range(number, size)
    if end - 1 > _MAX_ID:
        raise SitemapPartNotFound(str(number))
    rows = list(
        published_articles()
        .filter(pk__gte=first, pk__lt=end)
        .order_by("pk")
        .values_list("pk", "url_path", "last_published_at")
    )
    if not rows:
        raise SitemapPartNotFound(str(number))
    locations = _article_locations([(pk, url_path) for pk, url_path, _lastmod in rows])
    return [SitemapUrl(location=locations[pk], lastmod=lastmod) for pk, _url_path, lastmod in rows if locations.get(pk)]


def _article_locations(rows: list[tuple[int, str]]) -> dict[int, str | None]:
    """{article id: absolute URL} from (id, tree path) rows, without a page instance each (a
    part of 50,000 would need 50,000: bench/README.md); only pages Wagtail alone can route
    (several sites, i18n) are read whole, in one query."""
    urls = PublicUrls()
    locations = {pk: urls.absolute_of(url_path) for pk, url_path in rows if not urls.routed_by_wagtail(url_path)}
    others = [pk for pk, _url_path in rows if pk not in locations]
    if others:
        locations.update({pk: urls.absolute(page) for pk, page in ArticlePage.objects.in_bulk(others).items()})
    return locations


def page_urls(request=None) -> list[SitemapUrl]:
    """The live, public pages of the site that are not articles (home, sections), in tree
    order, then the category pages that list a published article.

    A page's lastmod is its last publication (as Wagtail's sitemap gives it); a category's is
    the newest publication among its published articles.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return []
    # The page types other than articles, named: excluding the article type would make the
    # database read every article's row to leave it out (the content type's index finds the few).
    others = [model for model in get_page_models() if not issubclass(model, ArticlePage)]
    pages = (
        site.root_page.get_descendants(inclusive=True)
        .live()
        .public()
        .filter(content_type__in=ContentType.objects.get_for_models(*others, for_concrete_models=False).values())
        .order_by("path")
        .only("url_path", "last_published_at", "latest_revision_created_at")
    )
    public_urls = PublicUrls()
    found = [
        SitemapUrl(location=location, lastmod=page.last_published_at or page.latest_revision_created_at)
        for page in pages
        if (location := public_urls.absolute(page))
    ]
    # The newest first along the live pages' last publication (news 0014): the first of the
    # category's articles found ends the walk, where MAX() would read all of them.
    newest = (
        published_articles()
        .filter(categories=OuterRef("pk"), last_published_at__isnull=False)
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    categories = Category.objects.annotate(newest=Subquery(newest)).filter(newest__isnull=False).order_by("name", "pk")
    found += [
        SitemapUrl(
            location=f"{settings.SITE_URL}{reverse('website:category', args=[category.slug])}",
            lastmod=category.newest,
        )
        for category in categories
    ]
    return found


def news_urls(*, now: datetime.datetime | None = None) -> list[NewsUrl]:
    """Articles first published in the last two days, newest first, at most 1,000."""
    now = now or timezone.now()
    rows = list(
        published_articles()
        .filter(first_published_at__gt=now - NEWS_WINDOW, first_published_at__lte=now)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", "url_path", "title", "first_published_at", "last_published_at")[:NEWS_MAX_ENTRIES]
    )
    locations = _article_locations([(pk, url_path) for pk, url_path, *_rest in rows])
    return [
        NewsUrl(location=locations[pk], title=title, publication_date=first_published, lastmod=last_published)
        for pk, _url_path, title, first_published, last_published in rows
        if locations.get(pk)
    ]


# --- Builders: data in, XML out -------------------------------------------------------------


def w3c_datetime(moment: datetime.datetime) -> str:
    """W3C datetime with the site's time zone offset: `2024-11-29T08:30:00+07:00`."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


def newest(moments) -> datetime.datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _document(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _child(parent: etree._Element, namespace: str, tag: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}")
    element.text = strip_xml_illegal(text)
    return element


def _locations(root_tag: str, entry_tag: str, urls: list[SitemapUrl]) -> bytes:
    root = etree.Element(f"{{{SITEMAP_NAMESPACE}}}{root_tag}", nsmap={None: SITEMAP_NAMESPACE})
    for url in urls:
        entry = etree.SubElement(root, f"{{{SITEMAP_NAMESPACE}}}{entry_tag}")
        _child(entry, SITEMAP_NAMESPACE, "loc", url.location)
        if url.lastmod is not None:
            _child(entry, SITEMAP_NAMESPACE, "lastmod", w3c_datetime(url.lastmod))
    return _document(root)


def build_urlset(urls: list[SitemapUrl]) -> bytes:
    """A sitemap (`urlset`) of `urls`."""
    return _locations("urlset", "url", urls)


def build_sitemap_index(parts: list[SitemapUrl]) -> bytes:
    """A sitemap index of `parts` (each part's location and newest lastmod)."""
    return _locations("sitemapindex", "sitemap", parts)


def build_news_sitemap(urls: list[NewsUrl], *, publication_name: str, language: str = NEWS_LANGUAGE) -> bytes:
    """A Google News sitemap: each article's location, publication, first publication and title."""
    root = etree.Element(f"{{{SITEMAP_NAMESPACE}}}urlset", nsmap={None: SITEMAP_NAMESPACE, "news": NEWS_NAMESPACE})
    for url in urls:
        entry = etree.SubElement(root, f"{{{SITEMAP_NAMESPACE}}}url")
        _child(entry, SITEMAP_NAMESPACE, "loc", url.location)
        news = etree.SubElement(entry, f"{{{NEWS_NAMESPACE}}}news")
        publication = etree.SubElement(news, f"{{{NEWS_NAMESPACE}}}publication")
        _child(publication, NEWS_NAMESPACE, "name", publication_name)
        _child(publication, NEWS_NAMESPACE, "language", language)
        _child(news, NEWS_NAMESPACE, "publication_date", w3c_datetime(url.publication_date))
        _child(news, NEWS_NAMESPACE, "title", url.title)
    return _document(root)


# --- Rendering, cached per content version --------------------------------------------------


def part_location(name: str) -> str:
    return f"{settings.SITE_URL}/sitemap-{name}.xml"


def articles_part_name(number: int) -> str:
    return f"articles-{number}"


def _render_index(request) -> tuple[bytes, datetime.datetime | None, datetime.datetime | None]:
    parts = [SitemapUrl(part_location("pages"), newest(url.lastmod for url in page_urls(request)))]
    parts += [SitemapUrl(part_location(articles_part_name(part.number)), part.lastmod) for part in article_parts()]
    parts.append(SitemapUrl(part_location("news"), newest(url.lastmod for url in news_urls())))
    return build_sitemap_index(parts), newest(part.lastmod for part in parts), None


def _render_pages(request):
    urls = page_urls(request)
    return build_urlset(urls), newest(url.lastmod for url in urls), None


def _render_articles(number: int):
    urls = article_part_urls(number, size=part_size())
    return build_urlset(urls), newest(url.lastmod for url in urls), None


def _render_news(request):
    now = timezone.now()
    urls = news_urls(now=now)
    body = build_news_sitemap(urls, publication_name=site_identity(request=request).name)
    # The oldest entry leaves the two days then, with nothing published to say so.
    leaves_at = min(url.publication_date for url in urls) + NEWS_WINDOW if urls else None
    return body, newest(url.lastmod for url in urls), leaves_at


def rendered_sitemap(name: str, request=None) -> RenderedSitemap:
    """The sitemap file `name` (`index`, `pages`, `news` or `articles-<k>`), from
    the cache or rendered and cached; `SitemapPartNotFound` for a name that names none."""
    # The pages part and the news publication's name follow the site serving the request.
    key_text = f"{name}\0{part_size()}\0{settings.SITE_URL}\0{request_host(request)}"
    key = f"{CACHE_PREFIX}:{hashlib.sha256(key_text.encode()).hexdigest()[:32]}"
    version, cached = response_cache.lookup(key)
    if cached is None:
        since = response_cache.now()
        body, last_modified, leaves_at = _render(name, request)
        timestamp = int(last_modified.timestamp()) if last_modified else None
        cached = {
            "body": body,
            "etag": body_etag(body),
            "last_modified": timestamp,
            "last_modified_http": http_date(timestamp) if timestamp else "",
            "leaves_at": leaves_at.timestamp() if leaves_at else None,
        }
        timeout = settings.SITEMAP_CACHE_SECONDS
        if leaves_at is not None:
            timeout = min(timeout, int(leaves_at.timestamp() - since))
        if timeout > 0:
            response_cache.store(key, version, cached, timeout, since=since)
    moments = [moment for moment in (cached.get("window_moves_at"), cached["leaves_at"]) if moment is not None]
    return RenderedSitemap(
        body=cached["body"],
        etag=cached["etag"],
        last_modified=cached["last_modified"],
        last_modified_http=cached["last_modified_http"],
        changes_at=min(moments, default=None),
    )


def _render(name: str, request):
    if name == "index":
        return _render_index(request)
    if name == "pages":
        return _render_pages(request)
    if name == "news":
        return _render_news(request)
    kind, _, number = name.partition("-")
    if kind != "articles" or not number.isdigit():
        raise SitemapPartNotFound(name)
    return _render_articles(int(number))
