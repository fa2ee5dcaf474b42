"""What publishing, unpublishing, moving and deleting do: every side effect, in order, in one place.

Wagtail's and Django's signals call these functions and nothing else does this work
(signals.py). Each function does, in this order, what applies to it:

1. **Change log** (`api.changes`): the entries member units replay from `/api/v1/changes/`,
   written in the editor's transaction, so they commit or roll back with the change.
2. **Content version** (`cms.http_cache.freshness`): every cached API response, feed page, menu
   and site identity is keyed on it. Bumped now and again after commit: a reader racing the
   transaction may cache the old state under the first bump, never under the second.
3. **WebSub** (`feeds.websub`): the feeds the affected articles appear in are read now and the
   hub is pinged after commit, in a background task (a deleted article: when Wagtail unpublishes
   it, just before the delete).
4. **Shared cache** (`cms.http_cache.purge`, Varnish in front): the surrogate keys of every
   response that shows an affected article, or whose list it enters or leaves
   (`surrogate_keys.keys_for_change`), purged after commit by the task worker, with retries. An
   article published with other units, categories or tags than before purges both sets (read
   before the save, `article_saving`). A change to a page that is not an article (the home page,
   a section) or to a name every page's menu shows purges everything (`purge.EVERYTHING`).
   Nothing at all without a shared cache configured.
5. **Sitemap parts** (`cms.website.sitemap_parts`): the summary rows the sitemap index reads,
   recomputed for the affected article's part, or every part for a change to any other page.
6. **Search index**: nothing to do here. Wagtail's search signal handlers write an article's
   index document whenever the page is saved (publishing, unpublishing and moving all save it)
   and remove it with the page (`cms/search/backend.py`); database triggers keep the full-text
   vectors in step with the document (migration `article_search.0001`). What search may show is
   decided at every read by `published_articles()`, so unpublishing or restricting an article
   needs no change to the index.
"""

from django.db import transaction
from django.db.models import QuerySet
from wagtail.models import Page, PageViewRestriction

from api.changes import record_article_event
from cms.http_cache import purge
from cms.http_cache.freshness import bump_content_version
from cms.http_cache.surrogate_keys import keys_for_change
from cms.news.models import ArticlePage
from cms.news.snippets import MemberUnit
from cms.website import sitemap_parts
from feeds.websub import notify_hub_after_commit


def page_published(page: Page) -> None:
    """A revision of `page` went live (an editor, or `publish_scheduled`)."""
    articles = _only_articles(page)
    _log(articles, "publish")
    _bump_content_version()
    _sitemap_parts_changed(page)
    notify_hub_after_commit(articles)
    _purge_page(page)


def page_unpublished(page: Page) -> None:
    """`page` was taken offline: by an editor, by `publish_scheduled` once it expired, or by
    Wagtail just before deleting a live page (its pre_delete handler), while a deleted article
    still has the units, categories and tags that name its feeds."""
    articles = _only_articles(page)
    _log(articles, "unpublish")
    _bump_content_version()
    _sitemap_parts_changed(page)
    notify_hub_after_commit(articles)
    _purge_page(page)


def page_moved(page: Page, *, url_changed: bool) -> None:
    """`page` moved in the tree with everything below it. A move among its siblings changes no
    URL, so no feed shows anything new and the hub is left alone. A move changes no article's
    units, categories or tags: the keys read after it are those from before."""
    articles = _articles_at_or_below(page.pk)
    _log(articles, "move")
    _bump_content_version()
    _sitemap_parts_changed(page)
    if url_changed:
        notify_hub_after_commit(articles.filter(live=True))
    _purge_page(page)


def page_deleted(page: Page) -> None:
    """`page` was deleted (its `Page` row, the last to go). A live page was unpublished first
    (`page_unpublished`, which pinged the hub and purged the shared cache), so only the log and
    the version are left."""
    is_article = issubclass(page.specific_class or Page, ArticlePage)
    _log([page] if is_article else [], "delete")
    _bump_content_version()
    sitemap_parts.articles_changed([page.pk] if is_article else None)


