"""Keep every member unit with its news section and editors' group, and the public-content
version stamp (freshness.py) true after anything that changes what readers may see."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.http_cache.freshness import bump_content_version

from .snippets import Author, Category, MemberUnit


@receiver(post_save, sender=MemberUnit)
def give_unit_its_section(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the section comes with the fixture
        return
    from .unit_sections import ensure_unit_section

    transaction.on_commit(lambda: ensure_unit_section(instance))


def set_up_editor_groups(sender, **kwargs):
    """After `migrate`: the corporate editors' group and one group per unit exist."""
    from .unit_sections import ensure_all_sections

    ensure_all_sections()


def _bump_after_commit(**kwargs):
    # Now and after commit: a reader racing the transaction must not cache the old state.
    bump_content_version()
    transaction.on_commit(bump_content_version)


page_published.connect(_bump_after_commit, dispatch_uid="news-freshness-published")
page_unpublished.connect(_bump_after_commit, dispatch_uid="news-freshness-unpublished")
post_page_move.connect(_bump_after_commit, dispatch_uid="news-freshness-moved")
for _model in (PageViewRestriction, MemberUnit, Category, Author):
    post_save.connect(_bump_after_commit, sender=_model, dispatch_uid=f"news-freshness-save-{_model.__name__}")
    post_delete.connect(_bump_after_commit, sender=_model, dispatch_uid=f"news-freshness-delete-{_model.__name__}")


@receiver(post_delete, dispatch_uid="news-freshness-page-deleted")
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        _bump_after_commit()
