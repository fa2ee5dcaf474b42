"""What we measure ourselves against (mounted by bench/urls.py only).

- Wagtail's own API v2 over the same ArticlePages (fields=* gives our structured fields).
- Django's syndication framework with full content, written the obvious way.
- Search as it was before Wagtail's framework served it (issue 11): one `LIKE %word%` per
  folded word over the folded text of every article, newest first, the API's cards.
- Bare Django views returning a fixed body (JSON as large as our list, XML as large as our RSS
  feed): the framework's floor on this machine for a response of that size.
"""

import json

from django.contrib.syndication.views import Feed
from django.db.models import TextField, Value
from django.db.models.functions import Concat
from django.http import HttpResponse, JsonResponse
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.api.conf import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.news.models import ArticlePage

ArticlePage.api_fields = [
    APIField(name)
    for name in ("date", "hero_image", "hero_caption", "lead", "body", "author", "units", "categories", "tags")
]

wagtail_api_router = WagtailAPIRouter("wagtailapi")
wagtail_api_router.register_endpoint("pages", PagesAPIViewSet)


class SyndicationFullContentFeed(Feed):
    """Django's syndication `Feed` with the full article as the description."""

    feed_type = Rss201rev2Feed
    title = "Tin tức EVNGENCO2"
    link = "/"
    description = "Tin tức"

    def items(self):
        return ArticlePage.objects.live().public().order_by("-date")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        from django.template.loader import render_to_string

        return render_to_string("bench/article_body_for_syndication.html", {"page": item})

    def item_link(self, item):
        return item.full_url or "/"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.author.name if item.author else None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


def like_search(request):
    """The replaced search: every folded word a substring (`LIKE`) of the folded text."""
    from api.serializers import ArticleCardSerializer
    from cms.news.cards import article_cards
    from cms.news.selectors import published_articles
    from cms.search.text import folded_tokens

    documents = "search_document__"
    articles = published_articles().alias(
        folded=Concat(
            f"{documents}title",
            Value(" "),
            f"{documents}lead",
            Value(" "),
            f"{documents}body",
            output_field=TextField(),
        )
    )
    for word in folded_tokens(request.GET.get("q", "")).split()[:12]:
        articles = articles.filter(folded__contains=word)
    page = article_cards(articles[:20])
    cards = ArticleCardSerializer(page, many=True, context={"request": request}).data
    return JsonResponse({"results": cards})


def floor_body(size: int) -> bytes:
    return json.dumps({"results": ["x" * 100] * (size // 104)}).encode()


def floor_xml(size: int) -> bytes:
    item = b"<item><title>x</title><description>" + b"x" * 100 + b"</description></item>"
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        + item * (size // len(item))
        + (b"</channel></rss>")
    )


_FLOOR_BODY = {"json": b"{}", "xml": b"<rss/>"}


def bare_json(request):
    """A fixed JSON body, as large as our list response (set by the runner)."""
    return HttpResponse(_FLOOR_BODY["json"], content_type="application/json")


def bare_xml(request):
    """A fixed RSS-like body, as large as our RSS feed (set by the runner)."""
    return HttpResponse(_FLOOR_BODY["xml"], content_type="application/rss+xml; charset=utf-8")


def set_floor_size(json_size: int, xml_size: int) -> None:
    _FLOOR_BODY["json"] = floor_body(json_size)
    _FLOOR_BODY["xml"] = floor_xml(xml_size)
