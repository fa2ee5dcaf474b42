"""What the home page shows above and below the latest news: the featured story and a block of
news per member unit, each in a fixed number of queries (whatever the number of units or
articles)."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from cms.news.cards import article_cards
from cms.news.models import ArticlePage, MemberUnit
from cms.news.selectors import in_unit, published_articles

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
    """The `size` newest articles of each member unit (an article may be in several), in two
    queries and one read of their cards (`article_cards`); units without articles are left out.
    "Of a unit" is `selectors.in_unit`'s rule (tagged with it).

    The ids come from one query over the units, with the unit's n-th newest article as the n-th
    scalar subquery (`LIMIT 1 OFFSET n`): each walks the newest-first index until it has found
    the unit's first `size` articles, so a unit with 50,000 articles costs what one with 50 does.
    Numbering every article of every unit (a window function) grew with the site.
    """
    unit_ids = [link.unit_id for link in units if link.unit_id is not None]
    if not unit_ids:
        return []
    newest = in_unit(published_articles(), OuterRef("pk")).values("pk")
    ranks = [f"newest_{place}" for place in range(size)]
    rows = (
        MemberUnit.objects.filter(pk__in=unit_ids)
        .order_by()
        .annotate(**{rank: Subquery(newest[place : place + 1]) for place, rank in enumerate(ranks)})
    )
    shown = {unit_id: [pk for pk in ids if pk is not None] for unit_id, *ids in rows.values_list("pk", *ranks)}
    wanted = {pk for ids in shown.values() for pk in ids}
    # The ids were chosen from the published articles by the query above.
    cards = (
        {article.pk: article for article in article_cards(ArticlePage.objects.filter(pk__in=wanted))} if wanted else {}
    )
    found = {unit_id: [cards[pk] for pk in ids if pk in cards] for unit_id, ids in shown.items()}
    return [UnitBlock(link, found[link.unit_id]) for link in units if found.get(link.unit_id)]
