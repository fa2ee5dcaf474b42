"""An article as sanitised HTML with absolute URLs: the body for the API, the full article for
feeds. One renderer, so the API and the feeds never disagree (and never leak a script).
"""

import nh3
from django.conf import settings
from django.utils.html import format_html
from wagtail.rich_text import expand_db_html

from .renditions import absolute_url, rendition
from .text import strip_xml_illegal

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "em", "figcaption", "figure", "footer", "h2", "h3", "h4", "i",
    "img", "li", "ol", "p", "section", "small", "span", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
FIGURE_RENDITION = "width-800"


def _absolute_urls(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and value.startswith("/") and not value.startswith("//"):
        return f"{settings.SITE_URL}{value}"
    return value


def sanitize_html(html: str, *, absolute_urls: bool = True) -> str:
    """Keep text markup only: no scripts, event handlers, iframes or `javascript:` URLs;
    relative links and image sources made absolute (for the API and feeds, read off-site);
    XML-illegal characters dropped."""
    return nh3.clean(
        strip_xml_illegal(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        attribute_filter=_absolute_urls if absolute_urls else None,
        link_rel="noopener",
    )


def rich_text_html(value) -> str:
    """Stored rich text (a RichText or its source) for the site's own pages: internal links
    resolved, then sanitised like everything else that leaves the system, because rich text
    written straight to the database (an import, a script) never passed the editor's filters."""
    source = getattr(value, "source", value) or ""
    return sanitize_html(expand_db_html(source), absolute_urls=False)


def figure_html(image, caption: str, credit: str = "") -> str:
    """`<figure>` with the photo (when there is one) and its caption."""
    parts = []
    if image is not None:
        figure_rendition = rendition(image, FIGURE_RENDITION)
        parts.append(
            format_html(
                '<img src="{}" alt="{}" width="{}" height="{}">',
                absolute_url(figure_rendition.url),
                caption or image.default_alt_text or image.title,
                figure_rendition.width,
                figure_rendition.height,
            )
        )
    if caption or credit:
        credit_html = format_html(" <small>{}</small>", credit) if credit else ""
        parts.append(format_html("<figcaption>{}{}</figcaption>", caption, credit_html))
    return "<figure>" + "".join(parts) + "</figure>" if parts else ""


def block_html(block) -> str:
    """One body block as HTML (unsanitised: callers sanitise the whole)."""
    value = block.value
    if block.block_type == "paragraph":
        return expand_db_html(value.source)
    if block.block_type == "field":
        return format_html("<p><strong>{}:</strong></p>", value["label"]) + expand_db_html(value["text"].source)
    if block.block_type == "image":
        return figure_html(value["image"], value["caption"], value["credit"])
    if block.block_type == "quote":
        attribution = format_html("<footer>— {}</footer>", value["attribution"]) if value["attribution"] else ""
        return format_html("<blockquote><p>{}</p>{}</blockquote>", value["text"], attribution)
    return ""


def body_html(article) -> str:
    """The article body, sanitised, absolute URLs: the API's `body_html`."""
    return sanitize_html("\n".join(block_html(block) for block in article.body))


def full_article_html(article) -> str:
    """Hero photo first, then lead, body and byline: the content of a feed entry."""
    parts = []
    if article.hero_image_id or article.hero_caption:
        parts.append(figure_html(article.hero_image, article.hero_caption))
    parts.append(format_html("<p><strong>{}</strong></p>", article.lead))
    parts.extend(block_html(block) for block in article.body)
    if article.author_id:
        parts.append(format_html('<p class="author"><strong>{}</strong></p>', article.author.name))
    return sanitize_html("\n".join(parts))


def plain_text(text: str) -> str:
    """Escape-free plain text safe for XML (titles, leads, captions)."""
    return strip_xml_illegal(text or "")


__all__ = ["block_html", "body_html", "figure_html", "full_article_html", "plain_text", "sanitize_html"]
