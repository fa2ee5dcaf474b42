"""An article as sanitised HTML with absolute URLs: the body for the API, the full article for
feeds. One renderer, so the API and the feeds never disagree (and never leak a script).

Markup is assembled with f-strings and `html.escape` (what Django's `escape` calls), not
`format_html`: a feed renders a few thousand fragments, everything is sanitised by nh3 at the
end anyway, and Django's lazy-string machinery around `format_html` cost more than the rest.
"""

from html import escape

import nh3
from django.conf import settings
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
        shown = rendition(image, FIGURE_RENDITION)
        alt = caption or image.default_alt_text or image.title
        parts.append(
            f'<img src="{escape(absolute_url(shown.url))}" alt="{escape(alt)}" '
            f'width="{shown.width}" height="{shown.height}">'
        )
    if caption or credit:
        credit_html = f" <small>{escape(credit)}</small>" if credit else ""
        parts.append(f"<figcaption>{escape(caption)}{credit_html}</figcaption>")
    return "<figure>" + "".join(parts) + "</figure>" if parts else ""


def block_html(block) -> str:
    """One body block as HTML (unsanitised: callers sanitise the whole)."""
    value = block.value
    if block.block_type == "paragraph":
        return expand_db_html(value.source)
    if block.block_type == "field":
        return f"<p><strong>{escape(value['label'])}:</strong></p>" + expand_db_html(value["text"].source)
    if block.block_type == "image":
        return figure_html(value["image"], value["caption"], value["credit"])
    if block.block_type == "quote":
        attribution = f"<footer>— {escape(value['attribution'])}</footer>" if value["attribution"] else ""
        return f"<blockquote><p>{escape(value['text'])}</p>{attribution}</blockquote>"
    return ""


def body_html(article) -> str:
    """The article body, sanitised, absolute URLs: the API's `body_html`."""
    return sanitize_html("\n".join(block_html(block) for block in article.body))


def full_article_html(article) -> str:
    """Hero photo first, then lead, body and byline: the content of a feed entry."""
    parts = []
    if article.hero_image_id or article.hero_caption:
        parts.append(figure_html(article.hero_image, article.hero_caption))
    parts.append(f"<p><strong>{escape(article.lead)}</strong></p>")
    parts.extend(block_html(block) for block in article.body)
    if article.author_id:
        parts.append(f'<p class="author"><strong>{escape(article.author.name)}</strong></p>')
    return sanitize_html("\n".join(parts))


def plain_text(text: str) -> str:
    """Escape-free plain text safe for XML (titles, leads, captions)."""
    return strip_xml_illegal(text or "")


__all__ = ["block_html", "body_html", "figure_html", "full_article_html", "plain_text", "sanitize_html"]
