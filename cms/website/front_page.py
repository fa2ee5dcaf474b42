"""What the home page shows above and below the latest news: the featured story and a block of
news per member unit, each in a fixed number of queries (whatever the number of units)."""

from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from cms.news.cards import article_cards
from cms.news.models import ArticlePage
from cms.news.selectors import published_articles

from .navigation import Link

UNIT_BLOCK_SIZE = 3


def featured_article(home) -> ArticlePage | None:
    """The editors' "tin nổi bật" while it is published and public, else the newest article
    with a photo (else none)."""
    public = published_articles()
    if getattr(home, "featured_article_id", None):
        chosen = article_cards(public.filter(pk=home.featured_article_id)[:1])
        if chosen:
            return chosen[0]
    newest_with_photo = article_cards(public.filter(hero_image__isnull=False)[:1])
    return newest_with_photo[0] if newest_with_photo else None


@dataclass(frozen=True)
class UnitBlock:
    unit: Link
    articles: list[ArticlePage]


def unit_blocks(units: list[Link], *, size: int = UNIT_BLOCK_SIZE) -> list[UnitBlock]:
    """The `size` newest articles of each member unit (an article may be in several), in one
    read of their cards (`article_cards`); units without articles are left out. "Of a unit" is
    `selectors.in_unit`'s rule (tagged with it), written here as one windowed query."""
    unit_ids = [link.unit_id for link in units if link.unit_id is not None]
    if not unit_ids:
        return []
    ranked = (
        published_articles()
        .filter(units__in=unit_ids)
        .annotate(
            block_unit=F("units"),
            rank=Window(RowNumber(), partition_by=F("units"), order_by=[F("date").desc(), F("pk").desc()]),
        )
        .filter(rank__lte=size)
    )
    found: dict[int, list[ArticlePage]] = {}
    for article in article_cards(ranked):
        found.setdefault(article.block_unit, []).append(article)
    return [UnitBlock(link, found[link.unit_id]) for link in units if found.get(link.unit_id)]
