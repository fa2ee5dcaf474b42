"""What a feed covers (the whole site, one member unit, one category, one tag) and where it lives.

A scope narrows `published_articles()` — it never decides on its own what is public — and
knows its Vietnamese title and description, its permanent id, its HTML page and its URLs.
The same URLs are the WebSub topics pinged on publish (websub.py) and the autodiscovery links
(templatetags/feed_discovery.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from taggit.models import Tag

from cms.news.models import ArticlePage, Category, MemberUnit
from cms.news.renditions import absolute_url
from cms.news.selectors import in_unit, published_articles, tags_in_use
from cms.website.identity import site_identity

# Format name → (file name in the URL, media type).
FORMATS = {
    "rss": ("rss.xml", "application/rss+xml"),
    "atom": ("atom.xml", "application/atom+xml"),
    "json": ("feed.json", "application/feed+json"),
}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


class ScopeNotFound(LookupError):
    """No unit, category or tag has this slug (a tag only non-public articles carry included:
    feeds are public, and its name must not tell what unpublished work is about)."""


@dataclass(frozen=True)
class FeedScope:
    kind: str
    slug: str
    key: str  # stable part of the feed's id: the object's primary key, never its slug
    title: str
    description: str
    alternate_url: str
    narrow: Callable[[QuerySet], QuerySet] | None = None  # the scope's rule, from the selectors

    def articles(self) -> QuerySet:
        """This scope's published, public articles (the selector's order: newest first)."""
        articles = published_articles()
        return self.narrow(articles) if self.narrow else articles

    def feed_url(self, format_name: str) -> str:
        return feed_url(format_name, self.kind, self.slug)


def feed_path(format_name: str, kind: str = "site", slug: str = "") -> str:
    if kind == "site":
        return reverse(f"feeds:site-{format_name}")
    return reverse(f"feeds:{kind}-{format_name}", kwargs={"slug": slug})


def feed_url(format_name: str, kind: str = "site", slug: str = "") -> str:
    """The absolute URL of a feed (also its WebSub topic URL)."""
    return f"{settings.SITE_URL}{feed_path(format_name, kind, slug)}"


def _page_url(name: str, **kwargs) -> str:
    """The site's HTML page for a scope, or the home page where the site has none."""
    try:
        return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs)}"
    except NoReverseMatch:
        return f"{settings.SITE_URL}/"


def _site_name() -> str:
    return site_identity().name


def site_scope() -> FeedScope:
    return FeedScope(
        kind="site",
        slug="",
        key="site",
        title=f"Tin tức – {_site_name()}",
        description=f"Tin tức mới nhất của {_site_name()}.",
        alternate_url=f"{settings.SITE_URL}/",
    )


def unit_scope(unit: MemberUnit) -> FeedScope:
    index = getattr(unit, "news_index", None)  # the unit's news section, when it has one
    alternate = absolute_url(index.url) if index is not None and index.url else f"{settings.SITE_URL}/"
    return FeedScope(
        kind="unit",
        slug=unit.slug,
        key=f"unit:{unit.pk}",
        title=f"Tin tức {unit.name} – {_site_name()}",
        description=f"Tin tức của {unit.name}, đơn vị thành viên {_site_name()}.",
        alternate_url=alternate,
        narrow=lambda articles: in_unit(articles, unit),
    )


def category_scope(category: Category) -> FeedScope:
    return FeedScope(
        kind="category",
        slug=category.slug,
        key=f"category:{category.pk}",
        title=f"Chuyên mục {category.name} – {_site_name()}",
        description=category.description or f"Tin tức chuyên mục {category.name} của {_site_name()}.",
        alternate_url=_page_url("website:category", slug=category.slug),
        narrow=lambda articles: articles.filter(categories=category),
    )


def tag_scope(tag: Tag) -> FeedScope:
    return FeedScope(
        kind="tag",
        slug=tag.slug,
        key=f"tag:{tag.pk}",
        title=f"Từ khóa “{tag.name}” – {_site_name()}",
        description=f"Tin tức có từ khóa “{tag.name}” của {_site_name()}.",
        alternate_url=f"{settings.SITE_URL}/",
        narrow=lambda articles: articles.filter(tagged_items__tag=tag),
    )


def find_scope(kind: str, slug: str = "") -> FeedScope:
    """The scope for a URL's kind and slug; `ScopeNotFound` when the slug is unknown."""
    if kind == "site":
        return site_scope()
    try:
        if kind == "unit":
            return unit_scope(MemberUnit.objects.select_related("news_index").get(slug=slug))
        if kind == "category":
            return category_scope(Category.objects.get(slug=slug))
        if kind == "tag":
            return tag_scope(tags_in_use(published_articles()).get(slug=slug))
    except (MemberUnit.DoesNotExist, Category.DoesNotExist, Tag.DoesNotExist) as error:
        raise ScopeNotFound(f"{kind} {slug!r}") from error
    raise ScopeNotFound(kind)


def article_feed_urls(article: ArticlePage) -> list[str]:
    """Every feed the article appears in (page 1, each format): the site, each of its units,
    categories and tags."""
    scopes = [("site", "")]
    scopes += [("unit", unit.slug) for unit in article.units.all()]
    scopes += [("category", category.slug) for category in article.categories.all()]
    scopes += [("tag", tag.slug) for tag in article.tags.all()]
    urls = []
    for kind, slug in scopes:
        for format_name in FORMATS:
            url = feed_url(format_name, kind, slug)
            if url not in urls:
                urls.append(url)
    return urls
