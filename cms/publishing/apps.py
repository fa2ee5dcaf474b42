from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """What publishing, unpublishing, moving and deleting do (services.py), hung on Wagtail's
    and Django's signals in one place (signals.py)."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = "Xuất bản"

    def ready(self):
        from . import signals

        signals.connect()
