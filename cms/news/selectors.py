"""THE query layer: which articles are published and public, for whom.

The site, the API, the feeds, search, the sitemap and most-viewed lists all start here, so
"what may be shown" is decided once. Keyword-only functions returning querysets.
"""

import datetime

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Sum, Value, When
from django.utils import timezone
from taggit.models import Tag
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend

from cms.search.models import ArticleSearchDocument
from cms.search.query import parse as parse_query
from cms.search.snippets import snippet

from .models import ArticlePage, ArticlePageTag, Author, Category, MemberUnit, NewsIndexPage


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
    """`articles` that match a reader's `query`, best first (annotated `search_rank`).

    Through Wagtail's search framework, whose backend (`cms.search`) matches whole syllables,
    accent-insensitively, with quoted phrases, `-exclusions` and `OR`, and ranks phrase, title,
    lead and exact-accent matches first, then newest. Narrow `articles` with
    `published_articles()` first: search never decides what may be shown.
    """
    results = get_search_backend().search(query, articles)
    if not hasattr(results, "get_queryset"):  # nothing to look for (punctuation, a lone `-`)
        return articles.none().annotate(search_rank=Value(0))
    return results.get_queryset()


def attach_snippets(articles: list[ArticlePage], query: str) -> list[ArticlePage]:
    """Give each search result its `search_snippet`: the passage around its best match, in one query."""
    texts = dict(
        ArticleSearchDocument.objects.filter(pk__in=[article.pk for article in articles]).values_list("pk", "text")
    )
    parsed = parse_query(query)
    for article in articles:
        article.search_snippet = snippet(texts.get(article.pk) or article.lead, parsed)
    return articles


def categories() -> QuerySet:
    return Category.objects.order_by("name")


RELATED_LIMIT = 4


def in_unit(articles: QuerySet, unit: MemberUnit | int | QuerySet) -> QuerySet:
    """`articles` that are `unit`'s news: those tagged with the unit.

    The one rule for "in this unit", read by the unit's page, its feeds, the API's `?unit=`,
    most viewed and the unit blocks of the home page: where an article is filed in the page
    tree decides its URL, not whose news it is. `unit` may be a queryset of units (any of them);
    an article in two of them is listed once.
    """
    if isinstance(unit, QuerySet):
        tagged = ArticlePage.units.through.objects.filter(memberunit__in=unit.values("pk")).values("articlepage_id")
        return articles.filter(pk__in=tagged)
    return articles.filter(units=unit)


def section_articles(section: NewsIndexPage) -> QuerySet:
    """The published articles a news section lists: its unit's news for a unit's section, the
    articles filed in it otherwise."""
    articles = published_articles()
    return in_unit(articles, section.unit_id) if section.unit_id else articles.descendant_of(section)


def related_articles(article: ArticlePage, *, articles: QuerySet | None = None, limit: int = RELATED_LIMIT) -> QuerySet:
    """Other published articles like `article`, for the page's "Tin liên quan" and the API's
    `related`: those sharing a category first, then those sharing a unit; newest first within
    each. `articles` is the caller's published articles (the public ones unless a caller is
    entitled to more).

    Each group's newest are found by walking the newest-first index until enough match
    (`EXISTS`, so an article sharing two categories counts once): two small queries of ids,
    whatever is found; the result is a queryset of those ids, in that order, for the caller's
    read. Ranking every article of a large unit or category by group in one query would sort
    thousands of rows, and one query for both groups' ids (`IN … OR IN …`) cannot use an index.
    """
    public = published_articles() if articles is None else articles
    others = public.exclude(pk=article.pk)
    categories, units = ArticlePage.categories.through, ArticlePage.units.through
    first = list(others.filter(_shares(categories, "category_id", article)).values_list("pk", flat=True)[:limit])
    then = others.filter(_shares(units, "memberunit_id", article)).values_list("pk", flat=True)[: limit * 2]
    ranked = [*first, *(pk for pk in then if pk not in first)][:limit]
    order = Case(*(When(pk=pk, then=Value(place)) for place, pk in enumerate(ranked)), default=Value(limit))
    return public.filter(pk__in=ranked).order_by(order)


def _shares(through, column: str, article: ArticlePage) -> Exists:
    """The outer article has one of `article`'s units or categories (`through` and its column)."""
    mine = through.objects.filter(articlepage_id=article.pk).values(column)
    return Exists(through.objects.filter(articlepage_id=OuterRef("pk"), **{f"{column}__in": mine}))


def with_article_counts(items: QuerySet, relation: str, articles: QuerySet) -> QuerySet:
    """Units, categories or tags (`items`), each with `article_count`: how many of `articles`
    (the caller's published articles) it has through `relation` (`"articles"`, or the tag's
    reverse name)."""
    published = Q(**{f"{relation}__in": articles.values("pk")})
    return items.annotate(article_count=Count(relation, filter=published, distinct=True))


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
        articles = in_unit(articles, unit)
    return (
        articles.filter(daily_views__day__gte=since)
        .annotate(recent_views=Sum("daily_views__views"))
        .filter(recent_views__gt=0)
        .order_by("-recent_views", "-date", "-pk")[:limit]
    )


def tags_in_use(articles: QuerySet) -> QuerySet:
    """Tags of at least one of `articles` (the caller's published articles): the only tags a
    caller may learn of. A tag only drafts or restricted articles carry is, to that caller, a
    tag that does not exist (the API's `tag=` filter, the tag feeds)."""
    in_use = ArticlePageTag.objects.filter(content_object__in=articles.values("pk")).values("tag_id")
    return Tag.objects.filter(pk__in=in_use)


def authors_in_use(articles: QuerySet) -> QuerySet:
    """Authors of at least one of `articles`, as `tags_in_use()` for the `author=` filter."""
    return Author.objects.filter(pk__in=articles.exclude(author__isnull=True).values("author_id"))
