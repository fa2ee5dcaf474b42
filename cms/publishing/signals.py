"""Every Wagtail and Django signal that changes what readers may see, each hung on the one service
function that says what follows (services.py)."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.news.models import ArticlePage
from cms.news.snippets import Author, Category, MemberUnit
from cms.website.models import SiteIdentity

from . import services

SHOWN_NAMES = (MemberUnit, Category, Author, SiteIdentity)


def _published(sender, instance, **kwargs):
    services.page_published(instance)


def _unpublished(sender, instance, **kwargs):
    services.page_unpublished(instance)


def _moved(sender, instance, url_path_before, url_path_after, **kwargs):
    services.page_moved(instance, url_changed=url_path_before != url_path_after)


def _deleted(sender, instance, **kwargs):
    services.page_deleted(instance)


def _restriction_saved(sender, instance, **kwargs):
    services.view_restriction_changed(instance)


def _restriction_deleted(sender, instance, origin=None, **kwargs):
    # Deleted with its page: the page's deletion covers every article at or below it (and the
    # log must not show a restricted article as public for the moment between the two).
    deleting = origin.model if isinstance(origin, QuerySet) else type(origin)
    if not issubclass(deleting, Page):
        services.view_restriction_changed(instance)


def _article_saving(sender, instance, update_fields=None, **kwargs):
    services.article_saving(instance, update_fields=update_fields)


def _unit_saving(sender, instance, **kwargs):
    services.member_unit_saving(instance)


def _shown_name_changed(sender, instance=None, **kwargs):
    services.shown_names_changed(instance)


def connect() -> None:
    page_published.connect(_published, dispatch_uid="publishing-published")
    page_unpublished.connect(_unpublished, dispatch_uid="publishing-unpublished")
    post_page_move.connect(_moved, dispatch_uid="publishing-moved")
    # Sent once per deleted page, for its `Page` row (an article's own row goes first).
    post_delete.connect(_deleted, sender=Page, dispatch_uid="publishing-deleted")
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="publishing-restricted")
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid="publishing-unrestricted")
    pre_save.connect(_article_saving, sender=ArticlePage, dispatch_uid="publishing-article-saving")
    pre_save.connect(_unit_saving, sender=MemberUnit, dispatch_uid="publishing-unit-saving")
    for model in SHOWN_NAMES:
        post_save.connect(_shown_name_changed, sender=model, dispatch_uid=f"publishing-saved-{model.__name__}")
        post_delete.connect(_shown_name_changed, sender=model, dispatch_uid=f"publishing-deleted-{model.__name__}")
