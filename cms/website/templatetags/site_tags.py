"""Template pieces of the corporate site: responsive images, SEO markup, the side boxes."""

import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cms.http_cache import surrogate_keys
from cms.news import selectors
from cms.news.cards import article_cards
from cms.news.models import NewsIndexPage
from cms.news.renditions import RENDITION_FILTERS, absolute_url, rendition, shared_renditions
from cms.news.selectors import categories, most_viewed_articles
from cms.search.snippets import highlight

from ..identity import site_identity

register = template.Library()

MOST_VIEWED_LIMIT = 5
DEFAULT_SIZES = "(max-width: 48rem) 100vw, 48rem"
# Characters that would end a <script> element or confuse an HTML parser inside JSON.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def responsive_image(image, alt: str = "", sizes: str = DEFAULT_SIZES, loading: str = "lazy", css_class: str = ""):
    """`<img>` with a `srcset` of the shared rendition widths (prefetched by `article_cards`)."""
    if image is None:
        return ""
    ordered = shared_renditions(image)
    if not ordered:  # the original is gone from storage
        return ""
    default = ordered[min(1, len(ordered) - 1)]
    srcset = ", ".join(f"{rendition.url} {rendition.width}w" for rendition in ordered)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" decoding="async"{}>',
        default.url,
        srcset,
        sizes,
        default.width,
        default.height,
        alt or image.default_alt_text or image.title,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.simple_tag
def og_image_url(image) -> str:
    """The widest shared rendition, absolute: what link previews show."""
    if image is None:
        return ""
    shown = rendition(image, RENDITION_FILTERS[-1])
    return absolute_url(shown.url) if shown is not None else ""


@register.filter
def absolute(url: str) -> str:
    return absolute_url(url) if url else ""


@register.filter(name="highlight")
def highlight_filter(text: str, query: str) -> SafeString:
    return highlight(text, query)


@register.simple_tag(takes_context=True)
def article_json_ld(context, page) -> SafeString:
    """schema.org `NewsArticle` for the article page, safe inside a `<script>` element."""
    request = context.get("request")
    url = absolute_url(page.get_url(request) or "")
    modified = page.last_published_at or page.latest_revision_created_at or page.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.search_description or page.lead,
        "datePublished": (page.first_published_at.isoformat() if page.first_published_at else page.date.isoformat()),
        "dateModified": modified.isoformat() if modified else None,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": site_identity(request=request).name, "url": settings.SITE_URL},
    }
    if page.hero_image_id:
        data["image"] = [og_image_url(page.hero_image)]
    if page.author_id:
        data["author"] = {"@type": "Person", "name": page.author.name}
    payload = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def shown(context, article) -> str:
    """`{% shown article %}`: the page shows this article (its surrogate keys name it, so a
    shared cache purges the page with it)."""
    surrogate_keys.record_shown(context.get("request"), [article])
    return ""


@register.inclusion_tag("components/most_viewed.html")
def most_viewed_box(unit=None, limit: int = MOST_VIEWED_LIMIT, request=None):
    """ "Xem nhiều nhất": the top articles of the last 7 days, site-wide or for one unit."""
    articles = list(most_viewed_articles(unit=unit, limit=limit))
    surrogate_keys.record_shown(request, articles)
    return {"articles": articles, "unit": unit, "request": request}


@register.inclusion_tag("components/related_articles.html", takes_context=True)
def related_articles(context, page):
    """ "Tin liên quan": `selectors.related_articles`, the list the API's `related` gives too."""
    articles = article_cards(selectors.related_articles(page)) if page.pk else []
    surrogate_keys.record_shown(context.get("request"), articles)
    return {"articles": articles, "request": context.get("request")}


@register.inclusion_tag("components/section_links.html", takes_context=True)
def section_links(context):
    """Links to each member unit's news and each category's news."""
    sections = NewsIndexPage.objects.live().public().select_related("unit").order_by("title")
    return {"sections": list(sections), "categories": list(categories()), "request": context.get("request")}
