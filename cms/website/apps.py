from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The corporate site around the pages: search, share by e-mail, view counting, sitemap."""

    name = "cms.website"
    label = "website"
    verbose_name = "Trang web Tổng công ty"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import SiteIdentity

        # The name is in cached feeds and pages too: a new content version refreshes them all.
        post_save.connect(_identity_changed, sender=SiteIdentity, dispatch_uid="website-identity-saved")
        post_delete.connect(_identity_changed, sender=SiteIdentity, dispatch_uid="website-identity-deleted")


def _identity_changed(**_signal_kwargs):
    from django.db import transaction

    from cms.http_cache.freshness import bump_content_version

    # Now and after commit, as for published pages (cms/news/signals.py).
    bump_content_version()
    transaction.on_commit(bump_content_version)
