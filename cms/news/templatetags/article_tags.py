"""Template filters for article pages."""

from django import template
from django.utils.safestring import mark_safe

from cms.news.article_html import rich_text_html

register = template.Library()


@register.filter
def safe_richtext(value) -> str:
    """Like Wagtail's `richtext`, but sanitised (see article_html.rich_text_html)."""
    return mark_safe(rich_text_html(value))  # noqa: S308  (sanitised by nh3 just above)
