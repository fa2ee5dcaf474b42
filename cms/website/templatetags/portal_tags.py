"""The corporate portal around the content: identity, menu, breadcrumb, labels, home blocks, sharing.

Usage: `{% load portal_tags %}`; base.html sets `identity` and `navigation` for every page.
"""

import json
from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cms.http_cache import surrogate_keys
from cms.news.cards import RELATIONS, attach_relations, card_relation
from cms.news.renditions import absolute_url

from .. import front_page
from ..identity import DEFAULT_IDENTITY, site_identity
from ..navigation import EMPTY, Link, site_navigation

register = template.Library()

# Characters that would end a <script> element or confuse an HTML parser inside JSON.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
HOME_TITLE = "Trang chủ"


def json_script(data) -> SafeString:
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def portal_identity(context, offline: bool = False):
    """The site's identity (cms/website/identity.py); `offline=True` never asks the database."""
    request = context.get("request")
    if offline:
        return site_identity(request=request, use_database=False)
    return site_identity(request=request)


@register.simple_tag(takes_context=True)
def portal_navigation(context, identity=None, offline: bool = False):
    if offline:
        return EMPTY
    return site_navigation(context.get("request"), identity or DEFAULT_IDENTITY)


def _crumbs(context) -> list[Link]:
    """Home first, the current page last (without its link in the trail, with it in JSON-LD)."""
    navigation = context.get("navigation") or EMPTY
    request = context.get("request")
    page = context.get("page")
    crumbs: list[Link] = []
    if page is not None and getattr(page, "depth", 0) and page.depth > 2:
        for depth in range(3, page.depth):  # the sections between home and the page
            ancestor_path = page.path[: depth * page.steplen]
            section = navigation.section_at(ancestor_path)
            if section is None:  # not in the public menu (a preview under a draft section)
                ancestor = page.get_ancestors().filter(path=ancestor_path).first()
                section = Link(ancestor.title, ancestor.get_url(request) or "") if ancestor else None
            if section is not None:
                crumbs.append(section)
        crumbs.append(Link(page.title, page.get_url(request) or ""))
    elif context.get("category") is not None:
        category = context["category"]
        crumbs.append(Link(category.name, reverse("website:category", args=[category.slug])))
    elif context.get("article") is not None and context.get("form") is not None:  # the share page
        article = context["article"]
        crumbs.append(Link(article.title, article.url or ""))
        crumbs.append(Link("Gửi cho bạn bè", reverse("website:share", args=[article.pk])))
    elif request is not None and getattr(request.resolver_match, "url_name", "") == "search":
        crumbs.append(Link("Tìm kiếm", reverse("website:search")))
    return crumbs


@register.simple_tag(takes_context=True)
def organization_json_ld(context) -> SafeString:
    """schema.org `Organization` for the home page: the site setting's name, logo and contacts."""
    identity = context.get("identity") or DEFAULT_IDENTITY
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": identity.name,
        "alternateName": identity.short_name,
        "url": absolute_url("/"),
        "logo": absolute_url(identity.logo_url or static("news/logo.svg")),
        "address": {"@type": "PostalAddress", "streetAddress": identity.address, "addressCountry": "VN"}
        if identity.address
        else None,
        "telephone": identity.phone,
        "email": identity.email,
        "sameAs": [url for _label, url in identity.social_links] or None,
    }
    return json_script({key: value for key, value in data.items() if value})


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    """The trail from home to this page, and its schema.org `BreadcrumbList`; nothing on home."""
    crumbs = _crumbs(context)
    if not crumbs:
        return {"crumbs": []}
    trail = [Link(HOME_TITLE, "/"), *crumbs]
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": link.title, "item": absolute_url(link.url)}
            for position, link in enumerate(trail, start=1)
        ],
    }
    return {"crumbs": trail[:-1], "current": trail[-1], "json_ld": json_script(data)}


@register.inclusion_tag("components/labels.html", takes_context=True)
def article_labels(context, article, with_tags: bool = False):
    """Unit, category (and tag) labels of an article, each a link: from the read of its list
    (`article_cards`) or, for the article page, `with_labels`."""
    navigation = context.get("navigation") or EMPTY
    units = []
    for unit in card_relation(article, "units"):
        section = navigation.unit_link(unit.pk)
        units.append(Link(section.label or unit.name, section.url) if section else Link(unit.name, ""))
    category_links = [
        Link(category.name, reverse("website:category", args=[category.slug]))
        for category in card_relation(article, "categories")
    ]
    tag_links = []
    if with_tags:
        search = reverse("website:search")
        tag_links = [Link(tag.name, f"{search}?q={quote(tag.name)}") for tag in card_relation(article, "tags")]
    return {"units": units, "categories": category_links, "tags": tag_links}


@register.simple_tag(takes_context=True)
def featured_story(context, page):
    featured = front_page.featured_article(page)
    surrogate_keys.record_shown(context.get("request"), [featured] if featured else [])
    return featured


@register.simple_tag(takes_context=True)
def member_unit_blocks(context):
    navigation = context.get("navigation") or EMPTY
    blocks = front_page.unit_blocks(navigation.units)
    for block in blocks:
        surrogate_keys.record_shown(context.get("request"), block.articles)
    return blocks


@register.simple_tag(takes_context=True)
def with_labels(context, article):
    """Attach units, categories and tags to one article shown outside a list (the article page,
    the featured story). A preview shows the draft's own, unsaved choices."""
    if article is None or hasattr(article, "card_units"):
        return article
    request = context.get("request")
    if not article.pk or getattr(request, "is_preview", False):
        for name in RELATIONS:
            setattr(article, f"card_{name}", card_relation(article, name))
    else:
        attach_relations([article])
    return article


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    """Plain share links (no third-party script) and the copy-link button."""
    url = absolute_url(page.get_url(context.get("request")) or "")
    encoded = quote(url, safe="")
    return {
        "page": page,
        "url": url,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "zalo": f"https://button-share.zalo.me/share_inline?url={encoded}",
    }
