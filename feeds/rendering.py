"""One feed page rendered once per content version, shared by every app server via the cache.

Entries are stored per `content_version()` (cms/http_cache/response_cache.py), which the
publish pipeline (cms/publishing/services.py) bumps on publish, unpublish, move, delete and
view-restriction change: after any of those, every process renders afresh. What the version
cannot see (a publication window opening or closing) ends the entry too: it lives no longer
than the next such moment, and its `max-age` and `s-maxage` no longer than the entry.

The validators change only when the body does (cms/http_cache/validators.py): a publish in
another unit re-renders this feed to the same bytes, hence the same ETag and Last-Modified, and
its subscribers get 304.
"""

import datetime
import hashlib
import json
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.http import http_date

from cms.http_cache import response_cache, surrogate_keys
from cms.http_cache.validators import body_etag, first_rendered_at

from .articles import feed_articles
from .builders import FeedMeta, build_atom_feed, build_json_feed, build_rss_feed, newest_change, scope_tag_uri
from .scopes import FORMATS, FeedScope, find_scope

CACHE_PREFIX = "feeds:rendered"


class PageOutOfRange(LookupError):
    """A `?page=` beyond the last page of the feed (or of its bounded archive)."""


@dataclass(frozen=True)
class RenderedFeed:
    body: bytes
    content_type: str
    etag: str  # a hash of the body
    last_modified: int  # Unix time this body was first rendered
    last_modified_http: str  # the same as an HTTP date, formatted once per rendering
    window_moves_at: float | None  # the next publication-window change (no cache reaches past it)
    surrogate_keys: str  # what it shows, for a shared cache's purges


def page_url(base_url: str, page: int) -> str:
    return base_url if page == 1 else f"{base_url}?page={page}"


def feed_meta(scope: FeedScope, format_name: str, page: int, last_page: int, hub_url: str) -> FeedMeta:
    """Identity and links of one page of a feed (RFC 5005 paging, WebSub hub)."""
    base_url = scope.feed_url(format_name)
    return FeedMeta(
        feed_id=scope_tag_uri(scope.key),
        title=scope.title if page == 1 else f"{scope.title} (trang {page})",
        description=scope.description,
        self_url=page_url(base_url, page),
        alternate_url=scope.alternate_url,
        hub_url=hub_url,
        first_url=base_url,
        previous_url=page_url(base_url, page - 1) if page > 1 else "",
        next_url=page_url(base_url, page + 1) if page < last_page else "",
        last_url=page_url(base_url, last_page),
    )


def build_feed(
    scope: FeedScope, format_name: str, page: int = 1
) -> tuple[bytes, datetime.datetime, surrogate_keys.SurrogateKeys]:
    """Render one page of a scope's feed: (body, newest change, what it shows).

    A constant number of queries whatever the page size: one count, then the page of articles
    with what they show (feeds/articles.py). The archive is bounded (`FEED_MAX_PAGES`): the
    count reads at most that many pages' articles and the deepest offset is fixed, so the last
    page costs the same at any number of articles. Older articles are the API's to give
    (cursors and /changes/ reach the first one ever); a feed only needs enough to catch up.
    """
    per_page = max(1, settings.FEED_ITEMS)
    articles = scope.articles()
    total = articles[: max(1, settings.FEED_MAX_PAGES) * per_page].count()
    last_page = max(1, math.ceil(total / per_page))
    if page > last_page:
        raise PageOutOfRange(page)
    listed = feed_articles(articles[(page - 1) * per_page : page * per_page])
    meta = feed_meta(scope, format_name, page, last_page, settings.WEBSUB_HUB_URL)
    if format_name == "rss":
        body = build_rss_feed(meta, listed)
    elif format_name == "atom":
        body = build_atom_feed(meta, listed)
    else:
        body = json.dumps(build_json_feed(meta, listed), ensure_ascii=False).encode("utf-8")
    keys = surrogate_keys.SurrogateKeys()
    keys.add_scope(surrogate_keys.FEED if scope.kind == "site" else surrogate_keys.scope_key(scope.kind, scope.slug))
    keys.add_articles(article.pk for article in listed)
    return body, newest_change(listed), keys


def _cache_key(kind: str, slug: str, format_name: str, page: int) -> str:
    digest = hashlib.sha256(f"{kind}\0{slug}\0{format_name}\0{page}".encode()).hexdigest()[:32]
    return f"{CACHE_PREFIX}:{digest}"


def rendered_feed(kind: str, slug: str, format_name: str, page: int = 1) -> RenderedFeed:
    """The feed page from the cache, or rendered and cached.

    Raises `ScopeNotFound` for an unknown slug and `PageOutOfRange` past the last page (never
    cached, so a new unit or category is served at once).
    """
    key = _cache_key(kind, slug, format_name, page)
    version, cached = response_cache.lookup(key)
    if cached is None:
        since = response_cache.now()
        body, newest, keys = build_feed(find_scope(kind, slug), format_name, page)
        etag = body_etag(body)
        timestamp = first_rendered_at(key, etag, newest=newest.timestamp())
        cached = {
            "body": body,
            "etag": etag,
            "last_modified": timestamp,
            "last_modified_http": http_date(timestamp),
            "surrogate_keys": keys.header(),
        }
        response_cache.store(key, version, cached, settings.FEED_CACHE_SECONDS, since=since)
    return RenderedFeed(
        body=cached["body"],
        content_type=f"{FORMATS[format_name][1]}; charset=utf-8",
        etag=cached["etag"],
        last_modified=cached["last_modified"],
        last_modified_http=cached["last_modified_http"],
        window_moves_at=cached.get("window_moves_at"),
        surrogate_keys=cached.get("surrogate_keys", ""),
    )
