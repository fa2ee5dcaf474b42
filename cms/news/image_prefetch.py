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
    """Images by primary key, each with the renditions of `specs` prefetched: two queries."""
    ids = set(ids)
    return get_image_model().objects.prefetch_renditions(*specs).in_bulk(ids) if ids else {}


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
def prefetched_body_images(articles: Iterable, specs: tuple[str, ...] = RENDITION_FILTERS) -> Iterator[None]:
    """Within this block, body images of `articles` come from one query (two with renditions).

    `specs` narrows the renditions fetched to those the caller shows.
    """
    ids = {pk for article in articles for pk in article.body.stream_block.raw_image_ids(article.body.raw_data)}
    token = _prefetched.set(images_with_renditions(ids, specs))
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
