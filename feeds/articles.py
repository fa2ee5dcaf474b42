"""A page of a feed's articles as the builders need them: plain values, whole HTML entries.

The scope's queryset (which narrows `published_articles()`, so "what is public" is still decided
by the selectors) is read as every page of articles is, by `cards.article_cards`, with the stored
body as JSON and the photos of hero and body in the same query; the bodies' blocks render from
that JSON (`article_html`), their internal links resolved for all entries in one pass
(`finish_html`).
"""

import datetime
import logging
import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from cms.news.article_html import FIGURE_RENDITION, article_source, finish_html
from cms.news.cards import article_cards, card_author, card_relation
from cms.news.page_urls import PublicUrls
from cms.news.renditions import ShownImage, absolute_url, prefetched_rendition, shown_image

logger = logging.getLogger(__name__)

HERO_IMAGE_RENDITION = "width-1200"


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime_type: str
    width: int
    height: int


@dataclass(frozen=True)
class FeedImage:
    """A photo as feeds use it: inline (`figure`), as the hero's original file (`enclosure`,
    None when the file cannot be read) and as the hero's large rendition (`large_url`, empty
    until that rendition exists: building a feed never makes one)."""

    figure: ShownImage | None
    enclosure: Enclosure | None
    large_url: str


@dataclass(frozen=True)
class FeedArticle:
    """One article as a feed shows it; `html` is the whole entry, sanitised, URLs absolute."""

    pk: int
    title: str
    url: str
    date: datetime.date
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    expire_at: datetime.datetime | None
    lead: str
    hero_image: FeedImage | None
    author: str
    categories: list[str]
    tags: list[str]
    html: str


def feed_articles(articles: QuerySet) -> list[FeedArticle]:
    """The articles of `articles` (a sliced queryset of ArticlePage), in its order."""
    cards = article_cards(articles, body="raw", renditions=(FIGURE_RENDITION, HERO_IMAGE_RENDITION))
    photos = {image.pk: image for card in cards for image in (card.hero_image, *card.body_images.values()) if image}
    figures = {pk: figure for pk, image in photos.items() if (figure := shown_image(image, FIGURE_RENDITION))}
    urls = PublicUrls()
    sources = [
        article_source(
            hero=figures.get(card.hero_image_id),
            hero_caption=card.hero_caption,
            lead=card.lead,
            raw_body=card.raw_body,
            author=_author(card),
            images=figures,
        )
        for card in cards
    ]
    return [
        FeedArticle(
            pk=card.pk,
            title=card.title,
            url=urls.absolute(card) or f"{settings.SITE_URL}{card.url_path}",
            date=card.date,
            first_published_at=card.first_published_at,
            last_published_at=card.last_published_at,
            expire_at=card.expire_at,
            lead=card.lead,
            hero_image=_feed_image(card.hero_image, figures) if card.hero_image else None,
            author=_author(card),
            categories=[category.name for category in card_relation(card, "categories")],
            tags=[tag.name for tag in card_relation(card, "tags")],
            html=html,
        )
        for card, html in zip(cards, finish_html(sources), strict=True)
    ]


def _author(card) -> str:
    author = card_author(card)
    return author.name if author is not None else ""


def _feed_image(image, figures: dict[int, ShownImage]) -> FeedImage:
    """The hero photo as feeds use it: inline, its original file, its large rendition (only when
    it exists: building a feed never makes one)."""
    large = prefetched_rendition(image, HERO_IMAGE_RENDITION)
    return FeedImage(
        figure=figures.get(image.pk),
        enclosure=_enclosure(image),
        large_url=absolute_url(large.url) if large else "",
    )


def _enclosure(image) -> Enclosure | None:
    """The original file: its real size and MIME type, or None when storage cannot read it."""
    name = image.file.name
    if not name:
        return None
    try:
        length = image.file_size if image.file_size is not None else image.file.storage.size(name)
        url = absolute_url(image.file.storage.url(name))
    except (OSError, ValueError) as error:  # the file is missing from storage
        logger.warning("Image %s has no readable file: %s", image.pk, error)
        return None
    mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Enclosure(url=url, length=length, mime_type=mime_type, width=image.width, height=image.height)
