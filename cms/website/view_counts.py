"""Counting article views without a database write per page view.

A view is recorded by the page's beacon (`/luot-xem/<id>/`), so it still counts when the page
itself comes from a cache or a CDN. The hot path touches only the shared cache:

* `seen` key per (day, article, reader), created with the atomic `cache.add`: one view per
  reader per article per day;
* a counter per (day, article), raised with the atomic `cache.incr`;
* a per-day registry (`cache.incr` on a slot counter + one key per slot) that lets the flusher
  find the counters, as Django's cache cannot list keys;
* a counter per (day, article, client address): one address counts at most
  settings.VIEWS_PER_ADDRESS_PER_DAY readers of an article a day, whatever cookies or browsers
  it claims (the cookie and the user agent are the client's to choose; the address is not).

With settings.VIEW_COUNTS_BUFFERED off (the embedded default: a local-memory cache that no
other process can read) the process that counted a view also stores it, at once.

`flush_view_counts()` moves the counters into `ArticleDailyViews`. It never reads-then-deletes:
it subtracts what it read (`cache.decr`, atomic), so views counted meanwhile stay in the
counter for the next flush, and two flushers running at once cannot both take the same views.
"""

import datetime
import hashlib
import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cms.http_cache.freshness import content_version
from cms.news.models import ArticleDailyViews, ArticlePage
from cms.news.selectors import published_articles

logger = logging.getLogger(__name__)

# Keys live long enough for a flush that ran late (the flusher looks back FLUSH_DAYS days).
KEY_TTL = 4 * 86400
FLUSH_DAYS = 3
PUBLIC_CHECK_TTL = 300

BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrape|fetch|preview|monitor|checker|validator|headless|phantom|lighthouse|"
    r"facebookexternalhit|whatsapp|telegram|curl|wget|python|java/|go-http|okhttp|httpclient|libwww|axios|node-fetch",
    re.IGNORECASE,
)


def _cache():
    from django.core.cache import cache

    return cache


def is_bot(user_agent: str) -> bool:
    """Crawlers, link previewers, monitors and scripts announce themselves; an empty agent is a script."""
    return not user_agent.strip() or bool(BOT_USER_AGENT.search(user_agent))


def reader_key(*, cookie_id: str, ip: str, user_agent: str) -> str:
    """Who is reading, as a short hash: the first-party cookie id, or IP + user agent without one."""
    identity = f"c:{cookie_id}" if cookie_id else f"a:{ip}|{user_agent}"
    return hashlib.sha256(f"{settings.SECRET_KEY}|{identity}".encode()).hexdigest()[:32]


def is_countable(article_id: int) -> bool:
    """Published, public article? Cached per content version, so a beacon rarely reads the database."""
    cache = _cache()
    key = f"views:public:{content_version()}:{article_id}"
    answer = cache.get(key)
    if answer is None:
        answer = published_articles().filter(pk=article_id).exists()
        cache.set(key, answer, PUBLIC_CHECK_TTL)
    return answer


def _counter_key(day: datetime.date, article_id: int) -> str:
    return f"views:count:{day.isoformat()}:{article_id}"


def _slot_count_key(day: datetime.date) -> str:
    return f"views:slots:{day.isoformat()}"


def _slot_key(day: datetime.date, number: int) -> str:
    return f"views:slot:{day.isoformat()}:{number}"


class ViewBufferUnavailable(RuntimeError):
    """The cache that buffers view counts cannot count right now (Redis down): views are dropped."""


def _incr(key: str, delta: int = 1) -> int:
    """Atomic increment that creates the key at 0 first (add is a no-op when it exists)."""
    cache = _cache()
    for _attempt in range(3):
        cache.add(key, 0, KEY_TTL)
        try:
            return cache.incr(key, delta)
        except ValueError:  # expired between add and incr: create it again
            continue
    raise ViewBufferUnavailable(f"cache key {key} keeps disappearing")


def _register(day: datetime.date, article_id: int) -> None:
    """Make the (day, article) counter findable by the flusher, once."""
    cache = _cache()
    if cache.add(f"views:registered:{day.isoformat()}:{article_id}", 1, KEY_TTL):
        number = _incr(_slot_count_key(day))
        cache.set(_slot_key(day, number), article_id, KEY_TTL)


