"""An article as sanitised HTML with absolute URLs: the body for the API, the full article for
feeds. One renderer, so the API and the feeds never disagree (and never leak a script); each
body block's HTML is the block's own (blocks.py).

Markup is assembled with f-strings and `html.escape` (what Django's `escape` calls), not
`format_html`: a feed renders a few thousand fragments and everything is sanitised by nh3 at
the end anyway, so Django's lazy-string machinery around `format_html` would guard nothing
(bench/README.md).
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from wagtail.rich_text import expand_db_html

from .blocks import BODY_BLOCK, figure_html
from .image_prefetch import body_images
from .renditions import ShownImage, shown_image
from .sanitize import clean_html, rich_text_html, sanitize_html
from .text import drop_xml_illegal_controls, has_xml_illegal_controls, strip_xml_illegal

FIGURE_RENDITION = "width-800"


def body_source(raw_body: Iterable[dict], images: Mapping[int, ShownImage]) -> str:
    """The body's blocks as unfinished HTML (each block's `raw_html`; see `finish_html`)."""
    return BODY_BLOCK.raw_html(raw_body, images)


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
    cleaned = [clean_html(html, absolute_urls=True) for html in expanded]
    if has_xml_illegal_controls("".join(cleaned)):  # rare: one search for them all first
        cleaned = [drop_xml_illegal_controls(html) for html in cleaned]
    return cleaned


def body_html(article) -> str:
    """The article body, sanitised, absolute URLs: the API's `body_html`."""
    raw_body = list(article.body.raw_data)
    ids = BODY_BLOCK.raw_image_ids(raw_body)
    shown = {pk: shown_image(image, FIGURE_RENDITION) for pk, image in body_images(ids).items()}
    images = {pk: image for pk, image in shown.items() if image is not None}
    return finish_html([body_source(raw_body, images)])[0]


def plain_text(text: str) -> str:
    """Escape-free plain text safe for XML (titles, leads, captions)."""
    return strip_xml_illegal(text or "")


__all__ = [
    "article_source",
    "body_html",
    "body_source",
    "figure_html",
    "finish_html",
    "plain_text",
    "rich_text_html",
    "sanitize_html",
]
