"""A page of articles as cards: the one read the site's lists, the API and the feeds share.

`article_cards(articles)` evaluates a page of articles (an ordered, sliced queryset narrowed
from `published_articles()`) with everything a card shows, in a fixed number of queries
whatever the page's size: the articles with their authors' names (one), their photos with the
renditions that leave the system (one, `image_prefetch.images_with_renditions`), and their
units, categories and tags (one, `relations_of`). A feed entry shows the whole article:
`body="raw"` adds the stored body as its JSON and the body's photos, read in the same photo
query. The API's detail asks for `body="blocks"`, the StreamField itself.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Literal, NamedTuple

from django.db.models import CharField, Count, ExpressionWrapper, F, JSONField, QuerySet, Value, Window

from .blocks import BODY_BLOCK
from .image_prefetch import images_with_renditions
from .models import ArticlePage, ArticlePageTag
from .renditions import RENDITION_FILTERS

RELATIONS = ("units", "categories", "tags")
# The StreamField body as the JSON it is stored as: Wagtail would wrap every row in a
# StreamValue (and build a JSONField to decode it) only for the raw blocks to be read back.
_RAW_BODY = ExpressionWrapper(F("body"), output_field=JSONField())
_HERO = ArticlePage._meta.get_field("hero_image")
# What a card, a list's JSON or a feed entry reads of an article and its author. Reading only
# these columns keeps Django's model building (fifty-odd page columns) off a page of articles
# (bench/README.md); anything else is read when the page itself is shown (`body="blocks"`).
CARD_COLUMNS = (
    "title", "slug", "url_path", "date", "lead", "hero_image", "hero_caption",
    "first_published_at", "last_published_at", "expire_at", "author",
)  # fmt: skip


class Named(NamedTuple):
    """A unit, category or tag as a card shows it."""

    pk: int
    name: str
    slug: str


def article_cards(
    articles: QuerySet,
    *,
    body: Literal["blocks", "raw"] | None = None,
    renditions: tuple[str, ...] = RENDITION_FILTERS,
    keys_first: bool = False,
) -> list[ArticlePage]:
    """The articles of `articles`, in its order, each with `card_author` (read it with
    `card_author()`), `hero_image` (with the `renditions` prefetched) and `card_units`,
    `card_categories`, `card_tags` (read them with `card_relation()`); annotations on
    `articles` are kept.

    Only the `CARD_COLUMNS` are read unless the whole article is asked for: `body="blocks"`
    loads every column and the body as Wagtail's StreamField; `body="raw"` gives each article
    `raw_body` (the stored list of blocks) and `body_images` (its photos by id, from the same
    query as the hero photos).

    `keys_first` reads a ranked page (search results) in two queries instead of one: the page's
    ids and annotations, then the cards by id. Ranking orders every match before it can cut the
    page, and carrying each match's card columns through that sort costs more than a query by
    primary key.
    """
    if keys_first:
        return _cards_by_keys(articles, body=body, renditions=renditions)
    cards = card_rows(articles, body=body)
    complete_cards(cards, renditions=renditions)
    return cards


def card_rows(articles: QuerySet, *, body: Literal["blocks", "raw"] | None = None) -> list[ArticlePage]:
    """The first half of `article_cards`, one query: the articles with their authors, but not
    yet their photos and relations. A caller reading two lists for one response (an article
    and its related articles) completes both with one `complete_cards`."""
    if body != "blocks":
        articles = articles.only(*CARD_COLUMNS)
    if body == "raw":
        articles = articles.annotate(raw_body=_RAW_BODY)
    # The author's name and slug as two columns: an Author built per card cost more than the rest
    # of the card's read (bench/README.md).
    cards = list(articles.annotate(card_author_name=F("author__name"), card_author_slug=F("author__slug")))
    for card in cards:
        card.card_author = (
            Named(card.author_id, card.card_author_name, card.card_author_slug) if card.author_id else None
        )
        if body == "raw":
            card.raw_body = card.raw_body if isinstance(card.raw_body, list) else []
    return cards


def complete_cards(cards: list[ArticlePage], *, renditions: tuple[str, ...] = RENDITION_FILTERS) -> dict:
    """The second half of `article_cards`, two queries whatever the cards' number and reads: the
    photos (heroes, and the body's of the cards read with a body) with their renditions, and
    the units, categories and tags. Returns the photos by id, for the body's blocks
    (`image_prefetch.prefetched_body_images(..., images=)`)."""
    body_ids: dict[int, list[int]] = {}
    for card in cards:
        if hasattr(card, "raw_body"):
            body_ids[card.pk] = BODY_BLOCK.raw_image_ids(card.raw_body)
        elif "body" not in card.get_deferred_fields():
            body_ids[card.pk] = BODY_BLOCK.raw_image_ids(card.body.raw_data)
    heroes = {card.hero_image_id for card in cards if card.hero_image_id is not None}
    images = images_with_renditions(heroes.union(*body_ids.values()), renditions)
    for card in cards:
        _HERO.set_cached_value(card, images.get(card.hero_image_id))
        if hasattr(card, "raw_body"):
            card.body_images = {pk: images[pk] for pk in body_ids[card.pk] if pk in images}
    attach_relations(cards)
    return images


def ranked_cards(articles: QuerySet) -> list[ArticlePage]:
    """`article_cards` of a page of search results, ordered by relevance (`keys_first`)."""
    return article_cards(articles, keys_first=True)


def counted_ranked_cards(articles: QuerySet, at_most: int | None = None) -> tuple[list[ArticlePage], int | None]:
    """`ranked_cards`, and how many articles the whole list holds (None when the page is empty).
    When every match is ranked for the page, its own query counts them (`COUNT(*) OVER ()`
    before its LIMIT) rather than a second query matching and ranking them again; when the page
    came from a few candidates (`ArticleSearch.top_keys`), a COUNT that matches without ranking,
    which may stop past `at_most` (the count is then only known to be more)."""
    return _cards_by_keys(articles, counted=True, at_most=at_most)


def _cards_by_keys(articles: QuerySet, *, counted: bool = False, at_most: int | None = None, **options):
    annotations = list(articles.query.annotations)
    search = _search_of(articles)
    keys = search.top_keys(articles, ("pk", *annotations)) if search is not None else None
    total = None
    if keys is not None and counted:
        whole = articles._chain()
        whole.query.clear_limits()
        total = search.count(whole, at_most=at_most) if keys else None
    elif keys is None:
        keys = articles.values("pk", *annotations)
        if counted:
            keys = keys.annotate(list_total=Window(Count("pk")))
        keys = list(keys)
        total = keys[0]["list_total"] if keys and counted else None
    cards = {
        card.pk: card
        for card in article_cards(ArticlePage.objects.filter(pk__in=[key["pk"] for key in keys]), **options)
    }
    page = []
    for key in keys:
        card = cards.get(key["pk"])
        if card is not None:  # deleted between the two queries
            for name in annotations:
                setattr(card, name, key[name])
            page.append(card)
    if counted:
        return page, total
    return page


def _search_of(articles: QuerySet):
    """The search (`cms.search.ranking.ArticleSearch`) that ranks `articles`, if any: it can find
    a page of them without scoring every match (`top_keys`)."""
    for annotation in articles.query.annotations.values():
        search = getattr(annotation, "search", None)
        if search is not None:
            return search
    return None


def relations_of(article_ids: Iterable[int]) -> dict[str, dict[int, list[Named]]]:
    """The units, categories and tags of these articles, in one query: relation name → article
    id → items sorted by name (so that responses, and their ETags, are stable).

    Three prefetches would make three queries and, per article and relation, a related manager
    (bench/README.md).
    """
    ids = list(article_ids)
    kind = {"output_field": CharField()}
    units = ArticlePage.units.through.objects.filter(articlepage_id__in=ids).values_list(
        "articlepage_id", Value("units", **kind), "memberunit_id", "memberunit__name", "memberunit__slug"
    )
    categories = ArticlePage.categories.through.objects.filter(articlepage_id__in=ids).values_list(
        "articlepage_id", Value("categories", **kind), "category_id", "category__name", "category__slug"
    )
    tags = ArticlePageTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", Value("tags", **kind), "tag_id", "tag__name", "tag__slug"
    )
    found = {relation: defaultdict(dict) for relation in RELATIONS}
    for article_id, relation, pk, name, slug in units.union(categories, tags, all=True):
        found[relation][article_id][pk] = Named(pk, name, slug)
    return {
        relation: {article_id: sorted(items.values(), key=_name) for article_id, items in by_article.items()}
        for relation, by_article in found.items()
    }


def attach_relations(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Give each article its units, categories and tags (read them with `card_relation()`)."""
    found = relations_of(article.pk for article in articles) if articles else {}
    for article in articles:
        for relation in RELATIONS:
            setattr(article, f"card_{relation}", found[relation].get(article.pk, []))
    return articles


def card_relation(article: ArticlePage, name: str) -> list:
    """An article's `units`, `categories` or `tags`, sorted by name: the lists `article_cards`
    gave it, or the relation itself for an article that came another way (the article page
    Wagtail serves, a draft preview with its unsaved choices)."""
    items = getattr(article, f"card_{name}", None)
    if items is None:
        items = sorted(getattr(article, name).all(), key=_name)
    return items


def card_author(article: ArticlePage) -> Named | None:
    """An article's author as a card shows it: what `article_cards` read, or the author itself
    for an article that came another way."""
    if hasattr(article, "card_author"):
        return article.card_author
    author = article.author if article.author_id else None
    return Named(author.pk, author.name, author.slug) if author is not None else None


def _name(item) -> str:
    return item.name
