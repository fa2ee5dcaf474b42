"""Surrogate keys: the names of what a response shows, for a shared cache to purge by
(`Surrogate-Key`, space-separated, as Varnish's xkey and most CDNs read it).

A response carries one *scope* key saying which list it is, and one key per article it shows:

| response                                   | scope key                                  |
|--------------------------------------------|--------------------------------------------|
| a unit's, a category's, a tag's list, feed or page | `unit-<slug>`, `category-<slug>`, `tag-<slug>` |
| the site-wide feeds                        | `feed`                                     |
| the home page                              | `home`                                     |
| every other list (API lists without a scope, units/categories/tags, search) | `list` |
| the sitemap                                | `sitemap`                                  |
| an article (API detail, page)              | `article-<id>`                             |

plus `article-<id>` for every article shown (list items, feed entries, related, most viewed).
A change to an article purges `keys_for_change(article)`: every response that shows it, or whose
list it enters or leaves, carries one of those keys. Filters combine with AND, so a list narrowed
to a unit (and anything else) changes only through articles of that unit: its unit key covers it.

A header longer than SURROGATE_KEY_MAX_BYTES drops the article keys for `list`, which every
change purges: broader, never staler.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings

HEADER = "Surrogate-Key"
FEED = "feed"
HOME = "home"
LIST = "list"
SITEMAP = "sitemap"
SCOPE_KINDS = ("unit", "category", "tag")
_REQUEST_ATTRIBUTE = "surrogate_keys"


def article_key(article_id: int) -> str:
    return f"article-{article_id}"


def scope_key(kind: str, slug: str) -> str:
    """`unit-<slug>`, `category-<slug>` or `tag-<slug>` (a slug with other than ASCII letters,
    digits, `-` and `_`, as old tags may have, percent-encoded: a header carries ASCII)."""
    if kind not in SCOPE_KINDS:
        raise ValueError(f"not a scope kind: {kind!r}")
    return f"{kind}-{quote(slug, safe='-_')}"


@dataclass
class SurrogateKeys:
    """What one response shows: its scope keys, then the ids of the articles in it."""

    scope: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    def add_scope(self, *keys: str) -> None:
        self.scope.extend(key for key in keys if key not in self.scope)

    def add_articles(self, articles: Iterable) -> None:
        """Articles (anything with `pk`) or their ids."""
        for article in articles:
            article_id = getattr(article, "pk", article)
            if article_id is not None and article_id not in self.article_ids:
                self.article_ids.append(int(article_id))

    def header(self) -> str:
        """The header's value, at most SURROGATE_KEY_MAX_BYTES long (broader keys past it)."""
        keys = [*self.scope, *(article_key(pk) for pk in self.article_ids)]
        value = _joined(keys)
        if len(value.encode()) <= settings.SURROGATE_KEY_MAX_BYTES:
            return value
        value = _joined([*self.scope, LIST])
        if len(value.encode()) <= settings.SURROGATE_KEY_MAX_BYTES:
            return value
        return LIST


def _joined(keys: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(key for key in keys if key))


def for_request(request) -> SurrogateKeys:
    """The keys collected for the response to `request` (site pages: the page, its template
    tags); created on first use."""
    keys = getattr(request, _REQUEST_ATTRIBUTE, None)
    if keys is None:
        keys = SurrogateKeys()
        setattr(request, _REQUEST_ATTRIBUTE, keys)
    return keys


def record_shown(request, articles: Iterable) -> None:
    """The response to `request` shows these articles (anything with `pk`); no request, nothing."""
    if request is not None:
        for_request(request).add_articles(articles)


def collected(request) -> SurrogateKeys | None:
    return getattr(request, _REQUEST_ATTRIBUTE, None)


def keys_for_change(article) -> list[str]:
    """What a publish, unpublish, move or delete of `article` must purge: its own key, its
    units', categories' and tags' keys, and the site-wide lists (`feed`, `home`, `list`,
    `sitemap`).

    Reads the article as it is now: for a change that takes it out of a unit, category or tag
    (a move, a reclassification), purge the union of the keys of the article before and after.
    """
    keys = [article_key(article.pk)]
    keys += [scope_key("unit", unit.slug) for unit in article.units.all()]
    keys += [scope_key("category", category.slug) for category in article.categories.all()]
    keys += [scope_key("tag", tag.slug) for tag in article.tags.all()]
    keys += [FEED, HOME, LIST, SITEMAP]
    return list(dict.fromkeys(keys))