def view_restriction_changed(restriction: PageViewRestriction) -> None:
    """A view restriction was added to, changed on or removed from a page: the articles at or
    below it are shown to fewer or more readers."""
    articles = _articles_at_or_below(restriction.page_id)
    _log(articles, "restriction")
    _bump_content_version()
    page = Page.objects.filter(pk=restriction.page_id).first()
    sitemap_parts.articles_changed([page.pk] if page is not None and _is_article_page(page) else None)
    notify_hub_after_commit(articles.filter(live=True))
    if page is not None:
        _purge_page(page)


def article_saving(article: ArticlePage, *, update_fields) -> None:
    """`article` is about to be saved whole (publishing a revision saves it with the revision's
    units, categories and tags): remember the keys of the stored one, which a publish purges
    besides the new ones (a list the article leaves must lose it too)."""
    if not purge.enabled() or article.pk is None or update_fields is not None:
        return
    stored = _with_classification(ArticlePage.objects.filter(pk=article.pk)).first()
    if stored is not None:
        article._surrogate_keys_before = keys_for_change(stored)


def shown_names_changed(instance=None) -> None:
    """A member unit, category or author, or the site's identity, was saved or deleted: their
    names are on cached cards, feeds and menus, which a new content version renders afresh. A
    unit whose entitlement to internal news alone changed shows nothing new to the public: only
    API-key callers see what it decides, and their answers are never in a shared cache."""
    _bump_content_version()
    if not (isinstance(instance, MemberUnit) and not _shown_fields_changed(instance)):
        purge.purge_after_commit([purge.EVERYTHING])


def member_unit_saving(unit: MemberUnit) -> None:
    """Remember what the public sees of the stored unit (`shown_names_changed` compares)."""
    if purge.enabled() and unit.pk is not None:
        unit._shown_fields_before = MemberUnit.objects.filter(pk=unit.pk).values(*_unit_shown_fields()).first()


def _unit_shown_fields() -> list[str]:
    return [f.attname for f in MemberUnit._meta.concrete_fields if f.name not in ("id", "receives_internal_news")]


def _shown_fields_changed(unit: MemberUnit) -> bool:
    before = getattr(unit, "_shown_fields_before", None)
    if before is None:  # a new unit, or a deleted one
        return True
    return before != {name: getattr(unit, name) for name in _unit_shown_fields()}


def _purge_page(page: Page) -> None:
    """Purge what shows `page` (an article and the articles below it), or everything for any
    other page: sections and the home page are on every page's menu and breadcrumbs."""
    if not purge.enabled():
        return
    if not issubclass(page.specific_class or Page, ArticlePage):
        purge.purge_after_commit([purge.EVERYTHING])
        return
    article = page if isinstance(page, ArticlePage) else page.specific
    keys = list(getattr(article, "_surrogate_keys_before", []))
    keys += keys_for_change(article)
    purge.purge_after_commit(keys)


def _with_classification(articles: QuerySet) -> QuerySet:
    return articles.prefetch_related("units", "categories", "tags")  # what keys_for_change reads


def _only_articles(page: Page) -> list[ArticlePage]:
    return [page] if isinstance(page, ArticlePage) else []


def _articles_at_or_below(page_id: int) -> QuerySet:
    # The path read again: after a move, the one the page has now.
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is None:
        return ArticlePage.objects.none()
    return ArticlePage.objects.filter(path__startswith=path)


def _log(articles: QuerySet | list[Page], event: str) -> None:
    if isinstance(articles, QuerySet):
        article_ids = list(articles.values_list("pk", flat=True))
    else:
        article_ids = [article.pk for article in articles]
    for article_id in article_ids:
        record_article_event(article_id, event)


def _sitemap_parts_changed(page: Page) -> None:
    """An article's own part; every part for any other page (its articles' ids are anywhere)."""
    sitemap_parts.articles_changed([page.pk] if _is_article_page(page) else None)


def _is_article_page(page: Page) -> bool:
    return issubclass(page.specific_class or Page, ArticlePage)


def _bump_content_version() -> None:
    bump_content_version()
    transaction.on_commit(bump_content_version)
