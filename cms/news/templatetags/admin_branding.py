"""The admin's title: the corporation's name, the same on every screen."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_title() -> str:
    return settings.WAGTAIL_SITE_NAME
