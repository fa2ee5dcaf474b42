from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The corporate site around the pages: search, share by e-mail, view counting, sitemap."""

    name = "cms.website"
    label = "website"
    verbose_name = "Trang web Tổng công ty"
