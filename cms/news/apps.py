from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    name = "cms.news"
    label = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from . import image_names, signals

        post_migrate.connect(signals.set_up_editor_groups, sender=self)
        image_names.connect()
