"""The image renditions that leave the system (API, feeds, pages) and their JSON shape."""

import logging
from dataclasses import dataclass

from django.conf import settings
from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)

# Widths a member unit's site can pick from; the page's `srcset` uses the same ones.
RENDITION_WIDTHS = (400, 800, 1200)
RENDITION_FILTERS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)
# Parsed once: Wagtail parses a filter spec given as a string on every call, with `inspect`
# (bench/README.md).
_FILTERS = {spec: Filter(spec=spec) for spec in RENDITION_FILTERS}


def rendition_key(image, spec: str) -> str:
    """The focal-point key Wagtail files the image's rendition under (`image` may be any object
    with the image's focal-point attributes)."""
    return _FILTERS[spec].get_cache_key(image)


def prefetched_rendition(image, spec: str):
    """The rendition among those prefetched with the image (`prefetch_renditions`), the way
    Wagtail matches them (filter spec and focal-point key), without Wagtail's per-call set-up."""
    for candidate in getattr(image, "prefetched_renditions", None) or ():
        if candidate.filter_spec == spec and candidate.focal_point_key == rendition_key(image, spec):
            return candidate
    return None


def rendition(image, spec: str):
    """One of the shared renditions of `image`: prefetched (`cards.article_cards`) or found/made by
    Wagtail; None when it has to be made and the original is gone from storage (the photo is
    left out, and the page, the API or the feed still answers)."""
    found = prefetched_rendition(image, spec)
    if found is not None:
        return found
    try:
        return image.get_rendition(_FILTERS[spec])
    except SourceImageIOError as error:
        logger.warning("Image %s: no rendition %s, the original cannot be read: %s", image.pk, spec, error)
        return None


@dataclass(frozen=True)
class ShownImage:
    """A photo as an article shows it inline: one rendition (absolute URL and size) and the
    photo's default alt text."""

    url: str
    width: int
    height: int
    alt: str


def shown_image(image, spec: str) -> ShownImage | None:
    shown = rendition(image, spec)
    if shown is None:
        return None
    return ShownImage(absolute_url(shown.url), shown.width, shown.height, image.default_alt_text or image.title)


def shared_renditions(image) -> list:
    """All the shared renditions of `image`, narrowest first (none when they cannot be made)."""
    found = [prefetched_rendition(image, spec) for spec in RENDITION_FILTERS]
    if all(found):
        return found
    try:
        made = image.get_renditions(*_FILTERS.values())
    except SourceImageIOError as error:
        logger.warning("Image %s: renditions cannot be made, the original cannot be read: %s", image.pk, error)
        return []
    return [made[spec] for spec in RENDITION_FILTERS]


def absolute_url(url: str) -> str:
    """Make a storage URL absolute with the configured site URL (never the request's Host)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def image_representation(image, alt: str = "") -> dict | None:
    """Alt text, original size and absolute URLs of the ready renditions, or None."""
    if image is None:
        return None
    return {
        "id": image.pk,
        "alt": alt or image.default_alt_text or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"width": r.width, "height": r.height, "url": absolute_url(r.url)} for r in shared_renditions(image)
        ],
    }
