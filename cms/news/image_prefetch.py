"""Body images and their renditions for many articles in a fixed number of queries.

Wagtail fetches a StreamField's chosen images per article, and each image's renditions one by
one. A list endpoint or a feed of 50 articles would run hundreds of queries. Inside
`prefetched_body_images(articles)` every image block of those articles reads from one bulk
fetch (with renditions) instead; `body_images()` gives the same images as a mapping, for code
that renders blocks from their raw form. Which images a body names is the blocks' own
knowledge (`ArticleBodyBlock.raw_image_ids`).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import router
from django.db.models import FilteredRelation, Q
from django.db.models.base import ModelState
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .renditions import RENDITION_FILTERS

_prefetched: ContextVar[dict | None] = ContextVar("prefetched_body_images", default=None)


def image_id(value) -> int | None:
    """An image block's stored image reference as a primary key (None when it names none).

    Blocks are stored as JSON, and a script may have written the id as a string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def images_with_renditions(ids: Iterable[int], specs: tuple[str, ...] = RENDITION_FILTERS) -> dict:
    """Images by primary key, each with its renditions of `specs` as `prefetched_renditions`
    (where Wagtail's `prefetch_renditions` puts them, so Wagtail's own rendition lookup reads
    them too), in one query: the images joined to those renditions, a row per pair.

    Wagtail's `prefetch_renditions` takes two queries; every page of articles (cards, feeds,
    body photos) goes through here, and one round trip fewer is one query fewer on every list.
    """
    ids = set(ids)
    if not ids:
        return {}
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    image_fields = [field.attname for field in image_model._meta.concrete_fields]
    rendition_fields = [field.attname for field in rendition_model._meta.concrete_fields]
    rows = (
        image_model.objects.filter(pk__in=ids)
        .annotate(shown=FilteredRelation("renditions", condition=Q(renditions__filter_spec__in=specs)))
        .values_list(*image_fields, *(f"shown__{name}" for name in rendition_fields))
    )
    database = router.db_for_read(image_model)
    split = len(image_fields)
    image_pk = image_fields.index(image_model._meta.pk.attname)
    rendition_pk = split + rendition_fields.index(rendition_model._meta.pk.attname)
    image_from_row = RowLoader(image_model, database, image_fields)
    rendition_from_row = RowLoader(rendition_model, database, rendition_fields)
    images: dict = {}
    for row in rows:
        image = images.get(row[image_pk])
        if image is None:
            image = images[row[image_pk]] = image_from_row(row[:split])
            image.prefetched_renditions = []
        if row[rendition_pk] is not None:  # None: the join found no rendition of `specs`
            shown = rendition_from_row(row[split:])
            shown.image = image
            image.prefetched_renditions.append(shown)
    return images


class RowLoader:
    """Instances of `model` from rows of all its concrete columns, equal to `Model.from_db`'s.

    The first row goes through `from_db`; the others copy its column values in and take the
    attributes its `__init__` added (Wagtail's image sets `decorative` and
    `contextual_alt_text`), without running `__init__` and `post_init` again: they only set
    the same attributes one by one and check the stored image sizes, and a page of 50 feed
    entries builds a hundred-odd images and renditions (bench/README.md).
    """

    def __init__(self, model, database: str, names: list[str]):
        self.model, self.database, self.names = model, database, names
        self.extras: dict | None = None

    def __call__(self, values):
        if self.extras is None:
            instance = self.model.from_db(self.database, self.names, values)
            self.extras = {
                name: value for name, value in vars(instance).items() if name not in self.names and name != "_state"
            }
            return instance
        instance = self.model.__new__(self.model)
        instance.__dict__.update(zip(self.names, values, strict=True))
        instance.__dict__.update(self.extras)
        instance._state = ModelState()
        instance._state.adding = False
        instance._state.db = self.database
        return instance


def body_images(ids: Iterable[int]) -> dict:
    """These body images (ids from `ArticleBodyBlock.raw_image_ids`): from the surrounding
    `prefetched_body_images()`, the rest fetched in one go."""
    return _known_or_fetched(set(ids))


def _known_or_fetched(wanted: set) -> dict:
    known = _prefetched.get() or {}
    found = {pk: known[pk] for pk in wanted if pk in known}
    found.update(images_with_renditions(wanted - found.keys()))
    return found


@contextmanager
def prefetched_body_images(
    articles: Iterable, specs: tuple[str, ...] = RENDITION_FILTERS, *, images: dict | None = None
) -> Iterator[None]:
    """Within this block, body images of `articles` come from one query (with renditions), or
    from `images` when the caller has read them already (`cards.complete_cards`).

    `specs` narrows the renditions fetched to those the caller shows.
    """
    if images is None:
        ids = {pk for article in articles for pk in article.body.stream_block.raw_image_ids(article.body.raw_data)}
        images = images_with_renditions(ids, specs)
    token = _prefetched.set(images)
    try:
        yield
    finally:
        _prefetched.reset(token)


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """An image chooser whose values come with their renditions, from the prefetch when set."""

    def bulk_to_python(self, values):
        values = list(values)
        found = _known_or_fetched({value for value in values if value is not None})
        return [found.get(value) for value in values]
