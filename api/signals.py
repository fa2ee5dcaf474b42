"""Wagtail and model signals that feed the sync log (changes.py) and keep cached API keys true."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.news.models import ArticlePage

from .changes import record_article_event
from .models import ApiKey


def _article_ids_at_or_below(page_id: int) -> list[int]:
    page = Page.objects.filter(pk=page_id).only("path").first()  # read again: the path after a move
    if page is None:
        return []
    return list(ArticlePage.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def article_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        record_article_event(instance.pk, "publish")


def article_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        record_article_event(instance.pk, "unpublish")


def page_moved(sender, instance, **kwargs):
    # Moving a section moves its articles too: each one's URL (and maybe visibility) changed.
    for article_id in _article_ids_at_or_below(instance.pk):
        record_article_event(article_id, "move")


def view_restriction_changed(sender, instance, **kwargs):
    for article_id in _article_ids_at_or_below(instance.page_id):
        record_article_event(article_id, "restriction")


def article_deleted(sender, instance, **kwargs):
    record_article_event(instance.pk, "delete")


def forget_cached_key(sender, instance, **kwargs):
    from .keys import cache_key_for

    cache.delete(cache_key_for(instance.hashed_key))


def connect() -> None:
    page_published.connect(article_published, dispatch_uid="api-changes-published")
    page_unpublished.connect(article_unpublished, dispatch_uid="api-changes-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="api-changes-moved")
    post_save.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="api-changes-restricted")
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="api-changes-unrestricted")
    post_delete.connect(article_deleted, sender=ArticlePage, dispatch_uid="api-changes-deleted")
    post_save.connect(forget_cached_key, sender=ApiKey, dispatch_uid="api-keys-saved")
    post_delete.connect(forget_cached_key, sender=ApiKey, dispatch_uid="api-keys-deleted")
