"""Body images and their renditions for many articles in a fixed number of queries.

Wagtail fetches a StreamField's chosen images per article, and each image's renditions one by
one. A list endpoint or a feed of 50 articles would run hundreds of queries. Inside
`prefetched_body_images(articles)` every image block of those articles reads from one bulk
fetch (with renditions) instead.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .renditions import RENDITION_FILTERS

_prefetched: ContextVar[dict | None] = ContextVar("prefetched_body_images", default=None)


def _images_with_renditions(specs=RENDITION_FILTERS):
    return get_image_model().objects.prefetch_renditions(*specs)


def body_image_ids(articles: Iterable) -> set[int]:
    ids = set()
    for article in articles:
        for raw in article.body.raw_data:
            if raw["type"] == "image" and isinstance(raw["value"], dict) and raw["value"].get("image"):
                ids.add(raw["value"]["image"])
    return ids


@contextmanager
def prefetched_body_images(articles: Iterable, specs: tuple[str, ...] = RENDITION_FILTERS) -> Iterator[None]:
    """Within this block, body images of `articles` come from one query (two with renditions).

    `specs` narrows the renditions fetched to those the caller shows (a feed's figures use one
    width; the API offers all three).
    """
    articles = list(articles)
    ids = body_image_ids(articles)
    token = _prefetched.set(_images_with_renditions(specs).in_bulk(ids) if ids else {})
    try:
        yield
    finally:
        _prefetched.reset(token)


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """An image chooser whose values come with their renditions, from the prefetch when set."""

    def bulk_to_python(self, values):
        values = list(values)
        known = _prefetched.get() or {}
        missing = {value for value in values if value is not None and value not in known}
        found = dict(known)
        if missing:
            found.update(_images_with_renditions().in_bulk(missing))
        return [found.get(value) for value in values]
