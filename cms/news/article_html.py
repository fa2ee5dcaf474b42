"""An article as sanitised HTML with absolute URLs: the body for the API, the full article for
feeds. One renderer, so the API and the feeds never disagree (and never leak a script).

Markup is assembled with f-strings and `html.escape` (what Django's `escape` calls), not
`format_html`: a feed renders a few thousand fragments and everything is sanitised by nh3 at
the end anyway, so Django's lazy-string machinery around `format_html` would guard nothing
(bench/README.md).
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from html import escape

import nh3
from django.conf import settings
from wagtail.rich_text import expand_db_html

from .image_prefetch import body_images, image_id
from .renditions import ShownImage, shown_image
from .text import drop_xml_illegal_controls, has_xml_illegal_controls, strip_xml_illegal

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


def _cleaner(*, absolute_urls: bool) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        attribute_filter=_absolute_urls if absolute_urls else None,
        link_rel="noopener",
    )


# Built once: nh3 would otherwise rebuild its rules from these sets on every call.
_CLEANERS = {True: _cleaner(absolute_urls=True), False: _cleaner(absolute_urls=False)}


def _clean(html: str, absolute_urls: bool) -> str:
    cleaner = _CLEANERS[absolute_urls]
    try:
        return cleaner.clean(html)
    except UnicodeEncodeError:  # a lone surrogate, which the sanitiser cannot take
        return cleaner.clean(strip_xml_illegal(html))


def sanitize_html(html: str, *, absolute_urls: bool = True) -> str:
    """Keep text markup only: no scripts, event handlers, iframes or `javascript:` URLs;
    relative links and image sources made absolute (for the API and feeds, read off-site);
    XML-illegal characters dropped, including those written as character references."""
    return drop_xml_illegal_controls(_clean(html, absolute_urls))


def rich_text_html(value) -> str:
    """Stored rich text (a RichText or its source) for the site's own pages: internal links
    resolved, then sanitised like everything else that leaves the system, because rich text
    written straight to the database (an import, a script) never passed the editor's filters."""
    source = getattr(value, "source", value) or ""
    return sanitize_html(expand_db_html(source), absolute_urls=False)


def figure_html(shown: ShownImage | None, caption: str, credit: str = "") -> str:
    """`<figure>` with the photo (when there is one) and its caption."""
    parts = []
    if shown is not None:
        parts.append(
            f'<img src="{escape(shown.url)}" alt="{escape(caption or shown.alt)}" '
            f'width="{shown.width}" height="{shown.height}">'
        )
    if caption or credit:
        credit_html = f" <small>{escape(credit)}</small>" if credit else ""
        parts.append(f"<figcaption>{escape(caption)}{credit_html}</figcaption>")
    return "<figure>" + "".join(parts) + "</figure>" if parts else ""


def _text(value) -> str:
    """A stored text value as a string (a block saved by a script may hold anything)."""
    return value if isinstance(value, str) else "" if value is None else str(value)


def block_html(block_type: str, value, images: Mapping[int, ShownImage]) -> str:
    """One body block as HTML, from its stored (raw JSON) form: rich text stays in the
    database's format (internal links not yet expanded) and nothing is sanitised yet, see
    `finish_html`. Reading the raw form skips Wagtail's block decoding, which this output does
    not need (bench/README.md); a missing key reads as empty, as Wagtail's blocks read it. `images` holds
    each body image's `FIGURE_RENDITION`."""
    fields = value if isinstance(value, dict) else {}
    if block_type == "paragraph":
        return _text(value)
    if block_type == "field":
        return f"<p><strong>{escape(_text(fields.get('label')))}:</strong></p>" + _text(fields.get("text"))
    if block_type == "image":
        image = images.get(image_id(fields.get("image")))
        return figure_html(image, _text(fields.get("caption")), _text(fields.get("credit")))
    if block_type == "quote":
        attribution = _text(fields.get("attribution"))
        attribution_html = f"<footer>— {escape(attribution)}</footer>" if attribution else ""
        return f"<blockquote><p>{escape(_text(fields.get('text')))}</p>{attribution_html}</blockquote>"
    return ""


def body_source(raw_body: Iterable[dict], images: Mapping[int, ShownImage]) -> str:
    """The body's blocks as unfinished HTML (see `block_html`)."""
    return "\n".join(block_html(block.get("type"), block.get("value"), images) for block in raw_body)


def article_source(
    *,
    hero: ShownImage | None,
    hero_caption: str,
    lead: str,
    raw_body: Iterable[dict],
    author: str,
    images: Mapping[int, ShownImage],
) -> str:
    """A feed entry's content as unfinished HTML: hero photo first, then lead, body and byline."""
    parts = []
    if hero is not None or hero_caption:
        parts.append(figure_html(hero, hero_caption))
    parts.append(f"<p><strong>{escape(lead)}</strong></p>")
    parts.append(body_source(raw_body, images))
    if author:
        parts.append(f'<p class="author"><strong>{escape(author)}</strong></p>')
    return "\n".join(parts)


def finish_html(sources: Sequence[str]) -> list[str]:
    """Unfinished HTML made public: internal links and embeds expanded, then sanitised (as
    `sanitize_html` does).

    All sources are expanded in one pass, so a feed resolves its internal links with one query
    per link type, however many articles and links it holds. They are joined by a random
    marker; a stray tag that swallows a marker (hostile rich text such as an unclosed `<a`) is
    caught by the count of parts, and then each source is expanded on its own.
    """
    if not sources:
        return []
    marker = f"<!--{uuid.uuid4().hex}-->"
    expanded = expand_db_html(marker.join(sources)).split(marker)
    if len(expanded) != len(sources):
        expanded = [expand_db_html(source) for source in sources]
    cleaned = [_clean(html, absolute_urls=True) for html in expanded]
    if has_xml_illegal_controls("".join(cleaned)):  # rare: one search for them all first
        cleaned = [drop_xml_illegal_controls(html) for html in cleaned]
    return cleaned


def body_html(article) -> str:
    """The article body, sanitised, absolute URLs: the API's `body_html`."""
    raw_body = list(article.body.raw_data)
    shown = {pk: shown_image(image, FIGURE_RENDITION) for pk, image in body_images([raw_body]).items()}
    images = {pk: image for pk, image in shown.items() if image is not None}
    return finish_html([body_source(raw_body, images)])[0]


def plain_text(text: str) -> str:
    """Escape-free plain text safe for XML (titles, leads, captions)."""
    return strip_xml_illegal(text or "")


__all__ = [
    "article_source",
    "block_html",
    "body_html",
    "body_source",
    "figure_html",
    "finish_html",
    "plain_text",
    "sanitize_html",
]
