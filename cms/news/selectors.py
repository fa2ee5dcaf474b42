"""THE query layer: which articles are published and public, for whom.

The site, the API, the feeds, search, the sitemap and most-viewed lists all start here, so
"what may be shown" is decided once. Keyword-only functions returning querysets.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.query import PageQuerySet

from .models import ArticlePage, Category, MemberUnit
from .renditions import RENDITION_FILTERS
from .slugs import fold_for_search

MAX_SEARCH_TERMS = 12


def published_articles(*, include_restricted: bool = False) -> PageQuerySet:
    """Live articles whose publication window is open, newest first.

    Articles under a view restriction (password, login, groups) are left out unless
    `include_restricted` is set for a caller entitled to internal news.
    """
    now = timezone.now()
    articles = (
        ArticlePage.objects.live()
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
    if not include_restricted:
        articles = articles.public()
    # Same-day articles newest-created first: both keys are on the article table, so the
    # database walks the `news_article_newest_first` index instead of sorting every article.
    return articles.order_by("-date", "-pk")


def search_articles(articles: QuerySet, query: str) -> QuerySet:
    """Articles containing every word of `query`, ignoring case and Vietnamese accents.

    `dan van kheo` finds `Dân vận khéo`; `dang uy` finds `Đảng ủy`. Both sides are folded the
    same way (`fold_for_search`), so the match works the same on SQLite and PostgreSQL.
    """
    terms = fold_for_search(query).split()[:MAX_SEARCH_TERMS]
    for term in terms:
        articles = articles.filter(search_text__contains=term)
    return articles


def with_card_data(articles: QuerySet, *, body: bool = False) -> QuerySet:
    """Everything a news card shows, fetched in a fixed number of queries.

    Units, categories and tags land in plain lists (read them with `card_relation()`,
    which sorts them by name so that ETags stay stable): Django
    would otherwise build a related-manager queryset per article and relation, which cost more
    than the queries themselves. The folded search column is never loaded, and the StreamField body
    (the largest column by far) only with `body=True`, for the detail view and the feeds.
    """
    image_model = get_image_model()
    deferred = ("search_text",) if body else ("search_text", "body")
    return (
        articles.defer(*deferred)
        .select_related("author")
        .prefetch_related(
            Prefetch("units", to_attr="card_units"),
            Prefetch("categories", to_attr="card_categories"),
            Prefetch("tags", to_attr="card_tags"),
            Prefetch("hero_image", queryset=image_model.objects.prefetch_renditions(*RENDITION_FILTERS)),
        )
    )


def card_relation(article: ArticlePage, name: str) -> list:
    """An article's `units`, `categories` or `tags`, sorted by name: the lists `with_card_data`
    fetched, or the relation itself for an article that came another way (a draft preview)."""
    items = getattr(article, f"card_{name}", None)
    if items is None:
        items = getattr(article, name).all()
    return sorted(items, key=_name)


def _name(item) -> str:
    return item.name


def units_with_articles() -> QuerySet:
    return MemberUnit.objects.order_by("name")


def categories() -> QuerySet:
    return Category.objects.order_by("name")


def most_viewed_articles(
    *, days: int = 7, unit: MemberUnit | None = None, include_restricted: bool = False, limit: int = 10
) -> QuerySet:
    """Published articles ranked by views over the last `days` days (today included).

    Each article carries `recent_views`. Reads the daily counts the site records (the beacon
    buffers them in the cache; a task flushes them to `ArticleDailyViews`).
    """
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    articles = published_articles(include_restricted=include_restricted)
    if unit is not None:
        articles = articles.filter(units=unit)
    return (
        articles.filter(daily_views__day__gte=since)
        .annotate(recent_views=Sum("daily_views__views"))
        .filter(recent_views__gt=0)
        .order_by("-recent_views", "-date", "-pk")[:limit]
    )
