from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = "API cho đơn vị thành viên"

    def ready(self):
        from . import schema, signals  # noqa: F401 (schema registers its OpenAPI extension)

        signals.connect()
