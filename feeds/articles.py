"""A page of a feed's articles as plain rows: what the builders need, read in a few queries.

The scope's queryset (which narrows `published_articles()`, so "what is public" is still decided
by the selectors) is read as column values, not as page instances: a feed shows 50 whole
articles, and building 50 Wagtail pages with their related objects, then decoding their
StreamField blocks, took about half of a cold feed's time. Here it is one query for the
articles, one for their units, categories and tags, one for the images (hero and body) with their
renditions, and the internal links of all bodies resolved in one pass (`finish_html`).
"""

import datetime
import logging
import mimetypes
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db.models import ExpressionWrapper, F, FilteredRelation, JSONField, Q, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.news.article_html import FIGURE_RENDITION, article_source, finish_html
from cms.news.blocks import BODY_BLOCK
from cms.news.image_prefetch import images_with_renditions
from cms.news.page_urls import PublicUrls
from cms.news.renditions import ShownImage, absolute_url, rendition_key, shown_image
from cms.news.selectors import relations_of

logger = logging.getLogger(__name__)

HERO_IMAGE_RENDITION = "width-1200"
_COLUMNS = (
    "pk",
    "title",
    "url_path",
    "date",
    "first_published_at",
    "last_published_at",
    "expire_at",
    "lead",
    "hero_image_id",
    "hero_caption",
    "author__name",
)
_IMAGE_COLUMNS = ("pk", "title", "description", "file", "file_size", "width", "height")
_FOCAL_POINT = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
_RENDITION_COLUMNS = ("shown__filter_spec", "shown__focal_point_key", "shown__file", "shown__width", "shown__height")
# The StreamField body as the JSON it is stored as: Wagtail would wrap every row in a
# StreamValue (and build a JSONField to decode it) only for the raw blocks to be read back.
_RAW_BODY = ExpressionWrapper(F("body"), output_field=JSONField())


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
    articles = articles.annotate(raw_body=_RAW_BODY)
    rows = list(articles.values_list(*_COLUMNS, "raw_body", named=True))
    ids = [row.pk for row in rows]
    bodies = [row.raw_body if isinstance(row.raw_body, list) else [] for row in rows]
    heroes = {row.hero_image_id for row in rows if row.hero_image_id is not None}
    images = _images(heroes | {pk for body in bodies for pk in BODY_BLOCK.raw_image_ids(body)}, heroes)
    figures = {pk: image.figure for pk, image in images.items() if image.figure is not None}
    relations = relations_of(ids)
    urls = _urls(rows)
    sources = [
        article_source(
            hero=figures.get(row.hero_image_id),
            hero_caption=row.hero_caption,
            lead=row.lead,
            raw_body=body,
            author=row.author__name or "",
            images=figures,
        )
        for row, body in zip(rows, bodies, strict=True)
    ]
    return [
        FeedArticle(
            pk=row.pk,
            title=row.title,
            url=urls[row.pk],
            date=row.date,
            first_published_at=row.first_published_at,
            last_published_at=row.last_published_at,
            expire_at=row.expire_at,
            lead=row.lead,
            hero_image=images.get(row.hero_image_id),
            author=row.author__name or "",
            categories=[category.name for category in relations["categories"].get(row.pk, [])],
            tags=[tag.name for tag in relations["tags"].get(row.pk, [])],
            html=html,
        )
        for row, html in zip(rows, finish_html(sources), strict=True)
    ]


def _images(ids: set[int], heroes: set[int]) -> dict[int, FeedImage]:
    """The images as feeds use them, from column values: one query for the images with the two
    renditions feeds show (Wagtail's image and rendition instances cost more than the rest of
    the images' part of a feed). Only hero photos get an enclosure and a large URL. An image
    whose inline rendition does not exist yet goes through Wagtail, which makes it."""
    if not ids:
        return {}
    image_model = get_image_model()
    files = image_model._meta.get_field("file").storage
    rendition_files = image_model.get_rendition_model()._meta.get_field("file").storage
    specs = (FIGURE_RENDITION, HERO_IMAGE_RENDITION)
    rows = (
        image_model.objects.filter(pk__in=ids)
        .annotate(shown=FilteredRelation("renditions", condition=Q(renditions__filter_spec__in=specs)))
        .values(*_IMAGE_COLUMNS, *_FOCAL_POINT, *_RENDITION_COLUMNS)
    )
    images, renditions = {}, {}
    for row in rows:
        images[row["pk"]] = row
        if row["shown__filter_spec"] is not None:
            renditions[row["pk"], row["shown__filter_spec"], row["shown__focal_point_key"]] = row
    found, unmade = {}, []
    for pk, row in images.items():
        point = SimpleNamespace(**{name: row[name] for name in _FOCAL_POINT})
        inline = renditions.get((pk, FIGURE_RENDITION, rendition_key(point, FIGURE_RENDITION)))
        large = renditions.get((pk, HERO_IMAGE_RENDITION, rendition_key(point, HERO_IMAGE_RENDITION)))
        if inline is None:
            unmade.append(pk)
        found[pk] = FeedImage(
            figure=ShownImage(
                absolute_url(rendition_files.url(inline["shown__file"])),
                inline["shown__width"],
                inline["shown__height"],
                row["description"] or row["title"],  # Wagtail's `default_alt_text`
            )
            if inline
            else None,
            enclosure=_enclosure(row, files) if pk in heroes else None,
            large_url=absolute_url(rendition_files.url(large["shown__file"])) if large and pk in heroes else "",
        )
    for pk, image in images_with_renditions(unmade, (FIGURE_RENDITION,)).items():
        found[pk] = FeedImage(shown_image(image, FIGURE_RENDITION), found[pk].enclosure, found[pk].large_url)
    return found


def _enclosure(row: dict, storage) -> Enclosure | None:
    """The original file: its real size and MIME type, or None when storage cannot read it."""
    name = row["file"]
    if not name:
        return None
    try:
        length = row["file_size"] if row["file_size"] is not None else storage.size(name)
        url = absolute_url(storage.url(name))
    except (OSError, ValueError) as error:  # the file is missing from storage
        logger.warning("Image %s has no readable file: %s", row["pk"], error)
        return None
    mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Enclosure(url=url, length=length, mime_type=mime_type, width=row["width"], height=row["height"])


def _urls(rows: list) -> dict[int, str]:
    """Absolute URLs on SITE_URL (never a request's Host); the pages that only Wagtail can route
    (several sites, i18n) are fetched in one query and routed by Wagtail."""
    urls = PublicUrls()
    routed = Page.objects.in_bulk([row.pk for row in rows if urls.routed_by_wagtail(row.url_path)])
    found = {}
    for row in rows:
        url = urls.absolute(routed[row.pk]) if row.pk in routed else urls.absolute_of(row.url_path)
        found[row.pk] = url or f"{settings.SITE_URL}{row.url_path}"
    return found
