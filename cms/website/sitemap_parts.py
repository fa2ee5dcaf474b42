"""The article parts of the sitemap: fixed id ranges, and a summary row per part.

Part `k` of size `S` (SITEMAP_PART_SIZE) holds the published articles whose ids are in
`[k × S, (k + 1) × S)`: at most S URLs by construction, each article in exactly one part, and a
part reads at most S rows through the primary key whatever the size of the site.

The index needs, per part, whether it holds a published article and the newest publication
among them. Aggregating every article per request grows with the site, so a `SitemapPart` row
per part keeps both, and the publish pipeline (cms/publishing/services.py) recomputes the rows
a change touches: the article's own part, or every part for a change to a section or the home
page (a move, a view restriction, an unpublished section), which is rare and done once.

What no signal announces is a publication window opening or closing. Each row keeps the first
such moment among its part's live articles (`valid_until`); past it, the index recomputes that
part from the articles (a few parts, until `publish_scheduled` publishes or unpublishes them and
the pipeline writes their rows again).

Rows are kept for the current size only. When there are none for it (a new database, a changed
setting), the next change or read builds them all, once; writes that bypass the pipeline (bulk
seeding) end with `manage.py build_sitemap_parts`.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, ExpressionWrapper, F, IntegerField, Max, Min, Q
from django.utils import timezone

from cms.news.models import ArticlePage
from cms.news.selectors import published_articles

from .models import SitemapPart

# The sitemaps protocol's limit per file; SITEMAP_PART_SIZE is cut to it.
PROTOCOL_MAX_URLS = 50_000


@dataclass(frozen=True)
class Part:
    number: int
    articles: int
    lastmod: datetime.datetime | None
    valid_until: datetime.datetime | None


def part_size() -> int:
    """URLs per part: SITEMAP_PART_SIZE, within 1 and the protocol's 50,000."""
    return max(1, min(int(settings.SITEMAP_PART_SIZE), PROTOCOL_MAX_URLS))


def id_range(number: int, size: int) -> tuple[int, int]:
    """The ids part `number` holds: from the first, up to (not including) the second."""
    return number * size, (number + 1) * size


def article_parts() -> list[Part]:
    """The parts holding at least one published article, in order, as of now."""
    size, now = part_size(), timezone.now()
    parts = _stored(size)
    if not parts:
        parts = rebuild(size=size)
    stale = [part.number for part in parts if part.valid_until is not None and part.valid_until <= now]
    if stale:
        # A stale part left with no article and no window to come is absent from `fresh`: gone.
        fresh = _computed(size, stale, now)
        parts = sorted([part for part in parts if part.number not in stale] + list(fresh.values()), key=_number)
    return [part for part in parts if part.articles]


def rebuild(*, size: int | None = None) -> list[Part]:
    """Every part's row computed afresh for `size` (default: the setting); rows for any other
    size are dropped."""
    size = size or part_size()
    parts = sorted(_computed(size, None, timezone.now()).values(), key=_number)
    with transaction.atomic():
        SitemapPart.objects.all().delete()
        _write(size, parts)
    return parts


def articles_changed(article_ids: list[int] | None) -> None:
    """The pipeline's call: these articles (None: any article) may have entered or left the
    sitemap or been published again. Their parts' rows are recomputed now, in the editor's
    transaction, and again after commit (a publication committed meanwhile in the same part
    was not visible to the first). While there are no rows for the size, all are built."""
    recompute = _recompute_all if article_ids is None else lambda: _recompute(article_ids)
    recompute()
    transaction.on_commit(recompute)


def _recompute_all() -> None:
    rebuild()


def _recompute(article_ids: list[int]) -> None:
    size = part_size()
    if not SitemapPart.objects.filter(size=size).exists():
        rebuild(size=size)
        return
    numbers = sorted({pk // size for pk in article_ids})
    parts = _computed(size, numbers, timezone.now())
    with transaction.atomic():
        SitemapPart.objects.filter(size=size, number__in=numbers).delete()
        _write(size, parts.values())


def _stored(size: int) -> list[Part]:
    rows = SitemapPart.objects.filter(size=size).order_by("number")
    return [Part(*row) for row in rows.values_list("number", "articles", "lastmod", "valid_until")]


def _computed(size: int, numbers: list[int] | None, now: datetime.datetime) -> dict[int, Part]:
    """Parts `numbers` (None: all) read from the articles: two grouped queries, one over the
    published articles (count, newest publication), one over the live ones (next window)."""
    number = ExpressionWrapper(F("pk") / size, output_field=IntegerField())
    within = Q()
    for each in numbers or []:
        first, end = id_range(each, size)
        within |= Q(pk__gte=first, pk__lt=end)
    if numbers is not None and not numbers:
        return {}
    published = (
        published_articles()
        .filter(within)
        .order_by()
        .annotate(part=number)
        .values("part")
        .annotate(count=Count("pk"), newest=Max("last_published_at"))
        .values_list("part", "count", "newest")
    )
    windows = (
        ArticlePage.objects.live()
        .filter(within)
        .filter(Q(go_live_at__gt=now) | Q(expire_at__gt=now))
        .order_by()
        .annotate(part=number)
        .values("part")
        .annotate(
            opens=Min("go_live_at", filter=Q(go_live_at__gt=now)), closes=Min("expire_at", filter=Q(expire_at__gt=now))
        )
        .values_list("part", "opens", "closes")
    )
    moves = {part: min(moment for moment in (opens, closes) if moment is not None) for part, opens, closes in windows}
    parts = {part: Part(part, count, newest, moves.get(part)) for part, count, newest in published}
    parts.update({part: Part(part, 0, None, moment) for part, moment in moves.items() if part not in parts})
    return parts


def _write(size: int, parts) -> None:
    SitemapPart.objects.bulk_create(
        [
            SitemapPart(
                size=size,
                number=part.number,
                articles=part.articles,
                lastmod=part.lastmod,
                valid_until=part.valid_until,
            )
            for part in parts
            if part.articles or part.valid_until is not None
        ],
        ignore_conflicts=True,
    )


def _number(part: Part) -> int:
    return part.number
