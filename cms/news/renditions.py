"""The image renditions that leave the system (API, feeds, pages) and their JSON shape."""

from django.conf import settings
from wagtail.images.models import Filter

# Widths a member unit's site can pick from; the page's `srcset` uses the same ones.
RENDITION_WIDTHS = (400, 800, 1200)
RENDITION_FILTERS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)
# Parsed once: Wagtail parses a filter spec given as a string on every call (with `inspect`),
# which cost more than reading the prefetched renditions themselves.
_FILTERS = {spec: Filter(spec=spec) for spec in RENDITION_FILTERS}


def prefetched_rendition(image, spec: str):
    """The rendition among those prefetched with the image (`prefetch_renditions`), the way
    Wagtail matches them (filter spec and focal-point key), without Wagtail's per-call set-up."""
    for candidate in getattr(image, "prefetched_renditions", None) or ():
        if candidate.filter_spec == spec and candidate.focal_point_key == _FILTERS[spec].get_cache_key(image):
            return candidate
    return None


def rendition(image, spec: str):
    """One of the shared renditions of `image`: prefetched (`with_card_data`) or found/made by Wagtail."""
    return prefetched_rendition(image, spec) or image.get_rendition(_FILTERS[spec])


def shared_renditions(image) -> list:
    """All the shared renditions of `image`, narrowest first."""
    found = [prefetched_rendition(image, spec) for spec in RENDITION_FILTERS]
    if all(found):
        return found
    made = image.get_renditions(*_FILTERS.values())
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
