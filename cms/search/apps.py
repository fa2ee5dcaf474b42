from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Article search: the Vietnamese-aware index behind Wagtail's search framework."""

    name = "cms.search"
    label = "article_search"
    verbose_name = "Tìm kiếm bài viết"
    default_auto_field = "django.db.models.BigAutoField"
