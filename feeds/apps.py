from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    label = "feeds"
    verbose_name = "Nguồn tin RSS/Atom/JSON Feed"
