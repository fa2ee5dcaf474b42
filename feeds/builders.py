"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 from a list of articles: pure functions.

Articles in (`FeedArticle` rows from feeds/articles.py), bytes or a dict out. Nothing here
reads the request or queries the database.

Every piece of text goes through `_text()`, or `_html()` for the sanitised article HTML:
characters XML cannot carry are dropped (control characters pasted from Word, lone surrogates)
and text is NFC-normalised, so any article gives a well-formed feed; lxml escapes the rest
(`]]>`, `<`, `&`).
"""

import datetime
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from feedgen.feed import FeedGenerator

from cms.news.article_html import plain_text

from .articles import Enclosure, FeedArticle
from .feedgen_extensions import EntryLinksExtension, FeedLinksExtension, RssItemExtension, RssItemNamespaces

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_LANGUAGE = "vi"
GENERATOR = "EVNGENCO2 feeds (feedgen)"
# An empty feed has never changed: its `updated` is this fixed instant, not "now", so that
# its ETag/Last-Modified stay stable.
EMPTY_FEED_UPDATED = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
# Atom and RSS require a title; a title made only of characters XML cannot carry becomes this.
UNTITLED = "(Không có tiêu đề)"


def feed_timezone() -> ZoneInfo:
    return _zone(settings.TIME_ZONE)


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _text(value: str | None) -> str:
    """Plain text that XML and JSON can carry, NFC (composed) Vietnamese."""
    return unicodedata.normalize("NFC", plain_text(value or ""))


def _html(value: str) -> str:
    """Sanitised HTML (`sanitize_html` already dropped what XML cannot carry), composed."""
    return unicodedata.normalize("NFC", value)


def rss_html_text(text: str) -> str:
    """Plain text as RSS readers read RSS 2.0's `<description>` (always HTML) and, when it holds
    `<` or `&`, its `<title>` (readers guess: text that looks like markup is taken as HTML).
    lxml then escapes it once more for XML, so a reader unescaping twice gets the text back."""
    return escape(text, quote=False)


def _rss_title(text: str) -> str:
    return rss_html_text(text) if "<" in text or "&" in text else text


def article_tag_uri(pk: int) -> str:
    """The entry's permanent id (RFC 4151 tag: URI): from the primary key, so it survives a new
    slug, a move or a new domain."""
    return f"tag:{settings.FEED_TAG_AUTHORITY}:article:{pk}"


def scope_tag_uri(scope: str) -> str:
    return f"tag:{settings.FEED_TAG_AUTHORITY}:feed:{scope}"


@dataclass(frozen=True)
class FeedMeta:
    """What the caller knows about the feed document: identity, titles and its links."""

    feed_id: str
    title: str
    description: str
    self_url: str
    alternate_url: str
    hub_url: str = ""
    first_url: str = ""
    previous_url: str = ""
    next_url: str = ""
    last_url: str = ""


@dataclass(frozen=True)
class FeedItem:
    """One article, ready for any of the three formats."""

    id: str
    url: str
    title: str
    summary: str
    content_html: str
    published: datetime.datetime
    updated: datetime.datetime
    author: str
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    enclosure: Enclosure | None = None
    image_url: str = ""


def article_published(article: FeedArticle) -> datetime.datetime:
    """When the article was published, in Asia/Ho_Chi_Minh.

    The editorial `date` is what readers see and what feeds are ordered by; the time of day
    comes from the first publication when it happened that day, otherwise (imported or
    back-dated articles) the article counts as published at the start of its date.
    """
    zone = feed_timezone()
    first = article.first_published_at
    if first is not None:
        first = first.astimezone(zone)
        if first.date() == article.date:
            return first
    return datetime.datetime.combine(article.date, datetime.time(0, 0), tzinfo=zone)


def article_updated(article: FeedArticle) -> datetime.datetime:
    """The last change readers can see: the latest publication, never before `published`."""
    published = article_published(article)
    last = article.last_published_at
    return max(published, last.astimezone(feed_timezone())) if last else published


def feed_items(articles: Iterable[FeedArticle]) -> list[FeedItem]:
    """The articles as feed items, in the order given (the selector's: newest first)."""
    # Bylines, categories and tags repeat across a feed's articles: each is cleaned once.
    name = functools.cache(_text)
    items = []
    for article in articles:
        hero = article.hero_image
        enclosure = hero.enclosure if hero else None
        items.append(
            FeedItem(
                id=article_tag_uri(article.pk),
                url=article.url,
                title=_text(article.title).strip() or UNTITLED,
                summary=_text(article.lead),
                content_html=_html(article.html),
                published=article_published(article),
                updated=article_updated(article),
                author=name(article.author),
                categories=[name(category) for category in article.categories],
                tags=[name(tag) for tag in article.tags],
                enclosure=enclosure,
                image_url=(hero.large_url or (enclosure.url if enclosure else "")) if hero else "",
            )
        )
    return items


def feed_updated(items: Sequence[FeedItem]) -> datetime.datetime:
    """The newest change among the items (not the time of the request)."""
    if not items:
        return EMPTY_FEED_UPDATED.astimezone(feed_timezone())
    return max(item.updated for item in items)


def newest_change(articles: Iterable[FeedArticle]) -> datetime.datetime:
    """The `updated` of a feed of these articles (for Last-Modified)."""
    changes = [article_updated(article) for article in articles]
    return max(changes) if changes else EMPTY_FEED_UPDATED.astimezone(feed_timezone())


def _paging_links(meta: FeedMeta) -> list[dict]:
    links = [
        {"rel": rel, "href": href}
        for rel, href in (
            ("first", meta.first_url),
            ("previous", meta.previous_url),
            ("next", meta.next_url),
            ("last", meta.last_url),
        )
        if href
    ]
    if meta.hub_url:
        links.append({"rel": "hub", "href": meta.hub_url})
    return links


def _generator(meta: FeedMeta, items: Sequence[FeedItem], self_type: str) -> FeedGenerator:
    generator = FeedGenerator()
    generator.register_extension("extra_links", FeedLinksExtension, EntryLinksExtension)
    generator.id(meta.feed_id)
    title = _text(meta.title).strip() or _text(settings.WAGTAIL_SITE_NAME)
    generator.title(title)
    # RSS requires a non-empty channel description.
    description = _text(meta.description).strip() or title
    generator.subtitle(description)
    generator.description(description)
    generator.language(FEED_LANGUAGE)
    generator.generator(GENERATOR)
    # Alternate last: feedgen uses the last link as the RSS <link>.
    generator.link(href=meta.self_url, rel="self", type=self_type)
    generator.link(href=meta.alternate_url, rel="alternate", type="text/html")
    updated = feed_updated(items)
    generator.updated(updated)
    generator.lastBuildDate(updated)
    generator.extra_links.links = _paging_links(meta)
    return generator


def build_rss_feed(meta: FeedMeta, articles: Iterable[FeedArticle]) -> bytes:
    """RSS 2.0: plain-text description (the lead), full HTML in content:encoded, dc:creator,
    the hero photo as enclosure and media:content, guid isPermaLink="false"."""
    items = feed_items(articles)
    generator = _generator(meta, items, "application/rss+xml")
    generator.register_extension("rss_item", RssItemNamespaces, RssItemExtension, atom=False, rss=True)
    for item in items:
        entry = generator.add_entry(order="append")
        entry.guid(item.id, permalink=False)
        entry.title(_rss_title(item.title))
        entry.link(href=item.url, rel="alternate")
        entry.description(rss_html_text(item.summary or item.title))
        # Escaped text rather than CDATA: an article may contain "]]>".
        entry.content(item.content_html)
        entry.pubDate(item.published)
        entry.rss_item.creator = item.author
        # One call per entry: feedgen rebuilds its RSS list of categories on every call.
        entry.category([{"term": name} for name in item.categories + item.tags])
        if item.enclosure:
            enclosure = item.enclosure
            entry.enclosure(url=enclosure.url, length=str(enclosure.length), type=enclosure.mime_type)
            entry.rss_item.media = {
                "url": enclosure.url,
                "fileSize": str(enclosure.length),
                "type": enclosure.mime_type,
                "medium": "image",
                "height": str(enclosure.height),
                "width": str(enclosure.width),
            }
    return generator.rss_str(pretty=False)


def build_atom_feed(meta: FeedMeta, articles: Iterable[FeedArticle]) -> bytes:
    """Atom 1.0: summary + content type="html", published and updated, author, category,
    exactly one alternate link per entry and the hero photo as rel="enclosure"."""
    items = feed_items(articles)
    generator = _generator(meta, items, "application/atom+xml")
    generator.author(name=_text(settings.WAGTAIL_SITE_NAME), uri=settings.SITE_URL + "/")
    generator.rights(_text(settings.WAGTAIL_SITE_NAME))
    for item in items:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.summary(item.summary or item.title)
        entry.content(item.content_html, type="html")
        entry.published(item.published)
        entry.updated(item.updated)
        entry.author(name=item.author or _text(settings.WAGTAIL_SITE_NAME))
        entry.category([{"term": name, "label": name} for name in item.categories + item.tags])
        links = [{"rel": "alternate", "href": item.url, "type": "text/html"}]
        if item.enclosure:
            links.append(
                {
                    "rel": "enclosure",
                    "href": item.enclosure.url,
                    "type": item.enclosure.mime_type,
                    "length": item.enclosure.length,
                }
            )
        # Set through the extension, not entry.link(): see feedgen_extensions.py (#135/#143).
        entry.extra_links.links = links
    return generator.atom_str(pretty=False)


def _rfc3339(moment: datetime.datetime) -> str:
    return moment.astimezone(feed_timezone()).isoformat()


def build_json_feed(meta: FeedMeta, articles: Iterable[FeedArticle]) -> dict:
    """JSON Feed 1.1 as a dict (the view serialises it)."""
    items = feed_items(articles)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": _text(meta.title).strip() or _text(settings.WAGTAIL_SITE_NAME),
        "home_page_url": meta.alternate_url,
        "feed_url": meta.self_url,
        "description": _text(meta.description),
        "language": FEED_LANGUAGE,
        "authors": [{"name": _text(settings.WAGTAIL_SITE_NAME), "url": settings.SITE_URL + "/"}],
    }
    if meta.next_url:
        feed["next_url"] = meta.next_url
    if meta.hub_url:
        feed["hubs"] = [{"type": "WebSub", "url": meta.hub_url}]
    feed["items"] = [_json_item(item) for item in items]
    return feed


def _json_item(item: FeedItem) -> dict:
    entry = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content_html,
        "summary": item.summary,
        "date_published": _rfc3339(item.published),
        "date_modified": _rfc3339(item.updated),
        "authors": [{"name": item.author}] if item.author else [],
        "tags": item.categories + item.tags,
        "language": FEED_LANGUAGE,
    }
    if item.image_url:
        entry["image"] = item.image_url
    if item.enclosure:
        entry["attachments"] = [
            {"url": item.enclosure.url, "mime_type": item.enclosure.mime_type, "size_in_bytes": item.enclosure.length}
        ]
    return entry


__all__ = [
    "Enclosure",
    "FeedItem",
    "FeedMeta",
    "article_published",
    "article_tag_uri",
    "article_updated",
    "build_atom_feed",
    "build_json_feed",
    "build_rss_feed",
    "feed_items",
    "feed_updated",
    "newest_change",
]
