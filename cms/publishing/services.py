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
4. **Search index**: nothing to do here. Wagtail's search signal handlers write an article's
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
from cms.http_cache.freshness import bump_content_version
from cms.news.models import ArticlePage
from feeds.websub import notify_hub_after_commit


def page_published(page: Page) -> None:
    """A revision of `page` went live (an editor, or `publish_scheduled`)."""
    articles = _only_articles(page)
    _log(articles, "publish")
    _bump_content_version()
    notify_hub_after_commit(articles)


def page_unpublished(page: Page) -> None:
    """`page` was taken offline: by an editor, by `publish_scheduled` once it expired, or by
    Wagtail just before deleting a live page (its pre_delete handler), while a deleted article
    still has the units, categories and tags that name its feeds."""
    articles = _only_articles(page)
    _log(articles, "unpublish")
    _bump_content_version()
    notify_hub_after_commit(articles)


def page_moved(page: Page, *, url_changed: bool) -> None:
    """`page` moved in the tree with everything below it. A move among its siblings changes no
    URL, so no feed shows anything new and the hub is left alone."""
    articles = _articles_at_or_below(page.pk)
    _log(articles, "move")
    _bump_content_version()
    if url_changed:
        notify_hub_after_commit(articles.filter(live=True))


def page_deleted(page: Page) -> None:
    """`page` was deleted (its `Page` row, the last to go). A live page was unpublished first
    (`page_unpublished`, which pinged the hub), so only the log and the version are left."""
    is_article = issubclass(page.specific_class or Page, ArticlePage)
    _log([page] if is_article else [], "delete")
    _bump_content_version()


def view_restriction_changed(restriction: PageViewRestriction) -> None:
    """A view restriction was added to, changed on or removed from a page: the articles at or
    below it are shown to fewer or more readers."""
    articles = _articles_at_or_below(restriction.page_id)
    _log(articles, "restriction")
    _bump_content_version()
    notify_hub_after_commit(articles.filter(live=True))


def shown_names_changed() -> None:
    """A member unit, category or author, or the site's identity, was saved or deleted: their
    names are on cached cards, feeds and menus, which a new content version renders afresh."""
    _bump_content_version()


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


def _bump_content_version() -> None:
    bump_content_version()
    transaction.on_commit(bump_content_version)
