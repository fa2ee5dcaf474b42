"""`{% feed_discovery_links page %}`: feed autodiscovery `<link rel="alternate">` tags for <head>.

The site-wide feeds on every page; a member unit's feeds on its news section (a
`NewsIndexPage` with a unit); a category's feeds when the page's context has a `category`.
Usage in base.html: `{% load feed_discovery %}{% feed_discovery_links page %}`.
"""

from django import template
from django.utils.html import format_html_join

from cms.news.models import Category, MemberUnit

from ..scopes import FORMAT_LABELS, FORMATS, feed_url

register = template.Library()


def _links(kind: str, slug: str, title: str) -> list[tuple[str, str, str]]:
    return [
        (media_type, f"{title} ({FORMAT_LABELS[format_name]})", feed_url(format_name, kind, slug))
        for format_name, (_file_name, media_type) in FORMATS.items()
    ]


@register.simple_tag(takes_context=True)
def feed_discovery_links(context, page=None) -> str:
    links = _links("site", "", "Tin tức")
    unit = getattr(page, "unit", None)  # only a NewsIndexPage has one
    if isinstance(unit, MemberUnit):
        links += _links("unit", unit.slug, f"Tin tức {unit.name}")
    category = context.get("category")
    if isinstance(category, Category):
        links += _links("category", category.slug, f"Chuyên mục {category.name}")
    return format_html_join("\n", '<link rel="alternate" type="{}" title="{}" href="{}">', links)
