"""Sanitised HTML: the one filter every piece of markup passes before it leaves the system
(the site's pages, the API, feeds), and the plain text a reader sees of rich text (search).

Rich text written straight to the database (an import, a script) never passed the editor's
filters, so it is cleaned at every output: no scripts, event handlers, iframes or
`javascript:` URLs, and no character XML cannot carry.
"""

import html

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from .text import drop_xml_illegal_controls, strip_xml_illegal

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "em", "figcaption", "figure", "footer", "h2", "h3", "h4", "i",
    "img", "li", "ol", "p", "section", "small", "span", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


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


def clean_html(html: str, absolute_urls: bool) -> str:
    cleaner = _CLEANERS[absolute_urls]
    try:
        return cleaner.clean(html)
    except UnicodeEncodeError:  # a lone surrogate, which the sanitiser cannot take
        return cleaner.clean(strip_xml_illegal(html))


def sanitize_html(html: str, *, absolute_urls: bool = True) -> str:
    """Keep text markup only: no scripts, event handlers, iframes or `javascript:` URLs;
    relative links and image sources made absolute (for the API and feeds, read off-site);
    XML-illegal characters dropped, including those written as character references."""
    return drop_xml_illegal_controls(clean_html(html, absolute_urls))


def rich_text_html(value) -> str:
    """Stored rich text (a RichText or its source) for the site's own pages: internal links
    resolved, then sanitised like everything else that leaves the system, because rich text
    written straight to the database (an import, a script) never passed the editor's filters."""
    source = getattr(value, "source", value) or ""
    return sanitize_html(expand_db_html(source), absolute_urls=False)


def rich_text_plain(value) -> str:
    """What a reader sees of stored rich text, without markup (sanitised first, so that the
    text of a pasted <script> or <style> is no text at all)."""
    source = getattr(value, "source", value)
    source = source if isinstance(source, str) else ""
    return html.unescape(strip_tags(sanitize_html(source, absolute_urls=False)))