def _seen_key(day: datetime.date, article_id: int, reader: str) -> str:
    return f"views:seen:{day.isoformat()}:{article_id}:{reader}"


def _address_key(day: datetime.date, article_id: int, address: str) -> str:
    digest = hashlib.sha256(address.encode()).hexdigest()[:24]
    return f"views:address:{day.isoformat()}:{article_id}:{digest}"


def record_view(
    article_id: int,
    reader: str,
    *,
    address: str = "",
    also_known_as: str = "",
    day: datetime.date | None = None,
) -> bool:
    """Count one view of the article by `reader` at `address` today; False when not counted.

    Not counted: this reader was already counted today, or `address` has already counted
    settings.VIEWS_PER_ADDRESS_PER_DAY readers of this article today. `also_known_as` is the
    reader's next identity (the cookie id just handed out to a reader who had none), marked as
    seen too so the reader's next beacon is not a second view.
    """
    day = day or timezone.localdate()
    cache = _cache()
    if also_known_as:
        cache.add(_seen_key(day, article_id, also_known_as), 1, 2 * 86400)
    if not cache.add(_seen_key(day, article_id, reader), 1, 2 * 86400):
        return False
    if _incr(_address_key(day, article_id, address)) > settings.VIEWS_PER_ADDRESS_PER_DAY:
        return False
    _register(day, article_id)
    _incr(_counter_key(day, article_id))
    if not settings.VIEW_COUNTS_BUFFERED:
        _move(day, article_id, 1)
    return True


def pending_views(article_id: int, *, day: datetime.date | None = None) -> int:
    """Views counted in the cache and not flushed yet."""
    return max(_cache().get(_counter_key(day or timezone.localdate(), article_id)) or 0, 0)


def _take(key: str, seen: int) -> int:
    """Subtract up to `seen` from the counter and return how much was really there.

    Concurrent readers only add, so subtracting what was read loses nothing. If another
    flusher took the same views first, the counter dips below what we read: we give the
    difference back and take only what was there.
    """
    cache = _cache()
    try:
        after = cache.decr(key, seen)
    except ValueError:  # the key expired: nothing to take
        return 0
    before = after + seen
    taken = min(max(before, 0), seen)
    if taken < seen:
        cache.incr(key, seen - taken)
    return taken


def _store(day: datetime.date, article_id: int, views: int) -> None:
    with transaction.atomic():
        row, created = ArticleDailyViews.objects.get_or_create(
            article_id=article_id, day=day, defaults={"views": views}
        )
        if not created:
            ArticleDailyViews.objects.filter(pk=row.pk).update(views=F("views") + views)


def flush_view_counts(*, today: datetime.date | None = None, days: int = FLUSH_DAYS) -> int:
    """Move buffered views of the last `days` days into `ArticleDailyViews`; returns how many moved.

    Idempotent: a second run right after the first moves nothing. Safe to run from several
    workers at once.
    """
    today = today or timezone.localdate()
    cache = _cache()
    moved = 0
    for offset in range(days):
        day = today - datetime.timedelta(days=offset)
        slots = cache.get(_slot_count_key(day)) or 0
        if not slots:
            continue
        article_ids = {
            article_id
            for article_id in cache.get_many([_slot_key(day, n) for n in range(1, slots + 1)]).values()
            if article_id is not None
        }
        existing = set(ArticlePage.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
        counters = cache.get_many([_counter_key(day, article_id) for article_id in existing])
        for article_id in sorted(existing):
            moved += _move(day, article_id, counters.get(_counter_key(day, article_id)) or 0)
    return moved


def _move(day: datetime.date, article_id: int, seen: int) -> int:
    """Take up to `seen` buffered views of the article on `day` and store them; returns how many."""
    if seen <= 0:
        return 0
    key = _counter_key(day, article_id)
    taken = _take(key, seen)
    if not taken:
        return 0
    try:
        _store(day, article_id, taken)
    except Exception:
        # Keep the views for the next flush rather than losing them.
        _incr(key, taken)
        logger.exception("could not store %s views of article %s on %s", taken, article_id, day)
        raise
    return taken
